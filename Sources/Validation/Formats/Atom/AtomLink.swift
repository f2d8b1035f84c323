/// `<link>` of Atom 1.0 (RFC 4287 section 4.2.7): a reference from a feed, entry or source to a Web resource.
///
/// Everything is in the attributes, so the checks run when the element ends, where the W3C service reports
/// them. After that, `rel`, `type`, `href` and `hreflang` hold what the link says, for the feed- and
/// entry-level checks (self link, alternates, RFC 5005 archives).
///
/// RSS uses it too: `atom:link` in an RSS 2.0 channel or item is checked as an Atom link, and its self link is
/// compared with the document's location as a feed's is.
final class AtomLink: ElementHandler {
    /// Relations registered by RFC 4287 section 4.2.7.2 and later specifications (the IANA "Link Relations"
    /// registry as readers know it); any other relation should be an absolute IRI.
    static let registeredRelations: Set<String> = [
        "alternate", "current", "describedby", "edit", "edit-media", "enclosure", "first", "hub", "last", "license",
        "next", "next-archive", "payment", "prev-archive", "previous", "related", "replies", "search", "self",
        "service", "up", "via",
    ]

    /// The paging and archive relations of RFC 5005 (sections 3 and 4), which describe feeds, not entries.
    static let historyRelations: Set<String> = ["current", "first", "last", "next", "next-archive", "prev-archive", "previous"]

    /// RFC 4287 section 4.2.7.2: a registered relation may also be written as this URI followed by its name.
    static let registryPrefix = "http://www.iana.org/assignments/relation/"

    /// Media types a self link may announce: the feed formats themselves.
    static let feedTypes: Set<Substring> = ["application/atom+xml", "application/rss+xml", "application/rdf+xml"]

    private static let threading = "http://purl.org/syndication/thread/1.0"

    /// The relation, `alternate` when absent (RFC 4287 section 4.2.7.2), without the registry prefix.
    private(set) var rel = "alternate"
    /// The `type` attribute, empty when absent.
    private(set) var type = ""
    /// The `href` attribute as written, empty when absent.
    private(set) var href = ""
    /// The `hreflang` attribute, empty when absent.
    private(set) var hreflang = ""

    private static let attributeNames = [
        AttributeName("type"), AttributeName("title"), AttributeName("rel"), AttributeName("href"), AttributeName("length"),
        AttributeName("hreflang"), .rdf("type"), .rdf("resource"), AttributeName(threading, "count"),
        AttributeName(threading, "when"), AttributeName(threading, "updated"),
    ]

    override var expectedAttributes: [AttributeName]? { Self.attributeNames }

    /// "atom:link is an empty element" (RFC 4287 section 4.2.7): children are ignored without a finding.
    override func startChild(local: String, namespace: String?, prefix: String?, attributes: AttributeList) {
        walker.push([Eater()], name: local, attributes: attributes, parent: self)
    }

    override func characters(_ text: String) {
        if !text.isBlank {
            log(.atomLinkNotEmpty, "\(name) in \(parentName) is an empty element: its text is ignored")
        }
    }

    override func validate() {
        checkRelation()
        checkType()
        if let title = attributes["title"] {
            if title.isEmpty { log(.attrNotBlank, "the title attribute of \(name) in \(parentName) should not be blank") }
            AtomSyntax.checkNonHTML(title, in: self, rule: .containsHTML)
        }
        // RFC 4287 section 4.2.7.6: "length" is the resource's size in octets.
        if let length = attributes["length"] {
            validateAttribute("length", with: NonNegativeInteger())
            if length.isEmpty { log(.notBlank, "the length attribute of \(name) in \(parentName) should not be blank") }
        }
        // RFC 4287 section 4.2.7.4: a language tag (RFC 3066).
        if let language = attributes["hreflang"] {
            hreflang = language
            validateAttribute("hreflang", with: LanguageCodeValue())
        }
        if let reference = attributes["href"] {
            href = reference
            validateAttribute("href", with: XMLBaseURI())
            if rel == "self", parent?.name == "feed" || parent?.name == "channel" { checkSelf() }
        } else {
            log(.missingHref, "\(name) in \(parentName) must have an href attribute (RFC 4287 section 4.2.7.1)")
        }
        checkThreading()
    }

    /// RFC 4287 section 4.2.7.2: a relation is a registered name or an absolute IRI.
    private func checkRelation() {
        guard var relation = attributes["rel"] else { return }
        if relation.hasPrefix(Self.registryPrefix) { relation.removeFirst(Self.registryPrefix.count) }
        rel = relation
        if !Self.registeredRelations.contains(relation) && !Self.isAbsoluteIRI(relation) {
            log(.unregisteredAtomLinkRel, "\"\(relation.prefix(80))\" is neither a registered link relation nor an absolute IRI")
        }
        if relation.isEmpty { log(.attrNotBlank, "the rel attribute of \(name) in \(parentName) should not be blank") }
        if Self.historyRelations.contains(relation), parent?.name == "entry" {
            log(.feedHistoryRelInEntry, "rel=\"\(relation)\" is an RFC 5005 relation between feed documents, not for an entry")
        }
    }

    /// RFC 4287 section 4.2.7.3: a MIME media type; a self link names a feed, so its type is a feed format.
    private func checkType() {
        guard let given = attributes["type"] else { return }
        type = given
        if !AtomSyntax.isMIMEType(given) {
            log(.invalidMIMEType, "the type of \(name) in \(parentName) must be a MIME type, not \"\(given.prefix(60))\"")
        } else if rel == "self", !Self.feedTypes.contains(given.prefix { $0 != ";" }) {
            log(.selfNotAtom, "the self link has type \"\(given.prefix(60))\"; a feed's own type is application/atom+xml")
        }
    }

    /// The self link names the document itself (RFC 4287 section 4.2.7.2): relative it depends on where the
    /// document is read from, and naming another place sends subscribers elsewhere.
    private func checkSelf() {
        if Self.authority(of: href).isEmpty && !hasAbsoluteBase() {
            log(.relativeSelf, "the self link \"\(href.prefix(80))\" is relative; write the feed's absolute URL")
        }
        // The service compares the IRI as converted for its syntax check: a self link with a non-ASCII host
        // never matches a location given as an IRI.
        let value = AtomSyntax.asciiIRI(href)
        let resolved = URIReference.join(base: xmlBase, value)
        // With no location known (bytes given without one), there is nothing to compare the link with.
        guard !walker.documentURI.isEmpty, !walker.selfLocations.contains(resolved),
            Self.withoutFragment(resolved) != Self.withoutFragment(xmlBase),
            !walker.selfLocations.containsEquivalent(value)
        else { return }
        log(.selfDoesntMatchLocation, "the self link \"\(href.prefix(80))\" is not where this document was read from (\(walker.documentURI))")
        walker.selfLocations.insert(resolved)
    }

    /// Whether this element or an enclosing one sets an `xml:base` with a host.
    private func hasAbsoluteBase() -> Bool {
        var element: ElementHandler? = self
        while let current = element {
            if let base = current.attributes[.xmlBase], !Self.authority(of: base).isEmpty { return true }
            element = current.parent
        }
        return false
    }

    /// RFC 4685 section 4: `thr:count` and `thr:updated` describe a `replies` link; `thr:when` was dropped
    /// from the draft.
    private func checkThreading() {
        if attributes.contains(AttributeName(Self.threading, "count")) {
            if rel != "replies" { log(.unexpectedAttribute, "thr:count belongs on a rel=\"replies\" link") }
            validateAttribute(AttributeName(Self.threading, "count"), with: NonNegativeInteger())
        }
        if attributes.contains(AttributeName(Self.threading, "when")) {
            log(.noThrWhen, "thr:when is not part of RFC 4685; use thr:updated")
        }
        if attributes.contains(AttributeName(Self.threading, "updated")) {
            if rel != "replies" { log(.unexpectedAttribute, "thr:updated belongs on a rel=\"replies\" link") }
            validateAttribute(AttributeName(Self.threading, "updated"), with: RFC3339Date())
        }
    }

    // MARK: - Helpers

    /// A scheme and at least one URI character after it (RFC 3987 section 2.2 `absolute-IRI`, loosely, as
    /// the service checks it); non-ASCII characters count as IRI characters.
    static func isAbsoluteIRI(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard let colon = scalars.firstIndex(of: ":"), let first = scalars.first, first.isASCII, first.properties.isAlphabetic
        else { return false }
        let scheme = scalars[..<colon].dropFirst()
        let rest = scalars[scalars.index(after: colon)...]
        return scheme.allSatisfy { isASCIIAlphanumeric($0) || "+-.".unicodeScalars.contains($0) }
            && !rest.isEmpty && rest.allSatisfy { !$0.isASCII || isURICharacter($0) }
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }

    /// Characters RFC 2396 section 2 allows in a URI, `#` included.
    private static func isURICharacter(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || ";/?:@&=+$.-_!~*'()%,#".unicodeScalars.contains(scalar)
    }

    /// The authority of a URI reference (what follows `//`), empty when it has none.
    static func authority(of reference: String) -> Substring {
        var rest = Substring(reference)
        if let colon = rest.firstIndex(of: ":"), !rest[..<colon].contains(where: { "/?#".contains($0) }),
            let first = rest.first, first.isLetter
        {
            rest = rest[rest.index(after: colon)...]
        }
        guard rest.hasPrefix("//") else { return "" }
        rest = rest.dropFirst(2)
        return rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    }

    static func withoutFragment(_ uri: String) -> Substring {
        uri.prefix { $0 != "#" }
    }
}
