/// Judges a `style` attribute the way the W3C service does (its `checkStyle`): CSS that goes beyond simple
/// declarations of safe properties can hide script (`expression()`, `url(javascript:)`, `behavior`), so
/// readers strip it. Each part returned is a `DangerousStyleAttr`.
enum StyleCheck {
    /// The unsafe parts: the whole text when it is not a plain list of `property: value` declarations made of
    /// simple characters; otherwise each property outside the safe list, and each unusual keyword in the value
    /// of a `background`, `border`, `margin` or `padding` property.
    static func unsafeParts(of style: String) -> [String] {
        let scalars = Array(style.unicodeScalars)
        guard hasSimpleCharacters(scalars), isDeclarationList(scalars) else { return [style] }
        var unsafe: [String] = []
        for (property, value) in declarations(Array(style.lowercased().unicodeScalars)) {
            if !HTMLVocabulary.safeCSSProperties.contains(property) {
                if !unsafe.contains(property) { unsafe.append(property) }
            } else if let family = property.split(separator: "-").first, ["background", "border", "margin", "padding"].contains(family) {
                for keyword in value.split(whereSeparator: { $0.isWhitespace }).map(String.init)
                where !HTMLVocabulary.safeCSSKeywords.contains(keyword) && !isSimpleValue(keyword) && !unsafe.contains(keyword) {
                    unsafe.append(keyword)
                }
            }
        }
        return unsafe
    }

    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isWhitespace }

    /// Letters, digits, `:,;#%.!` and spaces; `-` only between two word characters; quoted words; parentheses
    /// around numbers and commas.
    private static func hasSimpleCharacters(_ scalars: [Unicode.Scalar]) -> Bool {
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isWord(scalar), index + 2 < scalars.count, scalars[index + 1] == "-", isWord(scalars[index + 2]) {
                index += 3
            } else if (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
                || ":,;#%.!".unicodeScalars.contains(scalar) || isSpace(scalar)
            {
                index += 1
            } else if scalar == "'" || scalar == "\"" {
                var end = index + 1
                while end < scalars.count, isWord(scalars[end]) || isSpace(scalars[end]) { end += 1 }
                guard end > index + 1, end < scalars.count, scalars[end] == scalar else { return false }
                index = end + 1
            } else if scalar == "(" {
                var end = index + 1
                while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == "," || isSpace(scalars[end]) { end += 1 }
                guard end > index + 1, end < scalars.count, scalars[end] == ")" else { return false }
                index = end + 1
            } else {
                return false
            }
        }
        return true
    }

    /// `property: value` declarations separated by `;`, nothing after the last but an optional line break.
    private static func isDeclarationList(_ scalars: [Unicode.Scalar]) -> Bool {
        func atEnd(_ index: Int) -> Bool { index == scalars.count || (index == scalars.count - 1 && scalars[index] == "\n") }
        if atEnd(0) { return true }
        var index = 0
        while true {
            while index < scalars.count, isSpace(scalars[index]) { index += 1 }
            let start = index
            while index < scalars.count, isWord(scalars[index]) || scalars[index] == "-" { index += 1 }
            guard index > start else { return false }
            while index < scalars.count, isSpace(scalars[index]) { index += 1 }
            guard index < scalars.count, scalars[index] == ":" else { return false }
            index += 1
            while index < scalars.count, scalars[index] != ":", scalars[index] != ";" { index += 1 }
            if index < scalars.count, scalars[index] == ";" {
                index += 1
                if atEnd(index) { return true }
                continue
            }
            return atEnd(index)
        }
    }

    /// Each `property: value` pair, found left to right.
    private static func declarations(_ scalars: [Unicode.Scalar]) -> [(String, String)] {
        var result: [(String, String)] = []
        var index = 0
        while index < scalars.count {
            guard isWord(scalars[index]) || scalars[index] == "-" else {
                index += 1
                continue
            }
            let start = index
            while index < scalars.count, isWord(scalars[index]) || scalars[index] == "-" { index += 1 }
            var cursor = index
            while cursor < scalars.count, isSpace(scalars[cursor]) { cursor += 1 }
            guard cursor < scalars.count, scalars[cursor] == ":" else { continue }
            cursor += 1
            while cursor < scalars.count, isSpace(scalars[cursor]) { cursor += 1 }
            let valueStart = cursor
            while cursor < scalars.count, scalars[cursor] != ":", scalars[cursor] != ";" { cursor += 1 }
            result.append(
                (
                    String(String.UnicodeScalarView(scalars[start..<index])),
                    String(String.UnicodeScalarView(scalars[valueStart..<cursor]))
                ))
            index = cursor
        }
        return result
    }

    /// A colour (`#abc`, `rgb(…)`) or a short length (`1.5em`, `10px`, `50%`).
    private static func isSimpleValue(_ keyword: String) -> Bool {
        let bytes = Array(keyword.utf8)
        if bytes.first == UInt8(ascii: "#") {
            return bytes.count > 1 && bytes.dropFirst().allSatisfy { $0.isASCIIDigit || (97...102).contains($0) }
        }
        if bytes.starts(with: Array("rgb(".utf8)) {
            var index = 4
            func digits(minimum: Int) -> Bool {
                let start = index
                while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
                return index - start >= minimum
            }
            func optional(_ byte: UInt8) { if index < bytes.count, bytes[index] == byte { index += 1 } }
            guard digits(minimum: 1) else { return false }
            optional(UInt8(ascii: "%"))
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return false }
            index += 1
            _ = digits(minimum: 0)
            optional(UInt8(ascii: "%"))
            optional(UInt8(ascii: ","))
            _ = digits(minimum: 0)
            optional(UInt8(ascii: "%"))
            optional(UInt8(ascii: ")"))
            return index == bytes.count
        }
        // \d?\.?\d?\d followed by an optional unit: try every split of the leading digits and dot.
        let units = ["cm", "em", "ex", "in", "mm", "pc", "pt", "px", "%", ",", ")", ""]
        for unit in units where keyword.hasSuffix(unit) {
            let number = Array(keyword.utf8.dropLast(unit.utf8.count))
            if isShortNumber(number) { return true }
        }
        return false
    }

    /// `\d?\.?\d?\d`.
    private static func isShortNumber(_ bytes: [UInt8]) -> Bool {
        guard let last = bytes.last, last.isASCIIDigit else { return false }
        let head = bytes.dropLast()
        switch head.count {
        case 0: return true
        case 1: return head.first!.isASCIIDigit || head.first! == UInt8(ascii: ".")
        case 2:
            return (head.first!.isASCIIDigit && (head.last! == UInt8(ascii: ".") || head.last!.isASCIIDigit))
                || (head.first! == UInt8(ascii: ".") && head.last!.isASCIIDigit)
        case 3: return head[head.startIndex].isASCIIDigit && head[head.startIndex + 1] == UInt8(ascii: ".") && head.last!.isASCIIDigit
        default: return false
        }
    }
}
