/// RSS 1.0's Slash module (`http://purl.org/rss/1.0/modules/slash/`): Slashdot-style item statistics.
enum Slash {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.item) else { return nil }
        switch element.local {
        // The number of comments: a count, so 0 or more.
        case "comments": return [NonNegativeInteger(), NoDuplicates()]
        case "section", "department": return [TextValue()]
        // Comment counts per threshold, comma separated.
        case "hit_parade": return [CommaSeparatedIntegers(), NoDuplicates()]
        default: return nil
        }
    }
}
