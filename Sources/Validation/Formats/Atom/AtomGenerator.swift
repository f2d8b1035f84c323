/// `<generator>` (RFC 4287 section 4.2.4): the software that made the feed, as plain text, with an optional
/// `uri` and `version`. Also `atom:generator` in RSS.
final class AtomGenerator: NonHTML {
    private static let attributeNames = [AttributeName("uri"), AttributeName("version")]

    override var expectedAttributes: [AttributeName]? { Self.attributeNames }

    override func prevalidate() {
        // Atom 0.3 called the attribute url; it is unexpected in Atom 1.0, and checked anyway.
        if let url = attributes["url"] {
            AtomSyntax.checkURI(url, rule: .invalidLink, in: self, what: "url")
        }
        if let uri = attributes["uri"] {
            AtomSyntax.checkURI(uri, rule: .invalidURIAttribute, in: self, what: "uri")
        }
    }
}
