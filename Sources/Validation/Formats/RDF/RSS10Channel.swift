/// `<channel>` of RSS 1.0 (RSS 1.0 specification section 5.3): the channel's title, link and description,
/// and references (`rdf:resource`) to the items, image and text input described beside it.
class RSS10Channel: RSSChannelBase {
    override var expectedAttributes: [AttributeName]? { [.rdf("about")] }

    override func prevalidate() {
        if let about = attributes[.rdf("about")] {
            // The channel's URI is taken; an item or image reusing it is a repeat.
            _ = recordRDFAbout(about)
        }
    }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "items":
            // Section 5.3.5: the items are listed by URI, which needs the channel's own URI to hang on.
            if !attributes.contains(.rdf("about")) {
                log(.missingAttribute, "\(self.name) must have an rdf:about attribute to list items")
            }
            return [RSS10Items(), NoDuplicates()]
        case "rdfs:label", "rdfs:comment":
            return [TextValue()]
        default:
            return super.child(name)
        }
    }
}

/// `<Channel>`, the document element of RSS 1.1 (RSS 1.1 specification section 4.2): an RSS 1.0 channel
/// with its items in place (`rdf:parseType="Collection"`) instead of listed by URI.
final class RSS11Channel: RSS10Channel {
    override func prevalidate() {
        super.prevalidate()
        // The document element is itself the channel resource, checked as RDF/XML from here on.
        if feedKind == .rss1, parent is RootHandler {
            walker.elementObserver = RDFXMLGrammar(walker: walker, rootIsRDF: false, rootAttributes: attributes, rootName: name)
        }
    }
}
