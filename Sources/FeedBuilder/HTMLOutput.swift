import XML

/// The output of `ContentCleaner`: HTML as UTF-8 bytes plus the start of the plain text.
///
/// Text is copied in runs and only `&`, `<`, `>` (and `"` in attribute values) are replaced, byte-wise:
/// bodies are large and almost every byte needs nothing. Characters XML 1.0 forbids are dropped, so the HTML
/// embeds safely in an XML document.
struct HTMLOutput {
    private var bytes: [UInt8] = []
    private var text: [UInt8] = []
    private var textCharacters = 0
    private var pendingSpace = false
    let textLimit: Int

    init(textLimit: Int) {
        self.textLimit = textLimit
    }

    var htmlString: String { String(decoding: bytes, as: UTF8.self) }
    var plainText: String { String(decoding: text, as: UTF8.self) }

    /// Appends markup we generated ourselves (tag names, attribute names): written as is.
    mutating func markup(_ string: String) {
        bytes.append(contentsOf: string.utf8)
    }

    /// Appends character data, escaped, and feeds the plain text.
    mutating func text(_ string: String) {
        escape(string, quotes: false)
        collectText(string)
    }

    /// Appends a double-quoted attribute value's content, escaped.
    mutating func attributeValue(_ string: String) {
        escape(string, quotes: true)
    }

    /// Marks a word boundary in the plain text (the edge of a block element).
    mutating func wordBreak() {
        pendingSpace = textCharacters > 0
    }

    private mutating func escape(_ string: String, quotes: Bool) {
        var string = string
        string.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            let count = utf8.count
            func flush(_ end: Int) {
                if end > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<end])) }
            }
            while index < count {
                let byte = utf8[index]
                var replacement: StaticString?
                var width = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\"") where quotes: replacement = "&quot;"
                case 0x09, 0x0A, 0x0D: break
                case 0..<0x20: replacement = ""  // forbidden in XML 1.0
                case 0xEF where index + 2 < count && utf8[index + 1] == 0xBF && utf8[index + 2] >= 0xBE:
                    replacement = ""  // U+FFFE, U+FFFF
                    width = 3
                default: break
                }
                if let replacement {
                    flush(index)
                    replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                    index += width
                    runStart = index
                } else {
                    index += 1
                }
            }
            flush(count)
        }
    }

    /// Collects text up to the limit, collapsing runs of white space into one space.
    private mutating func collectText(_ string: String) {
        guard textCharacters <= textLimit else { return }
        for scalar in string.unicodeScalars {
            // ASCII first: a Unicode property lookup per character costs more than the rest of the loop.
            let isWhitespace = scalar.isASCII
                ? scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{C}"
                : scalar.properties.isWhitespace
            if isWhitespace {
                pendingSpace = textCharacters > 0
                continue
            }
            guard XMLCharacters.isAllowed(scalar) else { continue }
            if pendingSpace {
                text.append(UInt8(ascii: " "))
                textCharacters += 1
                pendingSpace = false
            }
            text.append(contentsOf: String(scalar).utf8)
            textCharacters += 1
            if textCharacters > textLimit { return }
        }
    }
}
