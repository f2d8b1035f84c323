/// UserLand's blogChannel module (`http://backend.userland.com/blogChannelModule`): URLs of the weblog's
/// blogroll, subscriptions, a recommended site, and its change notification service.
enum BlogChannel {
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.channel) else { return nil }
        switch element.local {
        case "blogRoll", "mySubscriptions", "blink", "changes": return [FullURI(), NoDuplicates()]
        default: return nil
        }
    }
}
