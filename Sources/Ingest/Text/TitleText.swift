import Foundation

/// Clean-up of titles taken from text.
enum TitleText {
    /// Quote characters that may wrap a title: ASCII, typographic, guillemets, low-9 quotes.
    static let quotes: Set<Character> = ["\"", "'", "“", "”", "„", "‟", "«", "»", "‘", "’", "‚", "‛", "‹", "›", "「", "」", "＂"]

    /// Removes one pair of surrounding quotes of any kind (and the spaces French guillemets carry inside),
    /// only when the title both starts and ends with a quote, so `"Hello" world` keeps its quotes.
    static func unquoted(_ title: String) -> String {
        var text = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count >= 2, let first = text.first, let last = text.last, quotes.contains(first), quotes.contains(last) else {
            return text
        }
        text = String(text.dropFirst().dropLast())
        return text.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\u{00A0}\u{202F}")))
    }
}
