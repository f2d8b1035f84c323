/// UTF-8 checks on raw bytes read from libxml2's tree.
///
/// The cleaner used to copy every name and text into a `String`, which replaces ill-formed UTF-8 with
/// U+FFFD. Bytes read in place must get the same treatment to give the same output, so each piece is checked
/// (a fast ASCII scan, then the Unicode table 3-7 rules) and repaired through `String` only when ill-formed.
enum UTF8Scalars {
    /// The byte length of the character starting at `index` when it is one readers treat as damage
    /// (`XMLCharacters.isDamage`: DEL 7F, C1 controls C2 80–9F, U+FDD0–U+FDEF EF B7 90–AF, U+FFFD–U+FFFF
    /// EF BF BD–BF, and the noncharacters U+1FFFE … U+10FFFF, F0–F4 xF BF BE–BF), else 0. The bytes must be
    /// well-formed UTF-8; only the bytes of that one character are read.
    @inline(__always)
    static func damageWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let count = bytes.count
        switch bytes[index] {
        case 0x7F:
            return 1
        case 0xC2:
            return index + 1 < count && bytes[index + 1] <= 0x9F ? 2 : 0
        case 0xEF:
            guard index + 2 < count else { return 0 }
            let second = bytes[index + 1]
            let third = bytes[index + 2]
            return (second == 0xBF && third >= 0xBD) || (second == 0xB7 && third >= 0x90 && third <= 0xAF) ? 3 : 0
        case 0xF0...0xF4:
            guard index + 3 < count else { return 0 }
            return bytes[index + 1] & 0x0F == 0x0F && bytes[index + 2] == 0xBF && bytes[index + 3] >= 0xBE ? 4 : 0
        default:
            return 0
        }
    }

    /// Calls `body` with the bytes if they are well-formed UTF-8, else with `String(decoding:)`'s repair of them.
    static func withValid<R>(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if isValid(bytes) { return body(bytes) }
        var repaired = String(decoding: bytes, as: UTF8.self)
        return repaired.withUTF8(body)
    }

    /// True when the bytes are well-formed UTF-8 (no overlong form, surrogate or value past U+10FFFF).
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        while index < count {
            // Eight ASCII bytes at a time: article text is mostly ASCII.
            while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { return true }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
                index + offset < count && range.contains(bytes[index + offset])
            }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return false }
                index += 2
            case 0xE0:
                guard continuation(1, 0xA0...0xBF), continuation(2) else { return false }
                index += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard continuation(1), continuation(2) else { return false }
                index += 3
            case 0xED:
                guard continuation(1, 0x80...0x9F), continuation(2) else { return false }
                index += 3
            case 0xF0:
                guard continuation(1, 0x90...0xBF), continuation(2), continuation(3) else { return false }
                index += 4
            case 0xF1...0xF3:
                guard continuation(1), continuation(2), continuation(3) else { return false }
                index += 4
            case 0xF4:
                guard continuation(1, 0x80...0x8F), continuation(2), continuation(3) else { return false }
                index += 4
            default:
                return false
            }
        }
        return true
    }

    /// The non-ASCII scalar starting at `index` of well-formed UTF-8, and how many bytes it takes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: Unicode.Scalar, width: Int) {
        let lead = UInt32(bytes[index])
        let value: UInt32
        let width: Int
        if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            width = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            width = 3
        } else {
            value =
                (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F)
            width = 4
        }
        // Well-formed input never lands here; U+FFFD keeps the walk going rather than trapping.
        return (Unicode.Scalar(value) ?? "\u{FFFD}", width)
    }
}
