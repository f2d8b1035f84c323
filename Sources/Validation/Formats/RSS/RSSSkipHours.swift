/// `skipHours`: up to 24 `hour` elements, each an hour (0–23, GMT) in which readers need not fetch the feed
/// (RSS 2.0, "skipHours"; RSS Advisory Board, "skipHours").
final class RSSSkipHours: ElementHandler {
    /// The hours listed so far.
    fileprivate var hours: Set<Int> = []

    override func child(_ name: String) -> [ElementHandler]? {
        name == "hour" ? [RSSHour()] : nil
    }

    override func validate() {
        if !children.contains("hour") {
            log(.missingElement, "skipHours must contain at least one hour element")
        }
        if children.count > 24 {
            log(.notEnoughHoursInTheDay, "skipHours lists \(children.count) hours; a day has 24")
        }
    }
}

/// One `hour` of `skipHours`: a whole number from 0 to 23. 24 is midnight too, but the RSS Best Practices
/// Profile asks for 0, which every reader understands.
final class RSSHour: TextValue {
    override func validate() {
        guard let hour = Int(value) else {
            log(.invalidHour, "hour must be a whole number from 0 to 23, not \"\(value.prefix(40))\"")
            return
        }
        let skipHours = parent as? RSSSkipHours
        let listed = skipHours?.hours ?? []
        if listed.contains(hour) || ((hour == 0 || hour == 24) && listed.contains(24 - hour)) {
            log(.duplicateValue, "hour \(hour) is listed twice in skipHours")
        }
        if hour < 0 || hour > 23 {
            if value == "24" {
                log(.useZeroForMidnight, "write midnight as hour 0, not 24")
            } else {
                log(.invalidHour, "hour must be a whole number from 0 to 23, not \"\(value.prefix(40))\"")
            }
            return
        }
        skipHours?.hours.insert(hour)
    }
}
