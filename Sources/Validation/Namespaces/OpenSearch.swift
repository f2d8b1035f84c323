/// OpenSearch response elements in a channel or feed (OpenSearch 1.1 "OpenSearch response elements", and
/// 1.0's `opensearchrss` namespace): the size of the result set, the page, and the query that produced it.
enum OpenSearch {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement, version11: Bool) -> [ElementHandler]? {
        guard element.scope.contains(.channel) else { return nil }
        switch element.local {
        case "totalResults", "itemsPerPage": return [NonNegativeInteger(), NoDuplicates()]
        case "startIndex": return [IntegerValue(), NoDuplicates()]
        case "Query": return version11 ? [OpenSearchQuery()] : nil
        default: return nil
        }
    }
}

/// `<opensearch:Query role="request" searchTerms="…"/>` (OpenSearch 1.1 "The Query element").
final class OpenSearchQuery: ElementHandler {
    /// The roles OpenSearch 1.1 defines; others are prefixed names of an extension.
    static let roles = ["request", "example", "related", "correction", "subset", "superset"]

    override var expectedAttributes: [AttributeName]? {
        [
            "role", "title", "totalResults", "searchTerms", "count", "startIndex", "startPage", "language", "inputEncoding",
            "outputEncoding", "parameter",
        ].map { AttributeName($0) }
    }

    override func prevalidate() {
        validateRequiredAttribute("role", with: QueryRole())
        validateOptionalAttribute("title", with: LengthLimitedText(max: 256))
        validateOptionalAttribute("totalResults", with: NonNegativeInteger())
        validateOptionalAttribute("searchTerms", with: URLEncodedTerms())
        validateOptionalAttribute("count", with: NonNegativeInteger())
        validateOptionalAttribute("startIndex", with: IntegerValue())
        validateOptionalAttribute("startPage", with: IntegerValue())
        validateOptionalAttribute("language", with: LanguageCodeValue())
        validateOptionalAttribute("inputEncoding", with: CharsetValue())
        validateOptionalAttribute("outputEncoding", with: CharsetValue())
    }
}

/// A query role: one of OpenSearch's, or `prefix:name` with a declared prefix.
final class QueryRole: TextValue {
    override func validate() {
        guard let colon = value.firstIndex(of: ":") else {
            if !OpenSearchQuery.roles.contains(value) {
                log(.invalidLocalRole, "\"\(value)\" is not an OpenSearch query role")
            }
            return
        }
        let prefix = String(value[..<colon])
        if parent?.namespaceFor(prefix: prefix) == nil {
            log(.undeclaredPrefix, "the role \"\(value)\" uses the prefix \(prefix), which is not declared")
        }
    }
}

/// `searchTerms`: URL-encoded words (OpenSearch 1.1 "The Query element"): each word must read back the same
/// once decoded and encoded again.
final class URLEncodedTerms: TextValue {
    override func validate() {
        for word in value.split(whereSeparator: { $0.isWhitespace }) where !Self.isEncoded(word) {
            log(.notURLEncoded, "\(name) of \(parentName) must be URL-encoded: \"\(word.prefix(80))\"")
            return
        }
    }

    /// Characters a URL-encoded word may hold as they are: letters, digits, `_.-~/` and `%XX` escapes.
    static func isEncoded(_ word: Substring) -> Bool {
        let scalars = Array(word.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "%" {
                guard index + 2 < scalars.count, let high = hexValue(scalars[index + 1]),
                    let low = hexValue(scalars[index + 2])
                else { return false }
                // An escaped character that needs no escape does not read back the same.
                if let byte = Unicode.Scalar(high * 16 + low), isUnreserved(byte) { return false }
                index += 3
                continue
            }
            guard isUnreserved(scalar) else { return false }
            index += 1
        }
        return true
    }

    private static func isUnreserved(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_.-~/".unicodeScalars.contains(scalar))
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 0x30
        case "a"..."f": scalar.value - 0x61 + 10
        case "A"..."F": scalar.value - 0x41 + 10
        default: nil
        }
    }
}
