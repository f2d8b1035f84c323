import Testing

@testable import Validation

/// The bytes before and around parsing: encoding detection and conversion, the XML declaration, WordPress's
/// blank line, bytes that cannot be decoded, and going on after each.
@Suite struct DocumentPrologueTests {
    static let body =
        "<rss version=\"2.0\"><channel><title>T</title><link>http://example.com/</link>"
        + "<description>D</description></channel></rss>\n"

    /// The rules about the document's bytes; what the format rules say about the small feed is not looked at.
    static let documentRules: Set<String> = [
        "UnicodeError", "WPBlankLine", "SAXError", "BadXmlVersion", "UnknownEncoding",
        "ObscureEncoding", "BadCharacters",
    ]

    static func rules(_ bytes: [UInt8]) -> [String] {
        findings(bytes).map(\.rule)
    }

    static func findings(_ bytes: [UInt8]) -> [Finding] {
        FeedValidator.validate(bytes: bytes).findings.filter { documentRules.contains($0.rule) }
    }

    @Test func encodings() {
        #expect(EncodingDetection(start: Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>".utf8)).notes.isEmpty)
        let unknown = EncodingDetection(start: Array("<?xml version=\"1.0\" encoding=\"x-fake\"?>".utf8))
        #expect(unknown.notes.map(\.rule) == [.unknownEncoding])
        #expect(unknown.notes.first?.line == 1 && unknown.notes.first?.column == 31)
        let obscure = EncodingDetection(start: Array("<?xml\n\tversion=\"1.0\"\n  \t\t encoding=\"mac-cyrillic\"?>".utf8))
        #expect(obscure.notes.map(\.rule) == [.obscureEncoding])
        #expect(obscure.notes.first?.line == 3 && obscure.notes.first?.column == 28)
        #expect(EncodingDetection(start: Array("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>".utf8)).decoding == .latin1)
        #expect(EncodingDetection(start: [0xFF, 0xFE, 0x3C, 0]).decoding == .libxml2)
        let bom = EncodingDetection(start: [0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\" encoding=\"us-ascii\"?>".utf8))
        #expect(bom.notes.map(\.rule) == [.unicodeError])
    }

    @Test func aBadByteIsReportedOnceAndTheRestIsRead() {
        let bytes =
            Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- caf".utf8) + [0xE9] + Array(" -->\n".utf8)
            + Array(Self.body.utf8)
        let found = Self.findings(bytes)
        #expect(found.map(\.rule) == ["UnicodeError"])
        #expect(found.first?.line == 2 && found.first?.column == 9)
    }

    @Test func asciiAndLatin1AreConverted() {
        let latin1 =
            Array("<?xml version=\"1.0\" encoding=\"iso-8859-1\"?>\n<!-- caf".utf8) + [0xE9] + Array(" -->\n".utf8)
            + Array(Self.body.utf8)
        #expect(Self.rules(latin1).isEmpty)
        let ascii =
            Array("<?xml version=\"1.0\" encoding=\"us-ascii\"?>\n<!-- caf".utf8) + [0xE9] + Array(" -->\n".utf8)
            + Array(Self.body.utf8)
        #expect(Self.rules(ascii) == ["UnicodeError"])
    }

    @Test func wordPressBlankLine() {
        let wordpress =
            "\n\n<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
            + Self.body.replacingAll(
                "<description>D</description>", with: "<description>D</description><generator>https://wordpress.org/?v=6</generator>")
        #expect(Self.rules(Array(wordpress.utf8)) == ["WPBlankLine"])
        let other = Self.findings(Array(("\n<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + Self.body).utf8))
        #expect(other.map(\.rule) == ["SAXError"])
        #expect(other.first?.line == 2 && other.first?.column == 0)
    }

    @Test func xmlVersion() {
        #expect(Self.rules(Array(("<?xml version=\"1.1\"?>\n" + Self.body).utf8)) == ["BadXmlVersion"])
        #expect(Self.rules(Array(("<?xml version=\"1.0\"?>\n" + Self.body).utf8)).isEmpty)
    }

    @Test func aDocumentOverTenMegabytesGivenWholeIsReadInSlices() {
        // libxml2's push parser refuses a single chunk it would have to look through beyond 10 MB.
        let padding = String(repeating: "<!-- padding padding padding padding -->\n", count: 300_000)
        let document = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- start -->\n" + padding + Self.body
        #expect(document.utf8.count > 10_000_000)
        #expect(Self.rules(Array(document.utf8)).isEmpty)
    }

    @Test func encodingSplitAcrossPieces() {
        // The declaration and a multi-byte character arrive in pieces of one byte.
        let text = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- café -->\n" + Self.body
        var check = XMLFeedCheck(documentURI: "http://example.com/feed.xml", now: nil)
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            [byte].withUnsafeBytes { check.parse($0, isLast: index == bytes.count - 1) }
        }
        #expect(check.finish().findings.findings.filter { Self.documentRules.contains($0.rule) }.isEmpty)
    }
}
