/// A moment in time together with the UTC offset it was written in.
///
/// The offset is kept because an article's local date names it (tag URIs carry the date in the site's zone),
/// but feeds are written in UTC (`inUTC`): elfeed and libmrss ignore a numeric offset and would show
/// `2024-03-05T09:30:00+01:00` an hour late, while every reader tried reads `Z` and `+0000` right. Formatting
/// is done by hand in `Timestamp+Formatting.swift`: it is deterministic, locale-free and much faster than a
/// formatter.
public struct Timestamp: Sendable, Hashable, Codable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var secondsSinceEpoch: Int64
    /// The offset from UTC in seconds (east positive), between -86,399 and 86,399.
    public var utcOffsetSeconds: Int

    /// Creates a timestamp from seconds since the epoch and a UTC offset.
    public init(secondsSinceEpoch: Int64, utcOffsetSeconds: Int = 0) {
        self.secondsSinceEpoch = secondsSinceEpoch
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    /// The same instant written in UTC: what every feed carries.
    public var inUTC: Timestamp {
        Timestamp(secondsSinceEpoch: secondsSinceEpoch)
    }

    /// Orders by the instant only; the offset does not change which moment it is.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}
