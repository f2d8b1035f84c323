import Foundation

extension Slug {
    /// Whether a folder name (or a `slug:` from `crier.yml`) can name a feed's folder and its page in a URL as
    /// it is: letters and digits of any script (percent-encoded in URLs, readable in folders) and `-`, `_`,
    /// `.`, `~`, the other unreserved characters of RFC 3986 section 2.3; not hidden, not `.` or `..`.
    public static func isURLSegment(_ name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix(".") else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal || "-_.~".unicodeScalars.contains(scalar)
                || scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark
        }
    }

    /// The slug of a tag, an author or a language: readable, lower case, letters of any script kept, and the
    /// punctuation that tells terms apart spelt out, so `C++`, `C#` and `C` get `c-plus-plus`, `c-sharp` and
    /// `c`, and `.NET` gets `dot-net`. Empty when the term has nothing to spell (see `term(_:)` for the
    /// fallback).
    public static func term(_ text: String) -> String {
        var spelled = ""
        var previous: Character = " "
        for character in text.precomposedStringWithCanonicalMapping {
            let word: String? =
                switch character {
                case "+": "plus"
                case "#": "sharp"
                case "&": "and"
                case "@": "at"
                // A dot that starts a word (`.NET`) is part of the name; between letters (`node.js`) it separates.
                case "." where !(previous.isLetter || previous.isNumber): "dot"
                default: nil
                }
            if let word {
                spelled += " \(word) "
            } else {
                spelled.append(character)
            }
            previous = character
        }
        return make(spelled)
    }
}
