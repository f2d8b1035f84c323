import Platform

/// Turns a file's bytes into text: detects the encoding, normalises line ends, refuses binary files.
enum TextDecoder {
    /// Decoded text plus whether the encoding had to be guessed.
    struct Decoded {
        var text: String
        /// True when the bytes were not valid UTF-8 and were read as Windows-1252.
        var guessedWindows1252: Bool
    }

    /// Why bytes could not be turned into article text.
    enum Failure: Error, Equatable {
        case empty
        case binary
    }

    /// Decodes UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM, or else Windows-1252; CRLF and CR become LF.
    ///
    /// Files saved by old Windows editors are the usual source of invalid UTF-8; Windows-1252 is what browsers
    /// assume for such bytes (WHATWG Encoding treats `iso-8859-1` as `windows-1252` too).
    static func decode(_ bytes: [UInt8], rejectNUL: Bool) throws(Failure) -> Decoded {
        var guessed = false
        var text: String
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            text = utf8OrWindows1252(bytes[3...], guessed: &guessed)
        } else if bytes.starts(with: [0xFF, 0xFE]) {
            text = utf16(bytes[2...], bigEndian: false)
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            text = utf16(bytes[2...], bigEndian: true)
        } else {
            text = utf8OrWindows1252(bytes[...], guessed: &guessed)
        }
        if rejectNUL, FastText.contains(0, in: text) { throw .binary }
        text = normalizingLineEnds(text)
        text = replacingC1Controls(text)
        if text.allSatisfy(\.isWhitespace) { throw .empty }
        return Decoded(text: text, guessedWindows1252: guessed)
    }

    private static func utf8OrWindows1252(_ bytes: ArraySlice<UInt8>, guessed: inout Bool) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        guessed = true
        return Windows1252.decode(bytes)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        // Unpaired surrogates become U+FFFD rather than failing the file.
        return String(decoding: units, as: UTF16.self)
    }

    /// C1 controls (U+0080–U+009F) become the Windows-1252 characters of the same byte value, and the five
    /// bytes Windows-1252 leaves undefined are dropped.
    ///
    /// In real files these are mojibake: Windows-1252 text once decoded as ISO-8859-1 (`â€\u{9D}`), or the
    /// undefined bytes of a file read as Windows-1252. XML allows them but readers show boxes, and the W3C
    /// validator (and Crier's) flags them as BadCharacters; HTML's numeric references map them the same way.
    static func replacingC1Controls(_ text: String) -> String {
        guard hasC1Control(text) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard (0x80...0x9F).contains(scalar.value) else {
                scalars.append(scalar)
                continue
            }
            let mapped = Windows1252.highTable[Int(scalar.value) - 0x80]
            if mapped != scalar.value, let replacement = Unicode.Scalar(mapped) { scalars.append(replacement) }
        }
        return String(scalars)
    }

    /// True when the text has a C1 control: in UTF-8 exactly the pairs C2 80...C2 9F. `memchr` finds the
    /// rare C2 lead bytes; a closure over every byte cost more than decoding.
    static func hasC1Control(_ text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard var cursor = buffer.baseAddress else { return false }
            let end = cursor + buffer.count
            while cursor < end, let lead = CMemory.first(0xC2, in: cursor, count: end - cursor) {
                let next = lead + 1
                if next < end, next.pointee >= 0x80, next.pointee <= 0x9F { return true }
                cursor = next
            }
            return false
        }
        if let found { return found }
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == 0xC2 && (0x80...0x9F).contains(byte) { return true }
            previous = byte
        }
        return false
    }

    /// CRLF and lone CR become LF, so every parser sees one kind of line end.
    static func normalizingLineEnds(_ text: String) -> String {
        guard FastText.contains(0x0D, in: text) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 0x0D {
                bytes.append(0x0A)
                previousWasCR = true
                continue
            }
            if byte == 0x0A && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
