/// RSS 1.0's Aggregation module (`http://purl.org/rss/1.0/modules/aggregation/`): where an aggregated item
/// came from.
enum Aggregation {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.item) else { return nil }
        switch element.local {
        case "source": return [TextValue(), NoDuplicates()]
        case "sourceURL": return [FullURI(), NoDuplicates()]
        case "timestamp": return [ISO8601Date(), NoDuplicates()]
        default: return nil
        }
    }
}
