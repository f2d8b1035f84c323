/// Base64 (RFC 2045 section 6.8) as readers decode Atom content of a binary type (RFC 4287 section 4.1.3.3):
/// line breaks and other characters outside the alphabet are skipped, and the text ends at its padding.
enum AtomBase64 {
    /// The decoded bytes, nil when the text is not ASCII or its length does not make whole bytes (the last
    /// group has a single character, or lacks its `=` padding).
    static func decode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3 / 4)
        var position = 0
        var pads = 0
        var carry: UInt8 = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            if byte == UInt8(ascii: "=") {
                // Enough padding after two or three characters ends the data; stray padding is skipped.
                if position >= 2 {
                    pads += 1
                    if position + pads >= 4 { return bytes }
                }
                continue
            }
            guard let value = sextet(byte) else { continue }
            pads = 0
            switch position {
            case 0:
                carry = value
                position = 1
            case 1:
                bytes.append(carry << 2 | value >> 4)
                carry = value & 0x0F
                position = 2
            case 2:
                bytes.append(carry << 4 | value >> 2)
                carry = value & 0x03
                position = 3
            default:
                bytes.append(carry << 6 | value)
                position = 0
            }
        }
        return position == 0 ? bytes : nil
    }

    private static func sextet(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): byte - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): 62
        case UInt8(ascii: "/"): 63
        default: nil
        }
    }
}
