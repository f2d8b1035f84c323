public import FeedModel

/// Parsers for the two date formats feeds use, written by hand: strict, locale-free and fast.
enum DateSyntax {
    /// Why an RFC 822 date was rejected.
    public enum RFC822Problem: Error, Sendable, Hashable {
        /// Not the `[Day, ] DD Mon YYYY HH:MM[:SS] zone` shape, or a field out of range.
        case malformed(String)
        /// The date is fine but the weekday named is not the date's weekday (W3C `IncorrectDOW`).
        case wrongWeekday(named: String, actual: String)
    }

    static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// RFC 822 section 5.1 zones, plus RFC 2822's numeric form. Military one-letter zones are accepted as RFC
    /// 822 lists them; RFC 2822 section 4.3 says to read them as `-0000`, so they carry offset 0 here.
    static let namedZones: [String: Int] = [
        "UT": 0, "GMT": 0, "Z": 0,
        "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
        "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
    ]

    /// Parses an RFC 822 date as updated by RFC 1123 and RFC 2822 (`Tue, 05 Mar 2024 09:30:00 +0100`), the
    /// format RSS 2.0 requires for `pubDate` and `lastBuildDate`.
    ///
    /// Two-digit years are read as RFC 2822 section 4.3 says (00–49 → 2000s, 50–99 → 1900s), since the RSS
    /// specification allows them.
    public static func parseRFC822(_ text: String) -> Result<Timestamp, RFC822Problem> {
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init)
        var index = 0
        var weekday: String?
        if let first = fields.first, first.hasSuffix(",") {
            let name = String(first.dropLast())
            guard weekdayNames.contains(name) else { return .failure(.malformed("unknown weekday \"\(name)\"")) }
            weekday = name
            index = 1
        } else if let first = fields.first, first.count > 3, weekdayNames.contains(String(first.prefix(3))),
            first.dropFirst(3).first == ","
        {
            // "Tue,05 Mar 2024": the comma needs no space after it in RFC 822.
            return parseRFC822(String(first.prefix(4)) + " " + first.dropFirst(4) + " " + fields.dropFirst().joined(separator: " "))
        }
        guard fields.count - index == 5 else {
            return .failure(.malformed("expected \"[Day, ] DD Mon YYYY HH:MM:SS zone\""))
        }
        guard let day = Int(fields[index]), fields[index].count <= 2 else {
            return .failure(.malformed("day \"\(fields[index])\" is not a number"))
        }
        guard let monthIndex = monthNames.firstIndex(of: fields[index + 1]) else {
            return .failure(.malformed("unknown month \"\(fields[index + 1])\" (expected Jan … Dec)"))
        }
        let yearText = fields[index + 2]
        guard yearText.count == 4 || yearText.count == 2, var year = Int(yearText), yearText.allSatisfy(\.isASCII) else {
            return .failure(.malformed("year \"\(yearText)\" must have four digits"))
        }
        if yearText.count == 2 { year += year < 50 ? 2000 : 1900 }
        let timeParts = fields[index + 3].split(separator: ":", omittingEmptySubsequences: false)
        guard timeParts.count == 2 || timeParts.count == 3,
            timeParts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
            let hour = Int(timeParts[0]), let minute = Int(timeParts[1])
        else {
            return .failure(.malformed("time \"\(fields[index + 3])\" must be HH:MM or HH:MM:SS"))
        }
        let second = timeParts.count == 3 ? Int(timeParts[2]) ?? -1 : 0
        guard let offset = zoneOffset(fields[index + 4]) else {
            return .failure(.malformed("unknown time zone \"\(fields[index + 4])\" (expected +hhmm, -hhmm, GMT or UT)"))
        }
        let civil = CivilTime(year: year, month: monthIndex + 1, day: day, hour: hour, minute: minute, second: second)
        guard civil.isValid else { return .failure(.malformed("no such date or time")) }
        if let weekday {
            let actual = weekdayNames[civil.weekday]
            if actual != weekday { return .failure(.wrongWeekday(named: weekday, actual: actual)) }
        }
        return .success(Timestamp(civil, utcOffsetSeconds: offset))
    }

    private static func zoneOffset(_ zone: String) -> Int? {
        if let named = namedZones[zone] { return named }
        if zone.count == 1, let letter = zone.unicodeScalars.first, ("A"..."Z").contains(letter), letter != "J" {
            return 0
        }
        let scalars = Array(zone.unicodeScalars)
        guard scalars.count == 5, scalars[0] == "+" || scalars[0] == "-",
            scalars.dropFirst().allSatisfy({ ("0"..."9").contains($0) }),
            let hours = Int(String(zone.dropFirst().prefix(2))), let minutes = Int(String(zone.suffix(2))),
            minutes < 60
        else { return nil }
        let magnitude = hours * 3600 + minutes * 60
        return scalars[0] == "-" ? -magnitude : magnitude
    }

    /// Parses an RFC 3339 `date-time` (section 5.6), the format of Atom's dates and JSON Feed's:
    /// `2024-03-05T09:30:00+01:00`, `…Z`, with optional fractional seconds. Returns nil when it is not one.
    public static func parseRFC3339(_ text: String) -> Timestamp? {
        let bytes = Array(text.utf8)
        func number(_ start: Int, _ length: Int) -> Int? {
            guard start + length <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<(start + length)] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func byte(_ at: Int, _ expected: UInt8...) -> Bool { at < bytes.count && expected.contains(bytes[at]) }
        guard let year = number(0, 4), byte(4, 0x2D), let month = number(5, 2), byte(7, 0x2D), let day = number(8, 2),
            byte(10, 0x54, 0x74), let hour = number(11, 2), byte(13, 0x3A), let minute = number(14, 2),
            byte(16, 0x3A), let second = number(17, 2)
        else { return nil }
        var index = 19
        if byte(index, 0x2E) {
            index += 1
            let start = index
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            guard index > start else { return nil }
        }
        let offset: Int
        if byte(index, 0x5A, 0x7A) {
            offset = 0
            index += 1
        } else if byte(index, 0x2B, 0x2D), let hours = number(index + 1, 2), byte(index + 3, 0x3A),
            let minutes = number(index + 4, 2), hours < 24, minutes < 60
        {
            offset = (hours * 3600 + minutes * 60) * (bytes[index] == 0x2D ? -1 : 1)
            index += 6
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }
        let civil = CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard civil.isValid else { return nil }
        return Timestamp(civil, utcOffsetSeconds: offset)
    }

    /// The plausible range for feed dates: 1970-01-01 up to the end of 2100.
    ///
    /// A fixed bound rather than "now" keeps validation deterministic (the same bytes always give the same
    /// report). Dates before the Unix epoch predate web feeds and are almost always a zero timestamp or a
    /// mis-parsed two-digit year; dates after 2100 are typos.
    public static let plausibleRange: ClosedRange<Int64> =
        0...(CivilTime(year: 2101, month: 1, day: 1).secondsSinceEpoch(utcOffsetSeconds: 0) - 1)
}
