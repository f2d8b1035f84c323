/// `skipDays`: up to seven `day` elements, each a day on which readers need not fetch the feed (RSS 2.0,
/// "skipDays"; RSS Advisory Board, "skipDays").
final class RSSSkipDays: ElementHandler {
    /// The days listed so far.
    fileprivate var days: Set<String> = []

    override func child(_ name: String) -> [ElementHandler]? {
        name == "day" ? [RSSDay()] : nil
    }

    override func validate() {
        if !children.contains("day") {
            log(.missingElement, "skipDays must contain at least one day element")
        }
        if children.count > 7 {
            log(.eightDaysAWeek, "skipDays lists \(children.count) days; a week has 7")
        }
    }
}

/// One `day` of `skipDays`: an English day name, capitalised as the specification writes them.
final class RSSDay: TextValue {
    private static let names: Set<String> = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    override func validate() {
        guard Self.names.contains(value) else {
            log(.invalidDay, "day must be one of Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday, not \"\(value.prefix(40))\"")
            return
        }
        guard let skipDays = parent as? RSSSkipDays else { return }
        if skipDays.days.contains(value) {
            log(.duplicateValue, "\(value) is listed twice in skipDays")
        } else {
            skipDays.days.insert(value)
        }
    }
}
