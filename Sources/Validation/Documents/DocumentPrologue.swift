/// What a document's first bytes say: its encoding (`EncodingDetection`), its XML declaration's version, and
/// whether a blank line precedes the declaration, which a WordPress theme or plugin often prints and which the
/// W3C service forgives when the feed comes from WordPress (`WPBlankLine`).
struct DocumentPrologue {
    var detection: EncodingDetection
    /// The version of the XML declaration when it is not 1.0 (`BadXmlVersion`, XML 1.0 section 2.8).
    var badVersion: String?
    /// True when white space preceded the declaration and the declaration was moved to the start so that the
    /// rest can be parsed.
    var movedDeclaration = false
    /// Where the declaration was (1-based line, characters before it on its line).
    var declarationLine = 1
    var declarationColumn = 0
    /// Whether a `<generator>` naming WordPress was seen on one line.
    private(set) var sawWordPressGenerator = false
    /// The end of the previous piece after its last line break, so a generator split across pieces is seen.
    private var partialLine: [UInt8] = []

    /// Whether the first bytes are enough to read the prologue: the XML declaration's `>` (or what stands
    /// for it), or 4 KB.
    static func hasEnough(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 4096 || bytes.contains(UInt8(ascii: ">"))
    }

    init(start bytes: [UInt8]) {
        detection = EncodingDetection(start: bytes)
    }

    /// The first bytes as the parser should read them: a declaration after white space moved to the very start
    /// (line breaks kept, so every later line keeps its number), a declared encoding blanked out when the bytes
    /// are converted to UTF-8 before parsing.
    mutating func rearrangedStart(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        if let range = detection.declarationRange {
            for index in range { result[index] = UInt8(ascii: " ") }
        }
        if let first = result.first, [0x20, 0x09, 0x0A, 0x0D].contains(first),
            let open = result.firstIndex(of: UInt8(ascii: "<")), result[..<open].allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }),
            result[open...].starts(with: Array("<?xml".utf8)), let close = result.firstIndex(of: UInt8(ascii: ">")), close > open
        {
            movedDeclaration = true
            declarationLine = 1 + result[..<open].filter { $0 == UInt8(ascii: "\n") }.count
            declarationColumn = open - ((result[..<open].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1)
            var declaration = Array(result[open...close])
            // The service read the encoding from the raw first bytes, where white space hid the declaration: the
            // document is read as UTF-8 whatever it declares.
            if let declared = EncodingDetection.declaration(in: declaration, offset: 0) {
                for index in declared.range { declaration[index] = UInt8(ascii: " ") }
            }
            result = declaration + result[..<open] + result[(close + 1)...]
        }
        if !result.starts(with: [0xEF, 0xBB, 0xBF]) { badVersion = Self.unsupportedVersion(result) }
        return result
    }

    /// `<?xml version="…"` with a version other than 1.0.
    private static func unsupportedVersion(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?".utf8)) else { return nil }
        var index = 2
        func spaces() -> Int {
            let start = index
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B].contains(bytes[index]) { index += 1 }
            return index - start
        }
        func literal(_ text: String) -> Bool {
            let pattern = Array(text.utf8)
            guard bytes[index...].starts(with: pattern) else { return false }
            index += pattern.count
            return true
        }
        _ = spaces()
        guard literal("xml"), spaces() > 0, literal("version") else { return nil }
        _ = spaces()
        guard literal("=") else { return nil }
        _ = spaces()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return nil }
        index += 1
        let start = index
        while index < bytes.count, bytes[index].isASCIIAlphanumeric || "-_.:".utf8.contains(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return nil }
        let version = String(decoding: bytes[start..<index], as: UTF8.self)
        return version == "1.0" ? nil : version
    }

    /// Looks for `<generator` … `wordpress` … `</generator>` on one line, once the declaration had to be moved.
    mutating func scanForGenerator(_ bytes: UnsafeRawBufferPointer) {
        guard movedDeclaration, !sawWordPressGenerator else { return }
        var lineStart = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            check(partialLine + bytes[lineStart..<index])
            partialLine = []
            lineStart = index + 1
            if sawWordPressGenerator { return }
        }
        partialLine.append(contentsOf: bytes[lineStart...])
        if partialLine.count > 1 << 16 { partialLine.removeFirst(partialLine.count - (1 << 16)) }
        check(partialLine)
    }

    private mutating func check(_ line: [UInt8]) {
        guard let open = Self.find(Array("<generator".utf8), in: line[...]),
            let word = Self.find(Array("wordpress".utf8), in: line[(open + 10)...]),
            Self.find(Array("</generator>".utf8), in: line[(word + 9)...]) != nil
        else { return }
        sawWordPressGenerator = true
    }

    private static func find(_ pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
        guard bytes.count >= pattern.count, let first = pattern.first else { return nil }
        var index = bytes.startIndex
        while index + pattern.count <= bytes.endIndex {
            if bytes[index] == first, bytes[index..<index + pattern.count].elementsEqual(pattern) { return index }
            index += 1
        }
        return nil
    }
}
