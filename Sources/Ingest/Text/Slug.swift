import Foundation

/// URL slugs from file names and titles.
public enum Slug {
    /// Lower-cases, turns every run of characters other than letters and digits into one `-`, and trims
    /// dashes at the ends. Letters outside ASCII are kept (they are percent-encoded in URLs).
    public static func make(_ text: String) -> String {
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
