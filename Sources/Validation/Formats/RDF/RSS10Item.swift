/// `<item>` of RSS 0.90, 1.0 (RSS 1.0 section 5.5) and 1.1: a title and a link are required, the
/// description optional; in RSS 1.0 the item is named by `rdf:about`, once in the document.
final class RSS10Item: RSSItemBase {
    override var expectedAttributes: [AttributeName]? { [.rdf("about")] }

    override func prevalidate() {
        if let about = attributes[.rdf("about")], !recordRDFAbout(about) {
            log(.duplicateValue, "rdf:about \"\(about.prefix(80))\" names another resource of this document too")
        }
    }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "rdfs:label", "rdfs:comment": [TextValue()]
        default: super.child(name)
        }
    }

    override func validate() {
        if !children.contains("link") { log(.missingElement, "item must contain a link element") }
        if !children.contains("title") { log(.missingElement, "item must contain a title element") }
    }
}
