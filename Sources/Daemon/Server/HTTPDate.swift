import FeedModel

/// HTTP dates (RFC 9110 §5.6.7) for `Last-Modified` and `If-Modified-Since`.
enum HTTPDate {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The IMF-fixdate for a time in seconds since 1970, such as `Sun, 06 Nov 1994 08:49:37 GMT`.
    static func format(secondsSinceEpoch seconds: Int64) -> String {
        // RFC 822 with a +0000 zone has the same shape; HTTP spells the zone "GMT".
        let rfc822 = Timestamp(secondsSinceEpoch: seconds).rfc822
        return String(rfc822.dropLast(5)) + "GMT"
    }

    /// Seconds since 1970 for an IMF-fixdate, or `nil` for anything else. RFC 9110 §13.1.3 says a recipient
    /// ignores an `If-Modified-Since` it cannot parse, so the obsolete RFC 850 and asctime forms, which no
    /// current client sends, are treated the same way.
    static func parse(_ text: String) -> Int64? {
        let parts = text.split(separator: " ", omittingEmptySubsequences: false)
        guard parts.count == 6, parts[0].count == 4, parts[0].hasSuffix(","), parts[5] == "GMT",
            let day = Int(parts[1]), parts[1].count == 2,
            let monthIndex = months.firstIndex(where: { $0 == parts[2] }),
            let year = Int(parts[3]), parts[3].count == 4
        else { return nil }
        let clock = parts[4].split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }),
            let hour = Int(clock[0]), let minute = Int(clock[1]), let second = Int(clock[2])
        else { return nil }
        let civil = CivilTime(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: second)
        guard civil.isValid else { return nil }
        return civil.secondsSinceEpoch(utcOffsetSeconds: 0)
    }
}
