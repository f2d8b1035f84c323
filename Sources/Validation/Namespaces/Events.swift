/// RSS 1.0's Event module (`http://purl.org/rss/1.0/modules/event/`): an item that is an event. Its dates may
/// be in any year, far past or future.
enum Events {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.item) else { return nil }
        switch element.local {
        case "startdate", "enddate": return [UnboundedISO8601Date(), NoDuplicates()]
        case "location", "organizer": return [Eater()]
        case "type": return [TextValue(), NoDuplicates()]
        default: return nil
        }
    }
}
