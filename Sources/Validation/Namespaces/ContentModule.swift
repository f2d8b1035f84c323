/// RSS 1.0's Content module (`http://purl.org/rss/1.0/modules/content/`): `content:encoded` holds an item's
/// full body as escaped HTML; `content:items` lists alternative formats as an RDF bag.
enum ContentModule {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.rssItem) else { return nil }
        switch element.local {
        case "encoded":
            // RSS Best Practices Profile, "content:encoded": publish a description too, before the content,
            // for readers that show only a summary.
            if let parent = element.parent, parent.feedKind == .rss2, !parent.children.contains("description") {
                parent.log(.needDescriptionBeforeContent, "\(parent.name) has content:encoded without a description before it")
            }
            return [SafeHTML(), NoDuplicates()]
        case "items":
            return [ContentItems(), NoDuplicates()]
        default:
            return nil
        }
    }
}

/// `content:items`: an `rdf:Bag` of `content:item`s (Content module, "content:items").
final class ContentItems: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? {
        name == "rdf:Bag" ? [ContentBag(), NoDuplicates()] : nil
    }
}

/// The `rdf:Bag` in `content:items`: one `rdf:li` per format.
final class ContentBag: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? {
        name == "rdf:li" ? [ContentListItem()] : nil
    }
}

/// An `rdf:li` of `content:items`, holding one `content:item`.
final class ContentListItem: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? {
        name == "content:item" ? [ContentItem()] : nil
    }
}

/// `content:item`: the format and encoding of one alternative body, as RDF resources, and its value.
final class ContentItem: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "content:format", "content:encoding": [RDFResourceURI(), NoDuplicates()]
        case "rdf:value": [TextValue(), NoDuplicates()]
        default: nil
        }
    }
}
