/// Reads numbers the way the W3C service does (Python's `int()` and `float()`), so that what it accepts, and
/// only that, is accepted: white space around, a sign, `_` between digits; for floats `nan`, `inf`, exponents.
enum PythonNumbers {
    /// The integer, clamped to `Int`'s range when larger; nil when the text is not an integer.
    static func integer(_ text: String) -> Int? {
        guard let digits = cleaned(text) else { return nil }
        var scalars = Substring(digits).unicodeScalars[...]
        var negative = false
        if let sign = scalars.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            scalars = scalars.dropFirst()
        }
        guard !scalars.isEmpty else { return nil }
        var value = 0
        var overflow = false
        for scalar in scalars {
            guard let digit = scalar.properties.numericType == .decimal ? scalar.properties.numericValue.map(Int.init) : nil else {
                return nil
            }
            let (multiplied, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (added, overflowedAgain) = multiplied.addingReportingOverflow(digit)
            if overflowed || overflowedAgain { overflow = true } else { value = added }
        }
        if overflow { return negative ? Int.min : Int.max }
        return negative ? -value : value
    }

    /// The number, nil when the text is not a Python float literal.
    static func float(_ text: String) -> Double? {
        guard let cleanedText = cleaned(text) else { return nil }
        let lowered = cleanedText.lowercased()
        let unsigned = lowered.hasPrefix("+") || lowered.hasPrefix("-") ? String(lowered.dropFirst()) : lowered
        if ["nan", "inf", "infinity"].contains(unsigned) { return Double(lowered) }
        // Swift also reads hexadecimal floats; Python's float() does not.
        guard !unsigned.contains("x"), !unsigned.isEmpty,
            unsigned.unicodeScalars.allSatisfy({
                $0.isASCII
                    && (("0"..."9").contains($0) || $0 == "." || $0 == "e" || $0 == "+"
                        || $0 == "-")
            })
        else { return nil }
        return Double(lowered)
    }

    /// The text without surrounding white space and with `_` between digits removed; nil when an `_` is
    /// anywhere else.
    private static func cleaned(_ text: String) -> String? {
        let trimmed = text.trimmedWhitespace
        guard trimmed.contains("_") else { return trimmed }
        let scalars = Array(trimmed.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_" {
                guard index > 0, index + 1 < scalars.count, scalars[index - 1].properties.numericType == .decimal,
                    scalars[index + 1].properties.numericType == .decimal
                else { return nil }
                continue
            }
            result.append(scalar)
        }
        return String(result)
    }
}
