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

    /// True for a character that may appear in XML but that readers and the W3C Feed Validation Service treat as
    /// damage: DEL and the C1 controls (the service's `BadCharacters` flags U+0080–U+009F, html5lib refuses DEL),
    /// the replacement character U+FFFD (what `&#0;` and broken bytes become), and the noncharacters
    /// (Unicode 15, section 23.7: U+FDD0–U+FDEF and the last two code points of every plane).
    @inlinable
    public static func isDamage(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x7F { return false }
        if value <= 0x9F { return true }
        if value < 0xFDD0 { return false }
        return value <= 0xFDEF || value == 0xFFFD || value & 0xFFFE == 0xFFFE
    }

    /// True for a character Crier publishes: allowed by XML 1.0 and not damage.
    @inlinable
    public static func isPublishable(_ scalar: Unicode.Scalar) -> Bool {
        isAllowed(scalar) && !isDamage(scalar)
    }

    /// Removes every character XML forbids and every character readers treat as damage (`isDamage`): the text
    /// every feed carries.
    public static func publishable(_ text: String) -> String {
        if isPublishableAsIs(text) { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where isPublishable(scalar) {
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// One pass over the UTF-8 bytes: true when no character must go (`isPublishable`). Only the bytes that can
    /// start such a character are looked at closely (C0 controls, DEL, C2 for C1 controls, EF for U+FDD0–U+FFFF,
    /// F0–F4 for the noncharacters of planes 1–16), so text with accents, guillemets or emoji keeps the fast path.
    static func isPublishableAsIs(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                switch byte {
                case 0x09, 0x0A, 0x0D:
                    break
                case 0..<0x20, 0x7F:
                    return false
                case 0xC2 where index + 1 < count && bytes[index + 1] <= 0x9F:
                    return false
                case 0xEF where index + 2 < count:
                    let second = bytes[index + 1]
                    let third = bytes[index + 2]
                    if (second == 0xBF && third >= 0xBD) || (second == 0xB7 && third >= 0x90 && third <= 0xAF) { return false }
                case 0xF0...0xF4 where index + 3 < count:
                    if bytes[index + 1] & 0x0F == 0x0F && bytes[index + 2] == 0xBF && bytes[index + 3] >= 0xBE { return false }
                default:
                    break
                }
                index += 1
            }
            return true
        }
    }
}
