/// Feed Paging and Archiving (RFC 5005, `http://purl.org/syndication/history/1.0`): `fh:complete` (section 2)
/// says the feed holds every entry, `fh:archive` (section 4) that it is an archive document. Both are empty
/// markers; the link relations they change are checked with the feed's links.
enum FeedHistory {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.channel) else { return nil }
        switch element.local {
        case "archive", "complete": return [EmptyMarker()]
        default: return nil
        }
    }
}

/// An element that holds nothing: text in it is `UnexpectedText`, a child `UndefinedElement`.
final class EmptyMarker: ElementHandler {}
