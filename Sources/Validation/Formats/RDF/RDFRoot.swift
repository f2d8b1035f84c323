/// `<rdf:RDF>`: the document element of RSS 1.0 (RSS 1.0 specification section 5.2) and of RSS 0.90, both
/// RDF documents. Its children describe resources side by side: the channel, then each item, image and
/// text input the channel refers to by URI.
final class RDFRoot: ElementHandler {
    /// True for RSS 0.90, whose elements are in Netscape's namespace and need no `rdf:about`.
    private var isRSS090: Bool { walker.defaultNamespaces.contains(Vocabulary.rss090) }

    override func prevalidate() {
        feedKind = .rss1
        if parent is RootHandler {
            walker.elementObserver = RDFXMLGrammar(walker: walker, rootIsRDF: true, rootAttributes: attributes, rootName: name)
        }
    }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "rss090:channel":
            // RSS 0.90: the rest of the document is in the same namespace, read as this format's own.
            walker.defaultNamespaces.append(Vocabulary.rss090)
            return [RSSChannelBase(), NoDuplicates()]
        case "channel":
            return [RDFAbout(), RSS10Channel(), NoDuplicates()]
        case "item":
            return described(RSS10Item())
        case "textinput":
            return described(RSSTextInput())
        case "image":
            return described(RSS10Image())
        case "cc:License", "taxo:topic", "rdf:Description":
            // RDF descriptions of licences and topics the items refer to: not checked.
            return [Eater()]
        default:
            return nil
        }
    }

    /// RSS 1.0 section 5.2: every resource beside the channel is named by `rdf:about`.
    private func described(_ handler: ElementHandler) -> [ElementHandler] {
        isRSS090 ? [handler] : [handler, RDFAbout()]
    }

    override func validate() {
        if !children.contains("channel") && !children.contains("rss090:channel") {
            log(.missingElement, "rdf:RDF must contain a channel element")
        }
    }
}

/// Requires `rdf:about` on an RSS 1.0 resource (channel, item, image, textinput) and checks it is a URI.
/// It rides along with the element's own handler, so it takes no children of its own.
final class RDFAbout: ElementHandler {
    override var expectedAttributes: [AttributeName]? { [.rdf("about")] }

    override func startChild(local: String, namespace: String?, prefix: String?, attributes: AttributeList) {}

    override func validate() {
        if attributes.contains(.rdf("about")) {
            validateAttribute(.rdf("about"), with: URIValue())
        } else {
            log(.missingAttribute, "\(name) must have an rdf:about attribute naming the resource it describes")
        }
    }
}

extension ElementHandler {
    /// Records an `rdf:about` URI for the whole document; false when a resource already had it (RDF
    /// describes a resource once here: a repeat means two items or images were given one URI).
    func recordRDFAbout(_ about: String) -> Bool {
        var top: ElementHandler = self
        while let up = top.parent { top = up }
        return top.uniqueValues["rdf:about", default: []].insert(about).inserted
    }
}
