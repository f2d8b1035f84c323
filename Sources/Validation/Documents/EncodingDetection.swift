/// Works out a document's character encoding from its first bytes, as XML 1.0 appendix F.1 describes and the
/// W3C service does it: a byte order mark, else the encoding declaration, else UTF-8; and reports what the
/// service reports about it (`UnknownEncoding`, `ObscureEncoding`, a declaration contradicting the byte order
/// mark as `UnicodeError`).
struct EncodingDetection {
    /// How the bytes are turned into the UTF-8 libxml2 reads.
    enum Decoding: Equatable {
        /// UTF-8, with invalid sequences replaced (and the first reported).
        case utf8
        /// ASCII: bytes from 0x80 are invalid.
        case ascii
        /// ISO-8859-1: every byte is a character.
        case latin1
        /// Windows-1252: five bytes are undefined.
        case windows1252
        /// Left to libxml2 (UTF-16, UTF-32 and the encodings it converts with iconv).
        case libxml2
    }

    /// A finding about the encoding and where the service puts it (1-based line and column).
    struct Note {
        var rule: Rule
        var message: String
        var line: Int
        var column: Int
    }

    /// The encoding name the document is read with (a Python codec name: `utf-8`, `iso8859-1`...).
    var encoding = "utf-8"
    var decoding = Decoding.utf8
    /// The byte range of the declaration's `encoding="…"` pseudo-attribute, blanked out when the bytes are
    /// converted to UTF-8 before libxml2 reads them.
    var declarationRange: Range<Int>?
    var notes: [Note] = []

    /// Encodings the XML 1.0 specification requires (section 4.3.3).
    private static let standard: Set<String> = ["UTF-8", "UTF-16"]
    /// Encodings common in feeds, which the service does not warn about.
    private static let common: Set<String> = standard.union([
        "US-ASCII", "ISO-8859-1", "EUC-JP", "ISO-8859-2", "ISO-8859-15", "ISO-8859-7", "KOI8-R", "SHIFT_JIS", "WINDOWS-1250",
        "WINDOWS-1251", "WINDOWS-1252", "WINDOWS-1254", "WINDOWS-1255", "WINDOWS-1256", "GB18030",
    ])

    /// Detects the encoding of a document from its first bytes (at least the XML declaration).
    init(start bytes: [UInt8]) {
        let signature = Array(bytes.prefix(4))
        var declared: Declared?
        if signature.starts(with: [0xEF, 0xBB, 0xBF]) {
            declared = Self.declaration(in: Array(bytes.dropFirst(3)), offset: 3)
            if let found = declared, found.name.uppercased() != "UTF-8" {
                notes.append(
                    Note(
                        rule: .unicodeError,
                        message: "the document starts with a UTF-8 byte order mark but declares "
                            + "\(found.name)", line: found.line, column: found.column))
                declarationRange = found.range
                declared = nil
            }
            apply(name: declared?.name, declaration: declared, fallback: "utf-8")
            return
        }
        if signature.starts(with: [0xFE, 0xFF]) || signature.starts(with: [0xFF, 0xFE])
            || signature == [0, 0, 0, 0x3C] || signature == [0x3C, 0, 0, 0] || signature == [0, 0x3C, 0, 0x3F]
            || signature == [0x3C, 0, 0x3F, 0]
        {
            // UTF-16 and UTF-32: libxml2 reads these from the same signatures.
            let utf32 = signature == [0, 0, 0, 0x3C] || signature == [0x3C, 0, 0, 0] || signature == [0xFF, 0xFE, 0, 0]
            encoding = utf32 ? "utf-32" : "utf-16"
            decoding = .libxml2
            return
        }
        if signature == [0x3C, 0x3F, 0x78, 0x6D] {
            declared = Self.declaration(in: bytes, offset: 0)
            apply(name: declared?.name ?? "UTF-8", declaration: declared, fallback: "utf-8")
            return
        }
        // No declaration (or something before it): UTF-8, which the service notes as a best practice only.
        apply(name: nil, declaration: nil, fallback: "utf-8")
    }

    private mutating func apply(name: String?, declaration: Declared?, fallback: String) {
        guard let name else {
            encoding = fallback
            decoding = .utf8
            return
        }
        guard let codec = CharacterEncodings.codec(named: name) else {
            notes.append(
                Note(
                    rule: .unknownEncoding, message: "the declared encoding \(name) is not known; reading the document as UTF-8",
                    line: declaration?.line ?? 1, column: declaration?.column ?? 1))
            encoding = fallback
            decoding = .utf8
            declarationRange = declaration?.range
            return
        }
        if let declaration, !Self.common.contains(name.uppercased()) {
            notes.append(
                Note(
                    rule: .obscureEncoding, message: "the encoding \(name) is uncommon; readers may not support it: use UTF-8",
                    line: declaration.line, column: declaration.column))
        }
        encoding = codec
        switch codec {
        case "utf-8": decoding = .utf8
        case "ascii": decoding = .ascii
        case "iso8859-1": decoding = .latin1
        case "cp1252": decoding = .windows1252
        default: decoding = .libxml2
        }
        if decoding != .utf8 && decoding != .libxml2 { declarationRange = declaration?.range }
    }

    /// An encoding declaration and where its name starts.
    struct Declared {
        var name: String
        /// 1-based line and column of the name's first character (tabs to multiples of 8, as the service counts).
        var line: Int
        var column: Int
        /// Bytes of `encoding="name"` in the document.
        var range: Range<Int>
    }

    /// `<?xml version="…" encoding="…"` at the very start (bytes read as ISO-8859-1).
    static func declaration(in bytes: [UInt8], offset: Int) -> Declared? {
        var index = 0
        func spaces(required: Bool) -> Bool {
            let start = index
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B, 0x85, 0xA0].contains(bytes[index]) { index += 1 }
            return !required || index > start
        }
        func literal(_ text: String) -> Bool {
            let pattern = Array(text.utf8)
            guard index + pattern.count <= bytes.count, Array(bytes[index..<index + pattern.count]) == pattern else { return false }
            index += pattern.count
            return true
        }
        func quoted(_ allowed: (UInt8) -> Bool) -> (Int, Int)? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[index]
            index += 1
            let start = index
            while index < bytes.count, allowed(bytes[index]) { index += 1 }
            guard index > start, index < bytes.count, bytes[index] == quote else { return nil }
            index += 1
            return (start, index - 1)
        }
        guard literal("<?xml"), spaces(required: true), literal("version"), spaces(required: false), literal("="),
            spaces(required: false),
            quoted({
                $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
                    || $0 == UInt8(ascii: ":")
            }) != nil,
            spaces(required: true)
        else { return nil }
        let attributeStart = index
        guard literal("encoding"), spaces(required: false), literal("="), spaces(required: false),
            let (start, end) = quoted({
                $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_")
                    || $0 == UInt8(ascii: ".")
            })
        else { return nil }
        var line = 1
        var column = 0
        for byte in bytes[..<start] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 0
            } else if byte == UInt8(ascii: "\t") {
                column = (column / 8 + 1) * 8
            } else {
                column += 1
            }
        }
        return Declared(
            name: String(decoding: bytes[start..<end], as: UTF8.self), line: line, column: column + 1,
            range: (attributeStart + offset)..<(end + 1 + offset))
    }
}
