import XML

/// The output of `ContentCleaner`: HTML as UTF-8 bytes plus the start of the plain text.
///
/// Text is copied in runs and only `&`, `<`, `>` (and `"` in attribute values) are replaced, byte-wise:
/// bodies are large and almost every byte needs nothing. Characters XML 1.0 forbids are dropped, so the HTML
/// embeds safely in an XML document. Everything is appended to one byte buffer; no `String` is made per piece.
struct HTMLOutput {
    // Never copied: an `HTMLOutput` lives in one `clean` call and is passed `inout`.
    private let bytes: ByteSink
    private let text: ByteSink
    private var textCharacters = 0
    private var pendingSpace = false
    let textLimit: Int

    /// - Parameter capacity: bytes to reserve for the HTML (the body's own length is a good guess).
    init(textLimit: Int, capacity: Int = 0) {
        self.textLimit = textLimit
        bytes = ByteSink(capacity: capacity)
        text = ByteSink(capacity: min(4 * (textLimit + 1), 4096))
    }

    var htmlString: String { bytes.string }
    var plainText: String { text.string }

    /// Appends markup we generated ourselves: written as is.
    mutating func markup(_ string: StaticString) {
        string.withUTF8Buffer { bytes.append($0) }
    }

    /// Appends a tag or attribute name read from the parsed tree: written as is.
    mutating func markup(_ name: UnsafeBufferPointer<UInt8>) {
        bytes.append(name)
    }

    /// Appends character data, escaped, and feeds the plain text.
    mutating func text(_ string: String) {
        var string = string
        string.withUTF8 { text($0) }
    }

    /// Appends character data (valid UTF-8), escaped, and feeds the plain text.
    mutating func text(_ utf8: UnsafeBufferPointer<UInt8>) {
        escape(utf8, table: Self.textEscapes)
        collectText(utf8)
    }

    /// Appends a double-quoted attribute value's content (valid UTF-8), escaped.
    mutating func attributeValue(_ utf8: UnsafeBufferPointer<UInt8>) {
        escape(utf8, table: Self.attributeEscapes)
    }

    /// Appends a double-quoted attribute value's content, escaped.
    mutating func attributeValue(_ string: String) {
        var string = string
        string.withUTF8 { attributeValue($0) }
    }

    /// Marks a word boundary in the plain text (the edge of a block element).
    mutating func wordBreak() {
        pendingSpace = textCharacters > 0
    }

    // What a byte needs: 0 nothing, 1 `&amp;`, 2 `&lt;`, 3 `&gt;`, 4 `&quot;`, 5 dropped (a C0 control XML 1.0
    // forbids), 6 the lead byte of U+FFFE/U+FFFF (EF BF BE/BF), also forbidden, when the next two bytes say so.
    private static let textEscapes: [UInt8] = escapeTable(quotes: false)
    private static let attributeEscapes: [UInt8] = escapeTable(quotes: true)

    private static func escapeTable(quotes: Bool) -> [UInt8] {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in 0..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D { table[byte] = 5 }
        table[Int(UInt8(ascii: "&"))] = 1
        table[Int(UInt8(ascii: "<"))] = 2
        table[Int(UInt8(ascii: ">"))] = 3
        if quotes { table[Int(UInt8(ascii: "\""))] = 4 }
        table[0xEF] = 6
        return table
    }

    /// True when one of 8 bytes may need escaping or dropping: a C0 control, `&`, `<`, `>`, `"` (when quoting)
    /// or 0xEF. The usual SWAR tests (a zero byte in `x ^ c`, a byte below 0x20) find any such byte, never
    /// miss one; the byte loop then decides.
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64, quotes: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        if (word &- ones &* 0x20) & ~word & highs != 0 { return true }  // a byte below 0x20
        if hasZero(word ^ (ones &* 0x26)) || hasZero(word ^ (ones &* 0x3C)) || hasZero(word ^ (ones &* 0x3E))
            || hasZero(word ^ (ones &* 0xEF)) { return true }
        return quotes && hasZero(word ^ (ones &* 0x22))
    }

    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>, table: [UInt8]) {
        let count = utf8.count
        guard count > 0, let base = utf8.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        let quotes = table[Int(UInt8(ascii: "\""))] != 0
        table.withUnsafeBufferPointer { table in
            var runStart = 0
            var index = 0
            while index < count {
                // Most text has nothing to escape: skip it 8 bytes at a time.
                if index + 8 <= count,
                   !Self.mayNeedEscaping(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self), quotes: quotes) {
                    index += 8
                    continue
                }
                let action = table[Int(utf8[index])]
                if action == 0 {
                    index += 1
                    continue
                }
                var width = 1
                let replacement: StaticString
                switch action {
                case 1: replacement = "&amp;"
                case 2: replacement = "&lt;"
                case 3: replacement = "&gt;"
                case 4: replacement = "&quot;"
                case 5: replacement = ""
                default:
                    guard index + 2 < count, utf8[index + 1] == 0xBF, utf8[index + 2] >= 0xBE else {
                        index += 1
                        continue
                    }
                    replacement = ""
                    width = 3
                }
                if index > runStart { bytes.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                replacement.withUTF8Buffer { bytes.append($0) }
                index += width
                runStart = index
            }
            if count > runStart { bytes.append(UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
        }
    }

    /// Collects text up to the limit, collapsing runs of white space into one space.
    private mutating func collectText(_ utf8: UnsafeBufferPointer<UInt8>) {
        guard textCharacters <= textLimit else { return }
        let count = utf8.count
        var index = 0
        while index < count {
            let lead = utf8[index]
            let width: Int
            let isWhitespace: Bool
            var isAllowed = true
            if lead < 0x80 {
                width = 1
                // ASCII first: a Unicode property lookup per character costs more than the rest of the loop.
                isWhitespace = lead == 0x20 || lead == 0x0A || lead == 0x09 || lead == 0x0D || lead == 0x0C
                isAllowed = lead >= 0x20 || lead == 0x09 || lead == 0x0A || lead == 0x0D
            } else {
                let scalar = UTF8Scalars.decode(utf8, at: index)
                width = scalar.width
                isWhitespace = scalar.value.properties.isWhitespace
                isAllowed = XMLCharacters.isAllowed(scalar.value)
            }
            defer { index += width }
            if isWhitespace {
                pendingSpace = textCharacters > 0
                continue
            }
            guard isAllowed else { continue }
            if pendingSpace {
                text.append(UInt8(ascii: " "))
                textCharacters += 1
                pendingSpace = false
            }
            if width == 1 { text.append(lead) } else { text.append(UnsafeBufferPointer(rebasing: utf8[index..<index + width])) }
            textCharacters += 1
            if textCharacters > textLimit { return }
        }
    }
}
