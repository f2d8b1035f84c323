public import FeedModel
public import Foundation

/// The time zone that dates written without an offset are read in: an IANA zone or a fixed offset.
public enum ZoneSetting: Sendable, Hashable {
    /// A fixed offset from UTC in seconds, east positive (`+01:00` is 3600).
    case fixed(Int)
    /// An IANA zone such as `Europe/Paris`; its offset depends on the date (daylight saving time).
    case named(TimeZone)

    /// UTC, the default.
    public static let utc = ZoneSetting.fixed(0)

    /// Parses `UTC`, `Z`, `+01:00`, `-0530` or an IANA name; nil when it is none of these.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed == "Z" || trimmed.uppercased() == "UTC" || trimmed.uppercased() == "GMT" {
            self = .fixed(0)
        } else if let offset = DateText.offsetSeconds(trimmed) {
            self = .fixed(offset)
        } else if trimmed.contains("/"), let zone = TimeZone(identifier: trimmed) {
            self = .named(zone)
        } else {
            return nil
        }
    }

    /// The UTC offset in force at a wall-clock time in this zone.
    ///
    /// For a named zone the offset is looked up at the instant the wall-clock time would be in UTC, then
    /// again at the corrected instant, which settles on the right side of a DST change.
    public func offsetSeconds(at civil: CivilTime) -> Int {
        switch self {
        case .fixed(let seconds):
            return seconds
        case .named(let zone):
            let naive = civil.secondsSinceEpoch(utcOffsetSeconds: 0)
            let first = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive)))
            return zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(naive - Int64(first))))
        }
    }
}
