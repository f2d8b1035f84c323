import Foundation

/// Fast paths for the text operations plain-text parsing does on every line, each giving exactly the result
/// of the general operation it stands for (and falling back to it when it cannot be sure).
///
/// Profiles of a 10,000-article plain-text build spent about a third of ingest in Foundation's
/// `trimmingCharacters` (bridged through NSString) and in `Character`-by-`Character` loops over text that is
/// almost all plain.
enum FastText {
    /// `text.trimmingCharacters(in: .whitespaces)`.
    ///
    /// When the first and last bytes are ASCII and neither space nor tab, nothing would be trimmed.
    static func trimmingSpaces(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return "" }
        if isPlainASCII(first) && isPlainASCII(last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)`.
    ///
    /// `\n` is a grapheme cluster of its own unless a `\r` precedes it (UAX #29, GB3–GB5), so without any
    /// `\r` the byte split is the `Character` split.
    static func lines(_ text: String) -> [String] {
        let utf8 = text.utf8
        if contains(0x0D, in: text) {
            return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        var lines: [String] = []
        var start = utf8.startIndex
        while let newline = utf8[start...].firstIndex(of: 0x0A) {
            lines.append(String(text[start..<newline]))
            start = utf8.index(after: newline)
        }
        lines.append(String(text[start...]))
        return lines
    }

    /// True when the collapse of white space (`\n`, ` `, `\t` runs to one space, none at either end) would
    /// return the text unchanged: no newline or tab, no space at either end, no two spaces in a row.
    ///
    /// Checked on bytes: a `Character` equal to one of those is exactly that byte, so bytes free of these
    /// patterns mean no empty piece and no separator other than a single space, which the join puts back.
    static func isCollapsed(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        for byte in text.utf8 {
            if byte == 0x0A || byte == 0x09 || (byte == 0x20 && previous == 0x20) { return false }
            previous = byte
        }
        return previous != 0x20
    }

    /// True when `text` is empty or white space only (`trimmingCharacters(in: .whitespacesAndNewlines).isEmpty`).
    ///
    /// A first byte that is visible ASCII settles it without Foundation.
    static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, isPlainASCII(first) { return false }
        return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    /// `text.utf8.contains(byte)`, with `memchr` over the contiguous UTF-8 instead of a byte-at-a-time loop.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        } ?? text.utf8.contains(byte)
    }

    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x80
    }
}
