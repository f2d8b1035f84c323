import Foundation

/// URL slugs from file names and titles.
public enum Slug {
    /// Lower-cases, turns every run of characters other than letters and digits into one `-`, and trims
    /// dashes at the ends. Letters outside ASCII are kept (they are percent-encoded in URLs).
    public static func make(_ text: String) -> String {
        makeASCII(text) ?? makeByCharacters(text)
    }

    /// `make` for ASCII text, on bytes: there a `Character` is one byte (or `\r\n`, which is neither letter
    /// nor digit, like each of its bytes), letters are `A-Z a-z` and numbers `0-9`. Nil for other text.
    static func makeASCII(_ text: String) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var pendingDash = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            if (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9")) {
                if pendingDash && !result.isEmpty { result.append(UInt8(ascii: "-")) }
                pendingDash = false
                result.append(lower)
            } else {
                pendingDash = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `make` for any text, `Character` by `Character`.
    static func makeByCharacters(_ text: String) -> String {
        var result = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingDash && !result.isEmpty { result.append("-") }
                pendingDash = false
                result.append(character)
            } else {
                pendingDash = true
            }
        }
        return result
    }

    /// A file name without its extension and without a leading `YYYY-MM-DD-` date.
    static func stem(ofFileName name: String, droppingDate: Bool) -> String {
        var stem = name
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = String(stem[..<dot]) }
        if droppingDate, datePrefix(of: stem) != nil {
            let rest = String(stem.dropFirst(11))
            if !rest.isEmpty { stem = rest }
        }
        return stem
    }

    /// The `YYYY-MM-DD` a file name starts with (followed by `-`, `_`, `.` or nothing), as year, month, day.
    static func datePrefix(of name: String) -> (year: Int, month: Int, day: Int)? {
        // When the first 12 bytes are ASCII, the first 11 Characters are those bytes (a `\r\n` fails both
        // routes), so the bytes decide without building Characters.
        if name.utf8.prefix(12).allSatisfy({ $0 < 0x80 }) { return asciiDatePrefix(Array(name.utf8.prefix(11))) }
        return datePrefixByCharacters(of: name)
    }

    private static func asciiDatePrefix(_ bytes: [UInt8]) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes.count == 10 || [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")].contains(bytes[10])
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }

    /// `datePrefix` on Characters, for names with non-ASCII bytes near the start.
    static func datePrefixByCharacters(of name: String) -> (year: Int, month: Int, day: Int)? {
        let chars = Array(name.prefix(11))
        guard chars.count >= 10, chars[4] == "-", chars[7] == "-",
            chars.count == 10 || ["-", "_", "."].contains(chars[10]),
            let year = Int(String(chars[0..<4])), let month = Int(String(chars[5..<7])), let day = Int(String(chars[8..<10])),
            chars[0..<4].allSatisfy(\.isASCIIDigit), chars[5..<7].allSatisfy(\.isASCIIDigit), chars[8..<10].allSatisfy(\.isASCIIDigit)
        else { return nil }
        return (year, month, day)
    }
}
