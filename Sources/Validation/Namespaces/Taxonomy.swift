/// RSS 1.0's Taxonomy module (`http://purl.org/rss/1.0/modules/taxonomy/`): topics as an RDF bag.
enum Taxonomy {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.channelOrItem), element.local == "topics" else { return nil }
        return [Eater()]
    }
}
