/// Turns a document's bytes into UTF-8 for libxml2 a piece at a time, replacing what cannot be decoded with
/// U+FFFD and noting the first such place, as the W3C service decodes a document (with replacement) and
/// reports the first error as `UnicodeError` before validating the rest. Without it, libxml2 stops at the
/// first bad byte. (The service's decoder error carries no position; Crier gives the bad byte's line and
/// column, 1-based as the service counts the encoding findings it does place.)
struct ByteDecoder {
    let decoding: EncodingDetection.Decoding
    /// Bytes of an incomplete UTF-8 sequence at the end of the previous piece.
    private var pending: [UInt8] = []
    /// Byte offset of the next input byte in the document.
    private var offset = 0
    /// Byte offset of the first byte that could not be decoded.
    private(set) var firstErrorOffset: Int?
    /// Line and column of that byte.
    private(set) var errorPosition: (line: Int, column: Int)?
    /// Characters after the last line break read so far, until the first error (lines are counted by the
    /// caller, which counts them anyway).
    private var column = 0

    init(decoding: EncodingDetection.Decoding) {
        self.decoding = decoding
    }

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    /// Windows-1252 bytes 0x80–0x9F as Unicode; 0 where the code page defines nothing.
    private static let windows1252: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Decodes the next piece; `isLast` flushes an incomplete sequence at the end as an error.
    /// - Parameter line: the document's line at the piece's first byte.
    /// - Returns: the piece as UTF-8, or nil when it can be passed on unchanged (valid UTF-8 and nothing to track).
    mutating func decode(_ bytes: UnsafeRawBufferPointer, isLast: Bool, line startLine: Int) -> [UInt8]? {
        if decoding == .libxml2 { return nil }
        if pending.isEmpty, decoding == .utf8 ? Self.isValidUTF8(bytes) : !bytes.contains(where: { $0 >= 0x80 }) {
            if firstErrorOffset == nil { countColumn(bytes) }
            offset += bytes.count
            return nil
        }
        var line = startLine
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        var input = pending
        input.append(contentsOf: bytes)
        let inputStart = offset - pending.count
        pending = []
        var index = 0
        while index < input.count {
            let byte = input[index]
            if firstErrorOffset == nil {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 0
                } else if decoding != .utf8 || byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            if byte < 0x80 {
                output.append(byte)
                index += 1
                continue
            }
            switch decoding {
            case .ascii:
                noteError(at: inputStart + index, line: line)
                output.append(contentsOf: Self.replacement)
                index += 1
            case .latin1:
                output.append(0xC0 | byte >> 6)
                output.append(0x80 | byte & 0x3F)
                index += 1
            case .windows1252:
                let value = byte < 0xA0 ? Self.windows1252[Int(byte - 0x80)] : UInt32(byte)
                if value == 0 {
                    noteError(at: inputStart + index, line: line)
                    output.append(contentsOf: Self.replacement)
                } else {
                    output.append(contentsOf: Array(String(Unicode.Scalar(value)!).utf8))
                }
                index += 1
            case .utf8, .libxml2:
                let length = Self.sequenceLength(input, at: index)
                if length > 0 {
                    output.append(contentsOf: input[index..<index + length])
                    index += length
                } else if length == 0, !isLast {
                    // An incomplete sequence at the end of the piece: wait for the next one.
                    pending = Array(input[index...])
                    index = input.count
                } else {
                    noteError(at: inputStart + index, line: line)
                    output.append(contentsOf: Self.replacement)
                    index += max(1, -length)
                }
            }
        }
        offset = inputStart + input.count
        return output
    }

    private mutating func noteError(at position: Int, line: Int) {
        guard firstErrorOffset == nil else { return }
        firstErrorOffset = position
        // The bad byte itself was counted as a character.
        errorPosition = (line, column)
    }

    /// Counts the characters after the last line break of a piece read without error: a scan back from its end.
    private mutating func countColumn(_ bytes: UnsafeRawBufferPointer) {
        var index = bytes.count
        var characters = 0
        while index > 0 {
            let byte = bytes[index - 1]
            if byte == UInt8(ascii: "\n") {
                column = characters
                return
            }
            if byte & 0xC0 != 0x80 { characters += 1 }
            index -= 1
        }
        column += characters
    }

    /// Fast path: only ASCII, or valid UTF-8 ending on a character boundary.
    private static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            // Eight ASCII bytes at a time: most of a feed is ASCII markup.
            while index + 8 <= count, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            guard index < count else { break }
            if bytes[index] < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            guard length > 0 else { return false }
            index += length
        }
        return true
    }

    /// The length of the valid UTF-8 sequence at `index`; 0 when it is cut off by the end of the buffer; minus
    /// the number of bytes to replace when it is invalid (Unicode's "maximal subpart" practice, as Python's
    /// decoder replaces).
    static func sequenceLength<C: RandomAccessCollection>(_ bytes: C, at index: C.Index) -> Int where C.Element == UInt8, C.Index == Int {
        let first = bytes[index]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch first {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            lower = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: length = 3
        case 0xED:
            length = 3
            upper = 0x9F
        case 0xF0:
            length = 4
            lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            upper = 0x8F
        default: return -1
        }
        for offset in 1..<length {
            guard index + offset < bytes.endIndex else { return 0 }
            let byte = bytes[index + offset]
            let low = offset == 1 ? lower : 0x80
            let high = offset == 1 ? upper : 0xBF
            if byte < low || byte > high { return -offset }
        }
        return length
    }
}
