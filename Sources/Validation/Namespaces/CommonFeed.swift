/// Microsoft's Common Feed extensions (`http://www.microsoft.com/schemas/rss/core/2005`, "Simple List
/// Extensions"): `cf:treatAs` says the feed is a list, `cf:listinfo` how to sort and group its items.
enum CommonFeed {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.channel) else { return nil }
        switch element.local {
        case "listinfo": return [ListInfo()]
        case "treatAs": return [TextValue()]
        default: return nil
        }
    }
}

/// `cf:listinfo`: the `cf:sort` and `cf:group` properties of the list's items.
final class ListInfo: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "cf:sort": [ListProperty(["data-type", "default", "element", "label", "ns"])]
        case "cf:group": [ListProperty(["element", "label", "ns"])]
        default: nil
        }
    }
}

/// `cf:sort` or `cf:group`: an empty element naming an item property by its attributes.
final class ListProperty: ElementHandler {
    private let names: [AttributeName]

    /// - Parameter names: the attributes the property takes.
    init(_ names: [String]) {
        self.names = names.map { AttributeName($0) }
    }

    override var expectedAttributes: [AttributeName]? { names }
}
