/// Scans of text for characters that mean damage.
enum TextScan {
    /// C1 control characters (U+0080–U+009F, almost always Windows-1252 bytes read as ISO-8859-1) or
    /// U+FFFD (a character a decoder could not read): readers show boxes or question marks.
    static func hasBadCharacters(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where (0x80...0x9F).contains(scalar.value) || scalar.value == 0xFFFD {
            return true
        }
        return false
    }

    /// Latin text encoded as UTF-8 twice ("Ã©" for "é"): a character U+00C2 or U+00C3 followed by one in
    /// U+0080–U+00BF, when the whole text read back as ISO-8859-1 bytes is valid UTF-8.
    static func looksDoublyEncoded(_ text: String) -> Bool {
        var previous: UInt32 = 0x20
        var suspicious = false
        for scalar in text.unicodeScalars {
            if (0x80...0xBF).contains(scalar.value), (0xC2...0xC3).contains(previous) {
                suspicious = true
                break
            }
            previous = scalar.value
        }
        guard suspicious else { return false }
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            guard scalar.value <= 0xFF else { return false }
            bytes.append(UInt8(scalar.value))
        }
        return String(validating: bytes, as: UTF8.self) != nil
    }
}
