/// A moment in time together with the UTC offset it was written in.
///
/// Feeds keep the author's offset (RFC 3339 and RFC 822 both carry one), so a date written as
/// `2024-03-05T09:30:00+01:00` is published with `+01:00`, not converted to UTC. Formatting is done by
/// hand in `Timestamp+Formatting.swift`: it is deterministic, locale-free and much faster than a formatter.
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

    /// Orders by the instant only; the offset does not change which moment it is.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.secondsSinceEpoch < rhs.secondsSinceEpoch
    }
}
