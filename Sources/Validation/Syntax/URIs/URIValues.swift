// URI value rules: one class per W3C service class, all built on `URICheck`.

/// A URI reference, relative or absolute (service: `rfc2396`; RFC 2396 section 4): `InvalidLink` otherwise.
class URIValue: TextValue {
    /// Whether relative references are acceptable.
    var shape: URICheck.Shape { .reference }
    /// The finding for a value of the wrong shape.
    var invalidRule: Rule { .invalidLink }
    /// True for IRIs: the value is converted to ASCII (IDNA, RFC 3987 section 3.1) before the URI check.
    var convertsIRI: Bool { false }

    override func validate() {
        checkURI()
    }

    /// Checks the value, converting it first when it is an IRI; other rules call this with their own
    /// finding for a malformed value (`InvalidURIAttribute` for an attribute, say).
    /// - Returns: true when the value is acceptable.
    @discardableResult
    func checkURI(rule: Rule? = nil, what: String? = nil) -> Bool {
        if convertsIRI, !value.isEmpty, let ascii = IDNA.toASCII(value) { value = ascii }
        return URICheck.validate(value, shape: shape, rule: rule ?? invalidRule, in: self, what: what)
    }
}

/// An IRI reference (service: `rfc3987`; RFC 3987 section 2.2): `InvalidIRI` otherwise.
class IRIValue: URIValue {
    override var convertsIRI: Bool { true }
    override var invalidRule: Rule { .invalidIRI }
}

/// An absolute URI (service: `rfc2396_full`; RFC 2396 section 3): `InvalidFullLink` otherwise.
class FullURI: URIValue {
    override var shape: URICheck.Shape { .absolute }
    override var invalidRule: Rule { .invalidFullLink }
}

/// An absolute IRI (service: `rfc3987_full`). The service checks it exactly as an absolute URI, without
/// converting non-ASCII characters first, so they are `UriNotIri` here too.
class FullIRI: IRIValue {
    override var shape: URICheck.Shape { .absolute }
    override var convertsIRI: Bool { false }
    override var invalidRule: Rule { .invalidFullLink }
}

/// An absolute IRI that should be written in canonical form (service: `canonicaluri`): scheme and host in lower
/// case, no default port, no `.` or `..` segments, `%` escapes only where needed and in upper case, a path of
/// at least `/` (RFC 3986 section 6.2.2); `NonCanonicalURI` otherwise, since readers compare ids as text.
class CanonicalURI: FullIRI {
    override func validate() {
        let written = value
        value = value.trimmedWhitespace
        guard checkURI() else { return }
        let canonical = URICanonicalForm.canonical(value)
        if canonical != written {
            log(
                .nonCanonicalURI,
                "\(name) \"\(written.prefix(80))\" is not in canonical form"
                    + (canonical.map { "; write \"\($0.prefix(80))\"" } ?? ""))
        }
    }
}

/// `xml:base` and other IRI references resolved against the base in scope (service: `xmlbase`): an IRI, and
/// `SameDocumentReference` when it names the document an enclosing `xml:base` made its base, which is rarely
/// what the writer meant (RFC 3986 section 4.4).
class XMLBaseURI: IRIValue {
    override func validate() {
        guard checkURI() else { return }
        XMLBaseURI.checkSameDocument(value, in: self)
    }

    /// Logs `SameDocumentReference` on `handler` when `value`, resolved against the base in scope, is that base
    /// itself while the base differs from the document's own URI.
    static func checkSameDocument(_ value: String, in handler: ElementHandler) {
        let document = handler.walker.documentURI
        guard !document.isEmpty, document != handler.xmlBase,
            let documentBase = URICanonicalForm.canonical(document).map(withoutFragment),
            let elementBase = URICanonicalForm.canonical(handler.xmlBase).map(withoutFragment),
            let resolved = URICanonicalForm.canonical(URIReference.join(base: elementBase, value)).map(withoutFragment)
        else { return }
        if resolved == elementBase && elementBase != documentBase {
            handler.log(.sameDocumentReference, "\(handler.name) \"\(value.prefix(80))\" refers to the document itself")
        }
    }

    private static func withoutFragment(_ uri: String) -> String {
        uri.firstIndex(of: "#").map { String(uri[..<$0]) } ?? uri
    }
}

/// An http or https URL with a host name of at least two labels (service: `httpURL`): `InvalidURLAttribute`.
class HTTPURL: TextValue {
    override func validate() {
        let bytes = Array(value.utf8)
        if !HTTPURL.hasHTTPHost(bytes) || !URICheck.matches(bytes, shape: .absolute) {
            log(.invalidURLAttribute, "\(name) must be an http or https URL, not \"\(value.prefix(80))\"")
        }
    }

    /// `http://` or `https://`, a dotted host name (or IPv4 address), an optional port, then `/` or the end.
    static func hasHTTPHost(_ bytes: [UInt8]) -> Bool {
        let lowered = bytes.prefix(8).map(\.asciiLowercased)
        let start: Int
        if lowered.starts(with: Array("http://".utf8)) {
            start = 7
        } else if lowered.starts(with: Array("https://".utf8)) {
            start = 8
        } else {
            return false
        }
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: ":"), bytes[end] != UInt8(ascii: "/") { end += 1 }
        let labels = bytes[start..<end].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2,
            labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") } }),
            labels.last!.first!.isASCIIAlphanumeric
        else { return false }
        var index = end
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            index += 1
            let digits = index
            while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
            guard index > digits else { return false }
        }
        return index == bytes.count || bytes[index] == UInt8(ascii: "/")
    }
}

/// An element whose URI is in `rdf:resource` (service: `rdfResourceURI`), as RSS 1.0 writes references.
class RDFResourceURI: URIValue {
    override var expectedAttributes: [AttributeName]? { [.rdf("resource"), AttributeName("http://purl.org/dc/elements/1.1/", "title")] }

    override func validate() {
        if let resource = attributes[.rdf("resource")] {
            value = resource
            checkURI()
        } else if feedKind == .rss1 {
            log(.missingAttribute, "\(name) must have an rdf:resource attribute")
        }
    }
}
