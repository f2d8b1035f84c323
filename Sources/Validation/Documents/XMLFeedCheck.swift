import FeedModel
import Foundation
import XML

/// Validates an XML feed document (RSS, RDF, Atom) in one streaming pass: bytes go through libxml2's push
/// parser into a `ValidationWalker`, so memory follows the largest element, not the document.
struct XMLFeedCheck {
    private let walker: ValidationWalker
    private let parser: XMLEventParser
    /// Lines fed so far (1-based line of the next byte), for the `&#x` scan.
    private var line = 1
    /// The last bytes of the previous piece, so `&#x` split across pieces is still seen.
    private var carry: [UInt8] = []
    /// What the document's first bytes said about it; nil until enough of them were read.
    private var prologue: DocumentPrologue?
    /// The first bytes, held until the encoding and XML declaration can be read from them.
    private var head: [UInt8] = []
    private var decoder = ByteDecoder(decoding: .utf8)

    /// Starts a document.
    /// - Parameters:
    ///   - documentURI: where the document lives; relative references resolve against it.
    ///   - now: the current time for plausibility of dates; nil leaves such rules out.
    ///   - deferred: where a part of a larger document records what only the whole can settle.
    ///   - session: markup findings of HTML bodies already checked in this publish.
    init(documentURI: String, now: Timestamp?, deferred: DeferredChecks? = nil, session: ValidationSession? = nil) {
        walker = ValidationWalker(documentURI: documentURI, now: now)
        walker.deferred = deferred
        walker.session = session
        parser = XMLEventParser(consumer: walker)
    }

    /// Reads the next piece of the document.
    mutating func parse(_ bytes: UnsafeRawBufferPointer, isLast: Bool = false) {
        guard prologue == nil else { return feed(bytes, isLast: isLast) }
        // Only the first bytes, up to the end of the XML declaration, are held and rearranged; the rest of the
        // piece goes to the parser as it is.
        let end = bytes.firstIndex(of: UInt8(ascii: ">")).map { $0 + 1 } ?? bytes.count
        head.append(contentsOf: bytes[..<end])
        let rest = UnsafeRawBufferPointer(rebasing: bytes[end...])
        guard isLast || DocumentPrologue.hasEnough(head) else { return }
        var found = DocumentPrologue(start: head)
        let start = found.rearrangedStart(head)
        prologue = found
        decoder = ByteDecoder(decoding: found.detection.decoding)
        walker.encoding = found.detection.encoding
        head = []
        start.withUnsafeBytes { feed($0, isLast: isLast && rest.isEmpty) }
        if !rest.isEmpty { feed(rest, isLast: isLast) }
    }

    /// Decodes a piece to UTF-8 when needed and hands it to the parser, in slices small enough for libxml2's
    /// push parser (it refuses to look ahead more than 10 MB at once: "Huge input lookup").
    private mutating func feed(_ bytes: UnsafeRawBufferPointer, isLast: Bool) {
        let slice = 1 << 22
        guard bytes.count > slice else { return feedSlice(bytes, isLast: isLast) }
        var start = 0
        while start < bytes.count {
            let end = min(start + slice, bytes.count)
            feedSlice(UnsafeRawBufferPointer(rebasing: bytes[start..<end]), isLast: isLast && end == bytes.count)
            start = end
        }
    }

    private mutating func feedSlice(_ bytes: UnsafeRawBufferPointer, isLast: Bool) {
        prologue?.scanForGenerator(bytes)
        if let decoded = decoder.decode(bytes, isLast: isLast, line: line) {
            decoded.withUnsafeBytes { decodedBytes in
                scanForHexReferences(decodedBytes)
                withExtendedLifetime(walker) { parser.parse(decodedBytes, isLast: isLast) }
            }
        } else {
            scanForHexReferences(bytes)
            withExtendedLifetime(walker) { parser.parse(bytes, isLast: isLast) }
        }
    }

    /// Counts `lines` lines of the whole document that this part does not hold (see `XMLEventParser.skipLines`).
    mutating func skipLines(_ lines: Int) {
        line += lines
        carry = []
        parser.skipLines(lines)
    }

    /// Ends the document and returns what was found.
    mutating func finish() -> (kind: FeedKind, findings: FindingList) {
        if prologue == nil { parse(UnsafeRawBufferPointer(start: nil, count: 0), isLast: true) }
        withExtendedLifetime(walker) { parser.finish() }
        var findings = FindingList()
        guard let prologue else { return (walker.feedKind, walker.findings) }
        if prologue.movedDeclaration && !prologue.sawWordPressGenerator {
            // Only WordPress's blank line is forgiven; otherwise the declaration is out of place, which ends
            // the document for an XML parser.
            findings.add(
                .saxError, line: prologue.declarationLine, column: prologue.declarationColumn,
                "XML parsing error: the XML declaration must be the very first thing in the document")
            return (walker.feedKind, findings)
        }
        if prologue.movedDeclaration {
            findings.add(
                .wpBlankLine, line: 1, column: 1,
                "blank line before the XML declaration (a WordPress theme or plugin "
                    + "prints it); the rest was checked as if it were not there")
        }
        for note in prologue.detection.notes {
            findings.add(note.rule, line: note.line, column: note.column, note.message)
        }
        if let position = decoder.errorPosition {
            findings.add(
                .unicodeError, line: position.line, column: position.column,
                "a byte that is not \(prologue.detection.encoding) was read as U+FFFD; declare the right encoding or fix the text")
        }
        if let version = prologue.badVersion {
            findings.add(.badXmlVersion, line: 1, column: 1, "XML version \(version): feeds must be XML 1.0")
        }
        findings.append(contentsOf: walker.findings)
        return (walker.feedKind, findings)
    }

    /// Notes every line holding `&#x`, which decides `CharacterData` (see `ValidationWalker.hasHexReference`).
    private mutating func scanForHexReferences(_ bytes: UnsafeRawBufferPointer) {
        let pattern: [UInt8] = Array("&#x".utf8)
        var matched = 0
        // Finish a match begun at the end of the previous piece.
        for byte in carry {
            matched = byte == pattern[matched] ? matched + 1 : (byte == pattern[0] ? 1 : 0)
        }
        // Most bytes are neither `&` nor a newline: `memchr` skips to each `&`, and the newlines before it are
        // counted in a tight loop, instead of stepping the match through every byte.
        let buffer = bytes.bindMemory(to: UInt8.self)
        var index = matched > 0 ? extend(&matched, of: pattern, in: buffer, at: 0) : 0
        while index < buffer.count {
            guard let ampersand = ByteSearch.index(of: UInt8(ascii: "&"), in: buffer, from: index) else {
                line += Self.newlines(in: buffer, from: index, to: buffer.count)
                break
            }
            line += Self.newlines(in: buffer, from: index, to: ampersand)
            matched = 1
            index = extend(&matched, of: pattern, in: buffer, at: ampersand + 1)
        }
        carry = matched > 0 ? Array(pattern[0..<matched]) : []
    }

    /// Goes on matching `pattern` from `start`, where `matched` of its bytes are already matched; notes a whole
    /// match. Leaves `matched` set only when the piece ends inside the pattern (for the next piece to finish).
    /// - Returns: the index after the bytes that matched.
    private mutating func extend(_ matched: inout Int, of pattern: [UInt8], in buffer: UnsafeBufferPointer<UInt8>, at start: Int) -> Int {
        var end = start
        while end < buffer.count, matched < pattern.count, buffer[end] == pattern[matched] {
            matched += 1
            end += 1
        }
        if matched == pattern.count {
            walker.noteHexReference(onLine: line)
            matched = 0
        } else if end < buffer.count {
            matched = 0
        }
        return end
    }

    private static func newlines(in buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        for index in start..<end where buffer[index] == 0x0A { count += 1 }
        return count
    }

    /// The `href` of the first `rel="self"` link in the first 64 KB: the document's own URI when the
    /// caller knows none (a local file), as the W3C service is run on a file it did not fetch.
    static func selfLink(in bytes: some Collection<UInt8>) -> String? {
        let text = String(decoding: bytes.prefix(65_536), as: UTF8.self)
        var rest = text[...]
        while let open = rest.range(of: "<") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: ">") else { return nil }
            let tag = rest[..<close]
            let name = tag.prefix { !$0.isWhitespace && $0 != "/" }
            if name == "link" || name.hasSuffix(":link"), Self.attribute("rel", in: tag) == "self",
                let href = Self.attribute("href", in: tag), href.contains("://")
            {
                return href.replacingOccurrences(of: "&amp;", with: "&")
            }
            rest = rest[close...]
        }
        return nil
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        for quote in ["\"", "'"] {
            for space in [" ", "\n", "\t", "\r"] {
                guard let start = tag.range(of: space + name + "=" + quote) else { continue }
                let value = tag[start.upperBound...]
                guard let end = value.firstIndex(of: Character(quote)) else { continue }
                return String(value[..<end])
            }
        }
        return nil
    }
}

extension FeedKind {
    /// The format reported for this kind, nil when it is not a feed Crier reads.
    var format: FeedFormat? {
        switch self {
        case .rss1, .rss2: .rss
        case .atom, .atomEntry: .atom
        case .unknown, .unsupported: nil
        }
    }
}
