/// Scans of text for characters that mean damage.
enum TextScan {
    /// C1 control characters (U+0080–U+009F, almost always Windows-1252 bytes read as ISO-8859-1) or
    /// U+FFFD (a character a decoder could not read): readers show boxes or question marks.
    static func hasBadCharacters(_ text: String) -> Bool {
        // In UTF-8: C2 80 … C2 9F, and EF BF BD. Read as bytes, since every text event of every document
        // passes here and decoding scalars cost more than the rest of the check.
        withBytes(of: text) { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == 0xC2, index + 1 < count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
                if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBF, bytes[index + 2] == 0xBD { return true }
                index += 1
            }
            return false
        }
    }

    /// Latin text encoded as UTF-8 twice ("Ã©" for "é"): a character U+00C2 or U+00C3 followed by one in
    /// U+0080–U+00BF, when the whole text read back as ISO-8859-1 bytes is valid UTF-8.
    static func looksDoublyEncoded(_ text: String) -> Bool {
        // U+00C2 or U+00C3 (C3 82, C3 83) then U+0080–U+00BF (C2 80 … C2 BF), found in the bytes.
        let suspicious = withBytes(of: text) { bytes in
            var index = 0
            let count = bytes.count
            while index + 3 < count {
                if bytes[index] == 0xC3, bytes[index + 1] == 0x82 || bytes[index + 1] == 0x83, bytes[index + 2] == 0xC2,
                    (0x80...0xBF).contains(bytes[index + 3])
                {
                    return true
                }
                index += 1
            }
            return false
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

extension TextScan {
    /// Runs `body` on the text's UTF-8 bytes, in place when the string is native.
    static func withBytes<Result>(of text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Whether an ASCII byte is Unicode white space (U+0009–U+000D, U+0020).
    static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
