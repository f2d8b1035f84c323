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
        let chars = Array(name.prefix(11))
        guard chars.count >= 10, chars[4] == "-", chars[7] == "-",
              chars.count == 10 || ["-", "_", "."].contains(chars[10]),
              let year = Int(String(chars[0..<4])), let month = Int(String(chars[5..<7])), let day = Int(String(chars[8..<10])),
              chars[0..<4].allSatisfy(\.isASCIIDigit), chars[5..<7].allSatisfy(\.isASCIIDigit), chars[8..<10].allSatisfy(\.isASCIIDigit)
        else { return nil }
        return (year, month, day)
    }
}
