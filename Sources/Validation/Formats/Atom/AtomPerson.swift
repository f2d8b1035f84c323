/// A person construct (RFC 4287 section 3.2): `author` and `contributor` of a feed, entry or source, and
/// `atom:author` in RSS. It names a person with a required `name`, and optionally an `email` and a `uri`.
final class AtomPerson: ElementHandler {
    /// RDF serialisations of Atom mark elements with rdf:parseType.
    private static let attributeNames = [AttributeName.rdf("parseType")]

    override var expectedAttributes: [AttributeName]? { Self.attributeNames }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        // Section 3.2.1: a human-readable name, plain text; an address belongs in email.
        case "name", "atom:name": [NonHTML(), NonEmail(), NonBlank(), NoDuplicates()]
        // Section 3.2.3: an e-mail address (RFC 2822 addr-spec).
        case "email", "atom:email": [AddressSpec(), NoDuplicates()]
        // Section 3.2.2: an IRI.
        case "uri", "atom:uri": [NonBlank(), IRIValue(), NoWhitespace(), NoDuplicates()]
        // FOAF descriptions of the person, which some feeds add.
        case "foaf:workplaceHomepage", "foaf:homepage", "foaf:weblog": [RDFResourceURI()]
        case "foaf:plan", "foaf:firstName": [TextValue()]
        case "xhtml:div": [XHTMLDivEater()]
        default: nil
        }
    }

    override func validate() {
        if !children.contains("name") && !children.contains("atom:name") {
            log(.missingElement, "\(name) must contain a name (RFC 4287 section 3.2.1)")
        }
    }
}
