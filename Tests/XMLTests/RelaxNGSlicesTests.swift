import Testing
import XML

/// `RelaxNGSchema.isValid(_:repeating:namespaceURI:in:sliceSize:)` must agree with whole-document validation
/// and leave the tree exactly as it found it.
@Suite struct RelaxNGSlicesTests {
    /// A header interleaved with repeated items (the RSS shape), or followed by them (the Atom shape).
    static func grammar(itemsAfterHeader: Bool) -> String {
        let header = """
            <element name="title"><text/></element>
            <optional><element name="note"><text/></element></optional>
            """
        let items = #"<zeroOrMore><element name="item"><element name="id"><text/></element></element></zeroOrMore>"#
        let content = itemsAfterHeader ? "<interleave>\(header)</interleave>\(items)" : "<interleave>\(header)\(items)</interleave>"
        return """
            <element name="list" xmlns="http://relaxng.org/ns/structure/1.0">\(content)</element>
            """
    }

    static func document(_ children: [String]) throws -> XMLDocument {
        try XMLDocument(xml: Array(("<list>\n" + children.joined(separator: "\n") + "\n</list>").utf8))
    }

    static func items(_ range: ClosedRange<Int>) -> [String] {
        range.map { "<item><id>\($0)</id></item>" }
    }

    /// The children as written: element names with their text, and text nodes, in order.
    static func shape(of document: XMLDocument) -> [String] {
        (document.root?.children ?? []).map { $0.kind == .element ? "<\($0.name)>\($0.textContent)" : $0.textContent }
    }

    @Test(arguments: [false, true])
    func validDocumentIsValidAndUntouched(itemsAfterHeader: Bool) throws {
        let schema = try RelaxNGSchema(grammar: Self.grammar(itemsAfterHeader: itemsAfterHeader))
        let children =
            itemsAfterHeader
            ? ["<title>t</title>", "<note>n</note>"] + Self.items(1...23)
            : ["<note>n</note>"] + Self.items(1...10) + ["<title>t</title>"] + Self.items(11...23)
        let document = try Self.document(children)
        let before = Self.shape(of: document)
        #expect(schema.validate(document).isEmpty)
        #expect(schema.isValid(document, repeating: "item", namespaceURI: nil, in: try #require(document.root), sliceSize: 4))
        #expect(Self.shape(of: document) == before)
        // Still a well-formed tree libxml2 can validate as a whole.
        #expect(schema.validate(document).isEmpty)
    }

    @Test func invalidItemInOneSliceIsFound() throws {
        let schema = try RelaxNGSchema(grammar: Self.grammar(itemsAfterHeader: false))
        let document = try Self.document(["<title>t</title>"] + Self.items(1...9) + ["<item><name>x</name></item>"] + Self.items(11...20))
        let before = Self.shape(of: document)
        #expect(!schema.isValid(document, repeating: "item", namespaceURI: nil, in: try #require(document.root), sliceSize: 4))
        #expect(Self.shape(of: document) == before)
        #expect(!schema.validate(document).isEmpty)
    }

    @Test func missingHeaderOrItemBeforeHeaderIsFound() throws {
        let schema = try RelaxNGSchema(grammar: Self.grammar(itemsAfterHeader: true))
        let early = try Self.document(Self.items(1...3) + ["<title>t</title>"] + Self.items(4...20))
        #expect(!schema.isValid(early, repeating: "item", namespaceURI: nil, in: try #require(early.root), sliceSize: 4))
        let headless = try Self.document(Self.items(1...20))
        #expect(!schema.isValid(headless, repeating: "item", namespaceURI: nil, in: try #require(headless.root), sliceSize: 4))
    }

    @Test func fewItemsAreValidatedWhole() throws {
        let schema = try RelaxNGSchema(grammar: Self.grammar(itemsAfterHeader: true))
        let document = try Self.document(["<title>t</title>"] + Self.items(1...3))
        #expect(schema.isValid(document, repeating: "item", namespaceURI: nil, in: try #require(document.root), sliceSize: 4))
    }
}
