/// RSS 1.0's Syndication module (`http://purl.org/rss/1.0/modules/syndication/`): how often a channel
/// changes, so aggregators can poll less.
enum Syndication {
    /// The periods `sy:updatePeriod` takes (module, "Elements").
    static let periods = ["hourly", "daily", "weekly", "monthly", "yearly"]

    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.channel) else { return nil }
        switch element.local {
        case "updatePeriod": return [EnumeratedValue(periods, rule: .invalidUpdatePeriod), NoDuplicates()]
        // Times per period: a positive integer.
        case "updateFrequency": return [PositiveInteger(), NonBlank(), NoDuplicates()]
        // The date the period is counted from.
        case "updateBase": return [W3CDTFDate(), NoDuplicates()]
        default: return nil
        }
    }
}
