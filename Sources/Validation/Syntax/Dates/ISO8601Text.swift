import FeedModel

/// Scans ISO 8601 date-times in the profiles feeds use, byte by byte (no regular expressions: these run on
/// every date of every entry).
enum ISO8601Text {
    /// Which shape a value must have.
    enum Profile {
        /// `YYYY[-MM[-DD[Thh:mm[:ss[.fraction]][zone]]]]` (ISO 8601 as the service reads it).
        case iso8601
        /// The same, but a time must carry a zone (W3C NOTE-datetime, "Time zone designator").
        case w3cdtf
        /// `YYYY-MM-DDThh:mm:ss[.fraction]zone` (RFC 3339 section 5.6).
        case rfc3339
    }

    /// The fields of a date-time read from text; absent parts are nil.
    struct Fields {
        var year: Int
        var month: Int?
        var day: Int?
        var hour: Int?
        var minute: Int?
        /// Seconds with their fraction, as read.
        var second: Double?
    }

    /// Checks a value against a profile and logs `rule` when it does not fit, and `ImplausibleDate` for a
    /// bounded value before 1990 or (with a clock) more than a day ahead.
    /// - Returns: true when the value has the shape and its fields are in range.
    @discardableResult
    static func check(_ value: String, profile: Profile, rule: Rule, bounded: Bool, in handler: ElementHandler) -> Bool {
        guard let fields = parse(Array(value.utf8), profile: profile) else {
            handler.log(rule, "\(handler.name) must be \(describe(profile)), not \"\(value.prefix(60))\"")
            return false
        }
        if let problem = rangeProblem(fields) {
            handler.log(rule, "\(handler.name) \"\(value.prefix(60))\" is not a real date-time: \(problem)")
            return false
        }
        if bounded, isImplausible(value, now: handler.walker.now) {
            handler.log(.implausibleDate, "\(handler.name) \"\(value.prefix(60))\" is before 1990 or in the future")
        }
        return true
    }

    /// True for `YYYY-MM-DD` alone.
    static func isCalendarDate(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        return bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { bytes[$0].isASCIIDigit }
    }

    /// Before 1990 (a text comparison, as the service makes it), or later than this time tomorrow.
    static func isImplausible(_ value: String, now: Timestamp?) -> Bool {
        let bytes = Array(value.utf8)
        if bytes.lexicographicallyPrecedes(Array("1990-01-01".utf8)) { return true }
        guard let now else { return false }
        let tomorrow = Timestamp(secondsSinceEpoch: now.secondsSinceEpoch + 86_400).localCivilTime
        let stamp =
            zeroPadded(tomorrow.year, width: 4) + "-" + zeroPadded(tomorrow.month, width: 2) + "-" + zeroPadded(tomorrow.day, width: 2)
            + "T" + zeroPadded(tomorrow.hour, width: 2) + ":" + zeroPadded(tomorrow.minute, width: 2) + ":"
            + zeroPadded(tomorrow.second, width: 2) + "Z"
        return Array(stamp.utf8).lexicographicallyPrecedes(bytes)
    }

    private static func describe(_ profile: Profile) -> String {
        switch profile {
        case .iso8601: "an ISO 8601 date-time such as 2024-03-05T09:30:00Z"
        case .w3cdtf: "a W3C-DTF date-time such as 2024-03-05T09:30:00Z (a time needs a zone)"
        case .rfc3339: "an RFC 3339 date-time such as 2024-03-05T09:30:00Z"
        }
    }

    /// Reads the fields when the text has the profile's shape.
    static func parse(_ bytes: [UInt8], profile: Profile) -> Fields? {
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var number = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte.isASCIIDigit else { return nil }
                number = number * 10 + Int(byte - 48)
            }
            index += count
            return number
        }
        func take(_ character: Character) -> Bool {
            guard index < bytes.count, bytes[index] == character.asciiValue! else { return false }
            index += 1
            return true
        }
        var atEnd: Bool { index == bytes.count }

        guard let year = digits(4) else { return nil }
        var fields = Fields(year: year)
        if atEnd { return profile == .rfc3339 ? nil : fields }
        guard take("-"), let month = digits(2) else { return nil }
        fields.month = month
        if atEnd { return profile == .rfc3339 ? nil : fields }
        guard take("-"), let day = digits(2) else { return nil }
        fields.day = day
        if atEnd { return profile == .rfc3339 ? nil : fields }
        guard take("T"), let hour = digits(2), take(":"), let minute = digits(2) else { return nil }
        fields.hour = hour
        fields.minute = minute
        if take(":") {
            let start = index
            guard digits(2) != nil else { return nil }
            if take(".") {
                while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
            }
            fields.second = Double(String(decoding: bytes[start..<index], as: UTF8.self))
        } else if profile == .rfc3339 {
            return nil
        }
        if atEnd { return profile == .iso8601 ? fields : nil }
        if take("Z") { return atEnd ? fields : nil }
        guard take("+") || take("-"), digits(2) != nil, take(":"), digits(2) != nil, atEnd else { return nil }
        return fields
    }

    /// What the service's range checks reject: an impossible calendar day, hour 24 or more, minute or second
    /// above 60.
    private static func rangeProblem(_ fields: Fields) -> String? {
        if let month = fields.month, let day = fields.day {
            guard (1...9999).contains(fields.year) else { return "year \(fields.year) is out of range" }
            guard (1...12).contains(month) else { return "month \(month) is out of range" }
            guard (1...CivilTime.daysIn(month: month, year: fields.year)).contains(day) else {
                return "day \(day) is out of range for the month"
            }
        }
        if let hour = fields.hour, hour > 23 { return "hour \(hour) is out of range" }
        if let minute = fields.minute, minute > 60 { return "minute \(minute) is out of range" }
        if let second = fields.second, second > 60 { return "second \(second) is out of range" }
        return nil
    }
}

/// A number written with at least `width` digits (`2024`, `05`).
private func zeroPadded(_ number: Int, width: Int) -> String {
    let text = number.description
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}
