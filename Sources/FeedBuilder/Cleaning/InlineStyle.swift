/// Reduces an inline `style` attribute to declarations that cannot run script, load anything or cover the
/// reader's own interface.
///
/// A declaration is kept when its property is one of `safeProperties` (type, colour, spacing, borders, size,
/// alignment) and its value is plain: ASCII letters and digits, `#%.,!`, hyphens inside words, quoted font
/// names and parenthesised numbers (`rgb(10, 20, 30)`), so no `url(…)`, `expression(…)`, escape or comment
/// gets through. Values of background, border, margin and padding properties must moreover be colours,
/// lengths or a few keywords. This is the W3C Feed Validation Service's `DangerousStyleAttr` check made a
/// filter: what it keeps, the service accepts; what it drops (`position`, `z-index`, `url(…)`, negative
/// margins, non-ASCII font names) is what the service warns about or what readers strip anyway.
enum InlineStyle {
    /// Properties that only change how text and boxes look, never where they go or what they load.
    static let safeProperties: Set<String> = [
        "background", "background-color",
        "border", "border-bottom", "border-bottom-color", "border-bottom-style", "border-bottom-width",
        "border-collapse", "border-color", "border-left", "border-left-color", "border-left-style", "border-left-width",
        "border-right", "border-right-color", "border-right-style", "border-right-width", "border-spacing",
        "border-style", "border-top", "border-top-color", "border-top-style", "border-top-width", "border-width",
        "clear", "color", "direction", "display", "float",
        "font", "font-family", "font-size", "font-style", "font-variant", "font-weight",
        "height", "letter-spacing", "line-height", "list-style-type",
        "margin", "margin-bottom", "margin-left", "margin-right", "margin-top", "overflow",
        "padding", "padding-bottom", "padding-left", "padding-right", "padding-top",
        "text-align", "text-decoration", "text-indent", "unicode-bidi", "vertical-align", "white-space", "width",
    ]

    /// Words a background, border, margin or padding value may use besides colours and lengths.
    static let boxKeywords: Set<String> = [
        "auto", "none", "transparent", "solid", "dashed", "dotted", "collapse", "left", "right", "top", "bottom",
        "center", "medium", "normal", "bold", "italic", "underline", "nowrap", "block", "both", "!important",
        "aqua", "black", "blue", "fuchsia", "gray", "green", "lime", "maroon", "navy", "olive", "purple", "red",
        "silver", "teal", "white", "yellow",
    ]

    /// Units a length in a box value may carry.
    static let lengthUnits: Set<String> = ["cm", "em", "ex", "in", "mm", "pc", "pt", "px", "%"]

    /// The safe declarations of `style`, as `property: value` joined by `; `, or nil when none is left.
    static func reduced(_ style: String) -> String? {
        var kept: [String] = []
        for declaration in style.split(separator: ";") {
            guard let colon = declaration.firstIndex(of: ":") else { continue }
            let property = declaration[..<colon].trimmingASCIISpaces.lowercased()
            let value = declaration[declaration.index(after: colon)...].trimmingASCIISpaces
            guard safeProperties.contains(property), !value.isEmpty, !value.contains(":"), isPlain(value) else { continue }
            if let family = property.split(separator: "-").first, ["background", "border", "margin", "padding"].contains(family) {
                guard value.split(whereSeparator: \.isASCIISpace).allSatisfy({ isBoxWord($0.lowercased()) }) else { continue }
            }
            kept.append(property + ": " + value)
        }
        return kept.isEmpty ? nil : kept.joined(separator: "; ")
    }

    /// True when a value holds only plain characters: ASCII letters and digits, white space, `#`, `%`, `.`, `,`
    /// and `!`; a hyphen only between two letters or digits and never one character after another hyphen
    /// (`sans-serif`, not `-5px` or `a-b-c`); quotes around letters, digits, `_` and spaces; parentheses around
    /// digits, commas and spaces.
    static func isPlain(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        var index = 0
        var lastHyphen = -3
        func isAlphanumeric(_ position: Int) -> Bool {
            guard position >= 0, position < bytes.count else { return false }
            let byte = bytes[position] | 0x20
            return (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (bytes[position] >= UInt8(ascii: "0") && bytes[position] <= UInt8(ascii: "9"))
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: "!"),
                0x09, 0x0A, 0x0C, 0x0D, 0x20:
                index += 1
            case UInt8(ascii: "-"):
                guard isAlphanumeric(index - 1), isAlphanumeric(index + 1), index - lastHyphen != 2 else { return false }
                lastHyphen = index
                index += 1
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                guard let close = bytes[(index + 1)...].firstIndex(of: byte), close > index + 1,
                    bytes[(index + 1)..<close].allSatisfy({ isWordOrSpace($0) })
                else { return false }
                index = close + 1
            case UInt8(ascii: "("):
                guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: ")")), close > index + 1,
                    bytes[(index + 1)..<close].allSatisfy({ isDigitCommaOrSpace($0) })
                else { return false }
                index = close + 1
            default:
                guard isAlphanumeric(index) else { return false }
                index += 1
            }
        }
        return true
    }

    private static func isWordOrSpace(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_") || byte == 0x20 || byte == 0x09
    }

    private static func isDigitCommaOrSpace(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ",") || byte == 0x20 || byte == 0x09
    }

    /// True for one white-space-separated word of a box value (lower-cased): a keyword, `#` and hex digits, the
    /// `rgb(N,` that starts a spaced colour, or a short number (`1`, `12`, `100`, `1.5`, `.25`) followed by a
    /// unit, a comma or `)`.
    static func isBoxWord(_ word: String) -> Bool {
        if boxKeywords.contains(word) { return true }
        if word.hasPrefix("#") {
            return word.count > 1 && word.dropFirst().allSatisfy { $0.isHexDigit && !$0.isUppercase }
        }
        var rest = Substring(word)
        if rest.hasPrefix("rgb(") {
            rest = rest.dropFirst(4)
            let digits = rest.prefix { $0.isASCIIDigit }
            rest = rest.dropFirst(digits.count)
            if rest.hasPrefix("%") { rest = rest.dropFirst() }
            return !digits.isEmpty && rest == ","
        }
        let number = rest.prefix { $0.isASCIIDigit || $0 == "." }
        let suffix = rest.dropFirst(number.count)
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        let shapeIsShort: Bool
        switch parts.count {
        case 1: shapeIsShort = (1...3).contains(parts[0].count)
        case 2: shapeIsShort = parts[0].count <= 1 && (1...2).contains(parts[1].count)
        default: shapeIsShort = false
        }
        return shapeIsShort && (suffix.isEmpty || suffix == "," || suffix == ")" || lengthUnits.contains(String(suffix)))
    }
}

extension Character {
    fileprivate var isASCIISpace: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\u{C}" }
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

extension Substring {
    /// The text without ASCII white space at either end.
    fileprivate var trimmingASCIISpaces: String {
        let start = firstIndex { !$0.isASCIISpace } ?? endIndex
        let end = lastIndex { !$0.isASCIISpace }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
