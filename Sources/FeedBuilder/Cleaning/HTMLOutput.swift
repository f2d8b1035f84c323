import XML

/// The output of `ContentCleaner`: HTML as UTF-8 bytes plus the start of the plain text.
///
/// Text is copied in runs and only `&`, `<`, `>` (and `"` in attribute values) are replaced, byte-wise:
/// bodies are large and almost every byte needs nothing. Characters XML 1.0 forbids are dropped, so the HTML
/// embeds safely in an XML document, and so are those readers treat as damage (`XMLCharacters.isDamage`: DEL,
/// C1 controls, U+FFFD, noncharacters). Everything is appended to one byte buffer; no `String` is made per piece.
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
        escape(utf8, quotes: false)
        collectText(utf8)
    }

    /// Appends a double-quoted attribute value's content (valid UTF-8), escaped.
    mutating func attributeValue(_ utf8: UnsafeBufferPointer<UInt8>) {
        escape(utf8, quotes: true)
    }

    /// Marks a word boundary in the plain text (the edge of a block element).
    mutating func wordBreak() {
        pendingSpace = textCharacters > 0
    }

    /// True when one of 8 bytes may need escaping or dropping: a C0 control, DEL, `&`, `<`, `>`, `"` (when
    /// quoting), or a lead byte of a character that may be damage (0xC2 for C1 controls, 0xEF for U+FDD0–U+FFFF,
    /// 0xF0–0xFF for the noncharacters of planes 1–16). The usual SWAR tests (a zero byte in `x ^ c`, a byte
    /// below 0x20) find any such byte, never miss one; the byte loop then decides.
    @inline(__always)
    private static func mayNeedEscaping(_ word: UInt64, quotes: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        if (word &- ones &* 0x20) & ~word & highs != 0 { return true }  // a byte below 0x20
        if hasZero(word ^ (ones &* 0x26)) || hasZero(word ^ (ones &* 0x3C)) || hasZero(word ^ (ones &* 0x3E))
            || hasZero(word ^ (ones &* 0xEF)) || hasZero(word ^ (ones &* 0x7F)) || hasZero(word ^ (ones &* 0xC2))
            || hasZero((word & (ones &* 0xF0)) ^ (ones &* 0xF0))
        {
            return true
        }
        return quotes && hasZero(word ^ (ones &* 0x22))
    }

    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>, quotes: Bool) {
        let count = utf8.count
        guard count > 0, let base = utf8.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var runStart = 0
        var index = 0
        while index < count {
            // Most text has nothing to escape: skip it 8 bytes at a time.
            if index + 8 <= count,
                !Self.mayNeedEscaping(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self), quotes: quotes)
            {
                index += 8
                continue
            }
            let byte = utf8[index]
            var width = 1
            let replacement: StaticString
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\"") where quotes: replacement = "&quot;"
            case 0x09, 0x0A, 0x0D:
                index += 1
                continue
            case 0..<0x20: replacement = ""  // forbidden in XML 1.0
            case 0x7F...0xFF where UTF8Scalars.damageWidth(utf8, at: index) > 0:
                replacement = ""  // DEL, C1 controls, U+FFFD, noncharacters (XMLCharacters.isDamage)
                width = UTF8Scalars.damageWidth(utf8, at: index)
            default:
                index += 1
                continue
            }
            if index > runStart { bytes.append(UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            replacement.withUTF8Buffer { bytes.append($0) }
            index += width
            runStart = index
        }
        if count > runStart { bytes.append(UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
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
                isAllowed = (lead >= 0x20 && lead != 0x7F) || lead == 0x09 || lead == 0x0A || lead == 0x0D
            } else {
                let scalar = UTF8Scalars.decode(utf8, at: index)
                width = scalar.width
                isWhitespace = scalar.value.properties.isWhitespace
                isAllowed = XMLCharacters.isPublishable(scalar.value)
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
