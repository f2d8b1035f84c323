extension Timestamp {
    private static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// RFC 3339 / ISO 8601 with the original offset, such as `2024-03-05T09:30:00+01:00` (`Z` for UTC).
    public var rfc3339: String {
        let c = localCivilTime
        var s = "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))"
        if utcOffsetSeconds == 0 {
            s += "Z"
        } else {
            s += offsetString(separator: ":")
        }
        return s
    }

    /// RFC 822 as updated by RFC 1123 (four-digit year) with a numeric zone and the weekday computed from the
    /// date, such as `Tue, 05 Mar 2024 09:30:00 +0100`. The W3C validator warns on named zones other than GMT.
    public var rfc822: String {
        let c = localCivilTime
        return "\(Self.weekdayNames[c.weekday]), \(pad(c.day, 2)) \(Self.monthNames[c.month - 1]) \(pad(c.year, 4)) "
            + "\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2)) \(offsetString(separator: ""))"
    }

    private func offsetString(separator: String) -> String {
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let magnitude = abs(utcOffsetSeconds) / 60
        return "\(sign)\(pad(magnitude / 60, 2))\(separator)\(pad(magnitude % 60, 2))"
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
