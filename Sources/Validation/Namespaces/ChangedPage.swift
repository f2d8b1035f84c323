/// The changedPage module (`http://my.theinfo.org/changed/1.0/rss/`): the server that tracks changes.
enum ChangedPage {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.channel), element.local == "server" else { return nil }
        return [RDFResourceURI()]
    }
}
