/// UserLand's blogChannel module (`http://backend.userland.com/blogChannelModule`): URLs of the weblog's
/// blogroll, subscriptions, a recommended site, and its change notification service.
enum BlogChannel {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.channel) else { return nil }
        switch element.local {
        case "blogRoll", "mySubscriptions", "blink", "changes": return [FullURI(), NoDuplicates()]
        default: return nil
        }
    }
}
