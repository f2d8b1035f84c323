public import FeedModel
import Foundation

/// Parses the date notations authors write: ISO 8601 / RFC 3339 dates and times, and RFC 822 dates.
public enum DateText {
    /// Parses a date; a date without an offset is read in `zone`. Nil when the text is not a valid date.
    ///
    /// Accepted: `2024-03-05`, `2024-03-05 09:30`, `2024-03-05T09:30:00`, each optionally followed by
    /// fractional seconds and `Z` or `+01:00` / `+0100`; and RFC 822 (`Tue, 05 Mar 2024 09:30:00 +0100`,
    /// weekday optional, zone as a number or `GMT`/`UT`/`EST` etc.). The written offset is kept in the timestamp.
    public static func parse(_ text: String, zone: ZoneSetting) -> Timestamp? {
        let trimmed = FastText.trimmingSpaces(text)
        guard let (civil, offset) = parseISO(trimmed) ?? parseRFC822(trimmed), civil.isValid else { return nil }
        return Timestamp(civil, utcOffsetSeconds: offset ?? zone.offsetSeconds(at: civil))
    }

    /// Parses `+01:00`, `+0100`, `-05` into seconds east of UTC.
    static func offsetSeconds(_ text: some StringProtocol) -> Int? {
        guard let sign = text.first, sign == "+" || sign == "-" || sign == "\u{2212}" else { return nil }
        let body = text.dropFirst()
        let digits = String(body.filter { $0 != ":" })
        let colons = body.count - digits.count
        guard digits.allSatisfy(\.isASCIIDigit), (digits.count == 2 && colons == 0) || (digits.count == 4 && colons <= 1),
            let hours = Int(digits.prefix(2)), let minutes = digits.count == 4 ? Int(digits.suffix(2)) : 0,
            hours <= 23, minutes <= 59
        else { return nil }
        let magnitude = hours * 3600 + minutes * 60
        return sign == "+" ? magnitude : -magnitude
    }

    static func parseISO(_ text: String, byCharacters: Bool = false) -> (CivilTime, Int?)? {
        // ASCII text (nearly every date) is scanned by byte: there each byte is one `Character`, and a
        // `\r\n` pair, one `Character`, is neither a digit nor any of the separators, like each of its bytes.
        if !byCharacters && text.utf8.allSatisfy({ $0 < 0x80 }) {
            var scanner = ByteScanner(text)
            return parseISO(&scanner)
        }
        var scanner = Scanner(text)
        return parseISO(&scanner)
    }

    private static func parseISO(_ scanner: inout some DateScanner) -> (CivilTime, Int?)? {
        guard let year = scanner.number(digits: 4), scanner.take("-"), let month = scanner.number(digits: 2),
            scanner.take("-"), let day = scanner.number(digits: 2)
        else { return nil }
        var civil = CivilTime(year: year, month: month, day: day)
        if scanner.atEnd { return (civil, nil) }
        guard scanner.take("T") || scanner.take("t") || scanner.take(" ") else { return nil }
        guard let hour = scanner.number(digits: 2), scanner.take(":"), let minute = scanner.number(digits: 2) else { return nil }
        civil.hour = hour
        civil.minute = minute
        if scanner.take(":") {
            guard let second = scanner.number(digits: 2) else { return nil }
            civil.second = second
            if scanner.take(".") || scanner.take(",") {
                // Fractional seconds: feeds carry whole seconds, so they are dropped.
                guard scanner.skipDigits() > 0 else { return nil }
            }
        }
        _ = scanner.take(" ")
        if scanner.atEnd { return (civil, nil) }
        let rest = scanner.rest
        if rest == "Z" || rest == "z" || rest == "UTC" || rest == "GMT" { return (civil, 0) }
        guard let offset = offsetSeconds(rest) else { return nil }
        return (civil, offset)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    /// RFC 822 section 5.1 zone names.
    private static let namedZones: [String: Int] = [
        "UT": 0, "UTC": 0, "GMT": 0, "Z": 0,
        "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
    ]

    private static func parseRFC822(_ text: String) -> (CivilTime, Int?)? {
        var words = text.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        if let first = words.first, weekdays.contains(String(first.lowercased().prefix(3))), Int(first) == nil {
            words.removeFirst()
        }
        guard words.count >= 3, let day = Int(words[0]), words[0].count <= 2,
            let monthIndex = months.firstIndex(of: String(words[1].lowercased().prefix(3))),
            words[1].count >= 3, var year = Int(words[2])
        else { return nil }
        if words[2].count == 2 { year += year < 50 ? 2000 : 1900 } else if words[2].count != 4 { return nil }
        var civil = CivilTime(year: year, month: monthIndex + 1, day: day)
        guard words.count > 3 else { return (civil, nil) }
        let time = words[3].split(separator: ":", omittingEmptySubsequences: false)
        guard time.count == 2 || time.count == 3, time.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
            let hour = Int(time[0]), let minute = Int(time[1])
        else { return nil }
        civil.hour = hour
        civil.minute = minute
        civil.second = time.count == 3 ? Int(time[2]) ?? 0 : 0
        guard words.count > 4 else { return (civil, nil) }
        guard words.count == 5 else { return nil }
        if let hours = namedZones[words[4].uppercased()] { return (civil, hours * 3600) }
        guard let offset = offsetSeconds(words[4]) else { return nil }
        return (civil, offset)
    }
}

/// A cursor for the date grammar.
private protocol DateScanner {
    var atEnd: Bool { get }
    var rest: String { get }
    mutating func take(_ character: Character) -> Bool
    mutating func number(digits: Int) -> Int?
    mutating func skipDigits() -> Int
}

/// A cursor over the bytes of ASCII text.
private struct ByteScanner: DateScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    var atEnd: Bool { index == bytes.count }
    var rest: String { String(decoding: bytes[index...], as: UTF8.self) }

    mutating func take(_ character: Character) -> Bool {
        guard index < bytes.count, let ascii = character.asciiValue, bytes[index] == ascii else { return false }
        index += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<index + digits] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        index += digits
        return value
    }

    mutating func skipDigits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }
}

/// A tiny cursor over a string's characters for the date grammar.
private struct Scanner: DateScanner {
    private let chars: [Character]
    private var index = 0

    init(_ text: String) { chars = Array(text) }

    var atEnd: Bool { index == chars.count }
    var rest: String { String(chars[index...]) }

    mutating func take(_ character: Character) -> Bool {
        guard index < chars.count, chars[index] == character else { return false }
        index += 1
        return true
    }

    mutating func number(digits: Int) -> Int? {
        guard index + digits <= chars.count else { return nil }
        let slice = chars[index..<index + digits]
        guard slice.allSatisfy(\.isASCIIDigit), let value = Int(String(slice)) else { return nil }
        index += digits
        return value
    }

    mutating func skipDigits() -> Int {
        let start = index
        while index < chars.count, chars[index].isASCIIDigit { index += 1 }
        return index - start
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
