import Testing

@testable import XML

@Suite struct XMLStreamWriterTests {
    private func write(_ body: (XMLStreamWriter) throws -> Void) throws -> String {
        let writer = XMLStreamWriter(indent: false)
        try writer.startDocument()
        try body(writer)
        return String(decoding: try writer.finish(), as: UTF8.self)
    }

    @Test func escapesTextAndAttributes() throws {
        let xml = try write { w in
            try w.startElement("a")
            try w.attribute("title", "x \"quoted\" & <b>")
            try w.text("1 < 2 & ]]> done")
            try w.endElement()
        }
        #expect(xml.contains("<a title=\"x &quot;quoted&quot; &amp; &lt;b&gt;\">1 &lt; 2 &amp; ]]&gt; done</a>"))
        _ = try XMLDocument(xml: Array(xml.utf8))
    }

    @Test func removesForbiddenCharactersAndKeepsTextAfterNUL() throws {
        let xml = try write { w in
            try w.element("t", "a\u{0}b\u{1}c\u{B}d\u{1B}e\u{FFFE}f\u{FFFF}g\tok\n")
        }
        #expect(xml.contains("<t>abcdefg\tok\n</t>"))
        let document = try XMLDocument(xml: Array(xml.utf8))
        #expect(document.root?.textContent == "abcdefg\tok\n")
    }

    @Test func plainTextUsesHexadecimalReferencesAndParsesBackTheSame() throws {
        let xml = try write { w in
            try w.startElement("feed")
            try w.plainTextElement("title", "Q&A: 1 < 2 > 0 &amp; \u{85}\u{FFFD}", attributes: ["type": "text"])
            try w.plainTextElement("plain", "nothing to escape")
            try w.endElement()
        }
        #expect(xml.contains("<title type=\"text\">Q&#x26;A: 1 &#x3C; 2 &gt; 0 &#x26;amp; </title><plain>nothing to escape</plain>"))
        let document = try XMLDocument(xml: Array(xml.utf8))
        #expect(document.root?.element(named: "title")?.textContent == "Q&A: 1 < 2 > 0 &amp; ")
    }

    @Test func publishableTextAgreesWithTheScalarRule() {
        // Neighbours of every damage range, and the ranges' ends, at the start, middle and end of a text.
        let probes: [UInt32] = [
            0x9, 0x1F, 0x20, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xAB, 0xE9, 0xFDCF, 0xFDD0, 0xFDEF, 0xFDF0, 0xFFFC, 0xFFFD, 0xFFFE, 0xFFFF,
            0x1F600, 0x1FFFD, 0x1FFFE, 0x2FFFF, 0x10FFFD, 0x10FFFF,
        ]
        for probe in probes {
            let scalar = Unicode.Scalar(probe)!
            for text in [String(scalar) + "ab", "a" + String(scalar) + "b", "ab" + String(scalar)] {
                let expected = String(String.UnicodeScalarView(text.unicodeScalars.filter(XMLCharacters.isPublishable)))
                #expect(XMLCharacters.publishable(text) == expected, "U+\(String(probe, radix: 16))")
            }
        }
        let accents = "Café « déjà » — naïve 日本 😀"
        #expect(XMLCharacters.isPublishableAsIs(accents))
    }

    @Test func indentedPlainTextStaysOnItsLine() throws {
        let writer = XMLStreamWriter(indent: true)
        try writer.startDocument()
        try writer.startElement("item")
        try writer.plainTextElement("title", "a & b")
        try writer.element("link", "https://example.org/")
        try writer.endElement()
        let xml = String(decoding: try writer.finish(), as: UTF8.self)
        #expect(xml.contains("<item>\n  <title>a &#x26; b</title>\n  <link>https://example.org/</link>\n</item>"))
    }

    @Test func streamsInChunks() throws {
        let writer = XMLStreamWriter(indent: false)
        try writer.startDocument()
        try writer.startElement("feed")
        var total: [UInt8] = try writer.takeBytes()
        for index in 0..<3 {
            try writer.element("entry", "\(index)")
            let chunk = try writer.takeBytes()
            #expect(!chunk.isEmpty)
            total += chunk
        }
        total += try writer.finish()
        let document = try XMLDocument(xml: total)
        #expect(document.root?.elementChildren.count == 3)
    }
}
