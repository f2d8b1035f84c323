/// `<category>` (RFC 4287 section 4.2.2): all in its attributes, a required `term`, an optional `scheme`
/// IRI and a human-readable `label`. Also `atom:category` in RSS.
final class AtomCategory: ElementHandler {
    private static let attributeNames = [AttributeName("term"), AttributeName("scheme"), AttributeName("label")]

    override var expectedAttributes: [AttributeName]? { Self.attributeNames }

    override func prevalidate() {
        // Any text in it is out of place.
        children.append(AtomTextConstruct.elementMarker)
        validateRequiredAttribute("term", with: NonBlank())
        validateOptionalAttribute("scheme", with: FullIRI())
        validateOptionalAttribute("label", with: NonHTML())
    }
}
