/// RSS 1.0's Annotation module (`http://purl.org/rss/1.0/modules/annotate/`): the resource an item comments on.
enum Annotation {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.item), element.local == "reference" else { return nil }
        return [RDFResourceURI(), NoDuplicates()]
    }
}
