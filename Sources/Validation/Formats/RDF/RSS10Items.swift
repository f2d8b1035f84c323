/// `<items>` of an RSS 1.0 channel (RSS 1.0 section 5.3.5): an `rdf:Seq` listing the items' URIs in order.
/// In RSS 1.1 (section 4.2.4) it holds the items themselves, as an RDF collection.
final class RSS10Items: ElementHandler {
    override var expectedAttributes: [AttributeName]? { [.rdf("parseType")] }

    private var isRSS11: Bool { walker.defaultNamespaces.contains(Vocabulary.rss11) }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "item":
            if !isRSS11 {
                log(.undefinedElement, "Undefined items element: item (RSS 1.0 lists items in rdf:Seq and describes them after the channel)")
            }
            return [RSS10Item()]
        case "rdf:Seq":
            if isRSS11 {
                log(.undefinedElement, "Undefined items element: rdf:Seq (RSS 1.1 puts the items themselves in items)")
            }
            return [RDFSeq()]
        default:
            return nil
        }
    }
}

/// The `rdf:Seq` of `items`: one `rdf:li` per item.
final class RDFSeq: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? {
        name == "rdf:li" ? [RDFListItem()] : nil
    }
}

/// An `rdf:li` of `items`: the URI of one item, in `rdf:resource` (or `resource`, which RSS 1.0's examples
/// use).
final class RDFListItem: ElementHandler {
    override var expectedAttributes: [AttributeName]? { [AttributeName("resource"), .rdf("resource")] }
}
