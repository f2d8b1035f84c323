import FeedModel

/// Checks RFC 822 dates the way the W3C service does: first against the strict RFC 2822 shape
/// (`Tue, 05 Mar 2024 09:30:00 +0100`, RFC 2822 section 3.3), then, failing that, against the looser RFC 822
/// grammar (section 5.1: any case, comments, one-letter military zones, two-digit years), which is only a
/// warning because many readers do not parse it.
enum RFC822Text {
    private static let weekdays = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let strictZones = ["UT", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "Z"]
    private static let zoneOffsets: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -500, "EDT": -400, "CST": -600, "CDT": -500,
        "MST": -700, "MDT": -600, "PST": -800, "PDT": -700,
    ]

    /// A date read in the strict shape.
    struct StrictDate {
        var day: Int
        var month: Int
        var year: Int
        var hour: Int
        var minute: Int
        var second: Int
        /// `+hhmm` read as a number (`+0130` is 130), as RFC 2822 writes zones.
        var zone: Int
    }

    /// Logs what is wrong with an RSS date on `handler`.
    static func check(_ value: String, in handler: ElementHandler) {
        let bytes = Array(value.utf8)
        guard let date = strict(bytes) else {
            if isLoose(value) {
                handler.log(
                    .problematicalRFC822Date,
                    "\(handler.name) \"\(value.prefix(60))\" is an RFC 822 date many readers "
                        + "cannot read; write it as RFC 2822 does: Tue, 05 Mar 2024 09:30:00 +0000")
            } else {
                handler.log(
                    .invalidRFC2822Date,
                    "\(handler.name) must be an RFC 822 date-time such as "
                        + "Tue, 05 Mar 2024 09:30:00 +0000, not \"\(value.prefix(60))\"")
            }
            return
        }
        if date.year > 1900 {
            guard (1...CivilTime.daysIn(month: date.month, year: date.year)).contains(date.day) else {
                handler.log(.invalidRFC2822Date, "\(handler.name) \"\(value.prefix(60))\" names a day the month does not have")
                return
            }
            let actual = weekdays[CivilTime(year: date.year, month: date.month, day: date.day).weekday]
            let named = String(decoding: bytes.prefix(3), as: UTF8.self).lowercased()
            if let comma = bytes.firstIndex(of: UInt8(ascii: ",")), comma > 0, named != actual {
                handler.log(
                    .incorrectDOW,
                    "\(handler.name) \"\(value.prefix(60))\" says \(named.capitalized) but that day is a "
                        + actual.capitalized)
                return
            }
        }
        if isImplausible(date, now: handler.walker.now) {
            handler.log(.implausibleDate, "\(handler.name) \"\(value.prefix(60))\" is before 1990 or in the future")
        }
    }

    /// Before 1990, or (with a clock) more than ten minutes ahead.
    private static func isImplausible(_ date: StrictDate, now: Timestamp?) -> Bool {
        if date.year < 1990 { return true }
        guard let now else { return false }
        let offset = (date.zone / 100) * 3600 + (date.zone % 100) * 60
        let seconds =
            CivilTime(year: date.year, month: date.month, day: 1).daysSinceEpoch * 86_400
            + Int64(date.day - 1) * 86_400 + Int64(date.hour * 3600 + date.minute * 60 + date.second) - Int64(offset)
        return seconds > now.secondsSinceEpoch + 600
    }

    /// Reads `[Day, ]D[D] Mon YYYY hh:mm[:ss] zone` with single spaces, case as written in RFC 2822.
    static func strict(_ bytes: [UInt8]) -> StrictDate? {
        var index = 0
        func number(_ minimum: Int, _ maximum: Int) -> Int? {
            var value = 0
            var count = 0
            while count < maximum, index < bytes.count, bytes[index].isASCIIDigit {
                value = value * 10 + Int(bytes[index] - 48)
                index += 1
                count += 1
            }
            return count >= minimum ? value : nil
        }
        func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        func name(in names: [String]) -> Int? {
            guard index + 3 <= bytes.count else { return nil }
            let word = bytes[index..<index + 3]
            guard word.first.map({ $0 >= 65 && $0 <= 90 }) == true,
                word.dropFirst().allSatisfy({ $0 >= 97 && $0 <= 122 }),
                let found = names.firstIndex(of: String(decoding: word, as: UTF8.self).lowercased())
            else { return nil }
            index += 3
            return found
        }
        let space = UInt8(ascii: " ")
        if bytes.count > 5, bytes[3] == UInt8(ascii: ",") {
            guard name(in: weekdays) != nil, take(UInt8(ascii: ",")), take(space) else { return nil }
        }
        guard let day = number(1, 2), take(space), let month = name(in: months), take(space),
            let year = number(4, 4), take(space), let hour = number(2, 2), take(UInt8(ascii: ":")),
            let minute = number(2, 2)
        else { return nil }
        var second = 0
        if take(UInt8(ascii: ":")) {
            guard let seconds = number(2, 2) else { return nil }
            second = seconds
        }
        guard take(space), index < bytes.count else { return nil }
        let zoneText = String(decoding: bytes[index...], as: UTF8.self)
        var zone = 0
        if strictZones.contains(zoneText) {
            zone = zoneOffsets[zoneText] ?? 0
        } else {
            var sign = 1
            if take(UInt8(ascii: "+")) {} else if take(UInt8(ascii: "-")) { sign = -1 }
            let start = index
            guard let digits = number(4, 4), index == bytes.count,
                bytes[start + 2] == UInt8(ascii: "0") || bytes[start + 2] == UInt8(ascii: "3"),
                bytes[start + 3] == UInt8(ascii: "0")
            else { return nil }
            zone = sign * digits
        }
        return StrictDate(day: day, month: month + 1, year: year, hour: hour, minute: minute, second: second, zone: zone)
    }

    /// The RFC 822 grammar after removing quoted pairs and comments, in any case.
    static func isLoose(_ value: String) -> Bool {
        let cleaned = withoutComments(withoutQuotedPairs(Array(value.unicodeScalars)))
        let text = String(String.UnicodeScalarView(cleaned)).trimmedWhitespace.lowercased()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func spaces(required: Bool) -> Bool {
            let start = index
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            return !required || index > start
        }
        func digits(_ count: Int) -> Bool {
            guard index + count <= scalars.count,
                scalars[index..<index + count].allSatisfy({ $0.isASCII && $0.properties.numericType == .decimal })
            else {
                return false
            }
            index += count
            return true
        }
        func word(in names: [String]) -> Bool {
            for name in names
            where index + name.unicodeScalars.count <= scalars.count
                && String(String.UnicodeScalarView(scalars[index..<index + name.unicodeScalars.count])) == name
            {
                index += name.unicodeScalars.count
                return true
            }
            return false
        }
        // An optional "day ," prefix; without it the text must start with the day of the month.
        let start = index
        if word(in: weekdays) {
            _ = spaces(required: false)
            if index < scalars.count, scalars[index] == "," {
                index += 1
                _ = spaces(required: false)
            } else {
                index = start
            }
        }
        guard digits(1) else { return false }
        _ = digits(1)
        guard spaces(required: true), word(in: months), spaces(required: true), digits(2) else { return false }
        _ = digits(2)
        guard spaces(required: true), digits(2), index < scalars.count, scalars[index] == ":" else { return false }
        index += 1
        guard digits(2) else { return false }
        if index < scalars.count, scalars[index] == ":" {
            index += 1
            guard digits(2) else { return false }
        }
        guard spaces(required: true) else { return false }
        if index == scalars.count { return true }
        let zone = String(String.UnicodeScalarView(scalars[index...]))
        if ["ut", "gmt", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt"].contains(zone) { return true }
        if zone.unicodeScalars.count == 1, let letter = zone.unicodeScalars.first, ("a"..."z").contains(letter), letter != "j" {
            return true
        }
        if let sign = zone.unicodeScalars.first, sign == "+" || sign == "-" {
            index += 1
            return digits(4) && index == scalars.count
        }
        return false
    }

    /// Removes `\x` quoted pairs (RFC 822 section 3.3), as the service does before reading comments.
    private static func withoutQuotedPairs(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.contains("\\") else { return scalars }
        var result: [Unicode.Scalar] = []
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\\", index + 1 < scalars.count, scalars[index + 1] != "\n" {
                index += 2
                continue
            }
            result.append(scalars[index])
            index += 1
        }
        return result
    }

    /// Replaces each innermost `( … )` comment by a space until none is left.
    private static func withoutComments(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var current = scalars
        while current.contains("(") {
            var result: [Unicode.Scalar] = []
            var changed = false
            var index = 0
            while index < current.count {
                if current[index] == "(" {
                    var end = index + 1
                    while end < current.count, current[end] != ")", current[end] != "(" { end += 1 }
                    if end < current.count, current[end] == ")" {
                        result.append(" ")
                        index = end + 1
                        changed = true
                        continue
                    }
                }
                result.append(current[index])
                index += 1
            }
            current = result
            if !changed { break }
        }
        return current
    }
}
