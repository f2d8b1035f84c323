/// RSS 1.0's Wiki module (`http://purl.org/rss/1.0/modules/wiki/`): the state of a wiki page change.
enum Wiki {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        let scope = element.scope
        switch element.local {
        case "diff", "history", "importance", "status", "version": return scope.contains(.item) ? [TextValue()] : nil
        case "interwiki": return scope.contains(.channel) ? [TextValue()] : nil
        default: return nil
        }
    }
}
