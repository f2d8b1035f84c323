/// The XML 1.0 `Char` production (section 2.2) and text clean-up before text reaches libxml2.
public enum XMLCharacters {
    /// True when a scalar may appear in an XML 1.0 document.
    @inlinable
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF: true
        case 0xE000...0xFFFD: true
        case 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// Removes every character XML 1.0 forbids (C0 controls except tab, LF and CR; U+FFFE; U+FFFF; NUL).
    ///
    /// libxml2's writer emits such characters unchanged and reports success, and the result then fails to
    /// parse; a NUL would also truncate the string on its way into C. Removing them here makes both impossible.
    public static func cleaned(_ text: String) -> String {
        if isClean(text) { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isAllowed(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// A fast check on UTF-8 bytes: no control byte other than tab/LF/CR and no U+FFFE/U+FFFF (EF BF BE/BF).
    static func isClean(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x20 {
                    if byte != 0x9 && byte != 0xA && byte != 0xD { return false }
                } else if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF,
                    bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF
                {
                    return false
                }
                index += 1
            }
            return true
        }
    }
}
