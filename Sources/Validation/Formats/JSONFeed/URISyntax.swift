/// Checks on URLs, IRIs and e-mail addresses, by their RFC 3986 / 3987 / 5322 shapes, without Foundation.
enum URISyntax {
    /// The scheme of a URI reference (`https` in `https://x`), or nil when it has none, which makes it a
    /// relative reference (RFC 3986 section 4.2).
    static func scheme(of reference: String) -> Substring? {
        guard let colon = reference.firstIndex(of: ":") else { return nil }
        let scheme = reference[..<colon]
        guard let first = scheme.unicodeScalars.first, first.isASCIILetter,
            scheme.unicodeScalars.allSatisfy({ $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "+" || $0 == "-" || $0 == "." })
        else { return nil }
        return scheme
    }

    /// True for an absolute IRI (RFC 3987): a scheme, no spaces or control characters, and for the
    /// hierarchical web schemes an authority (`http:foo` is useless to a reader).
    static func isAbsolute(_ reference: String) -> Bool {
        guard let scheme = scheme(of: reference), isWellFormedIRI(reference) else { return false }
        switch scheme.lowercased() {
        case "http", "https", "ftp":
            let rest = reference[reference.index(after: scheme.endIndex)...]
            return rest.hasPrefix("//") && rest.count > 2
        default:
            return reference.count > scheme.count + 1
        }
    }

    /// True when a reference has no characters an IRI can never contain (RFC 3987 section 2.2: spaces,
    /// controls, `<>"{}|\^` and backquote).
    static func isWellFormedIRI(_ reference: String) -> Bool {
        !reference.isEmpty
            && !reference.unicodeScalars.contains { scalar in
                scalar.value <= 0x20 || (0x7F...0x9F).contains(scalar.value)
                    || "<>\"{}|\\^`".unicodeScalars.contains(scalar)
            }
    }

    /// True for a same-document reference such as `#notes`, which needs no base to resolve.
    static func isFragmentOnly(_ reference: String) -> Bool {
        reference.hasPrefix("#")
    }

    /// True for an RFC 5322 addr-spec in its common form: `local@domain.tld`, no spaces.
    static func isEmailAddress(_ text: Substring) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix(".")
        else { return false }
        return !text.unicodeScalars.contains { $0.value <= 0x20 || "<>()[]\\,;:\"".unicodeScalars.contains($0) }
    }

    /// True for the RSS 2.0 contact form `ada@example.org (Ada Example)` or a bare address: what the RSS
    /// specification shows for `author`, `managingEditor` and `webMaster`.
    static func isRSSContact(_ text: String) -> Bool {
        let trimmed = text.trimmingWhitespace
        if let open = trimmed.firstIndex(of: "(") {
            guard trimmed.hasSuffix(")") else { return false }
            return isEmailAddress(trimmed[..<open].trimmingWhitespaceSubstring)
        }
        return isEmailAddress(Substring(trimmed))
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingWhitespace: String { String(trimmingWhitespaceSubstring) }

    var trimmingWhitespaceSubstring: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let text = Substring(self)
        guard let start = text.firstIndex(where: { !isSpace($0) }), let end = text.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return text[start...end]
    }
}
