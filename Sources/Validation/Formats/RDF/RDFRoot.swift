/// `<rdf:RDF>`: RSS 1.0 and RSS 0.90. (Placeholder: the RSS family fills this in.)
final class RDFRoot: ElementHandler {
    override func prevalidate() {
        feedKind = .rss1
    }

    override func child(_ name: String) -> [ElementHandler]? { [Eater()] }
}

/// `<Channel>` in the RSS 1.1 namespace. (Placeholder.)
final class RSS11Channel: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? { [Eater()] }
}

/// An element of an unknown namespace in an RSS 1.0 document, which is RDF: checked as RDF.
/// (Placeholder.)
final class RDFExtension: Eater {
    let namespace: String?

    init(namespace: String?) {
        self.namespace = namespace
    }
}
