/// The changedPage module (`http://my.theinfo.org/changed/1.0/rss/`): the server that tracks changes.
enum ChangedPage {
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.channel), element.local == "server" else { return nil }
        return [RDFResourceURI()]
    }
}
