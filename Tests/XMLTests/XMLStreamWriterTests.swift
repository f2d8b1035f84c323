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
