import Foundation
import Testing
import XML

/// The streaming reader walks a file node by node, expands subtrees with their real line numbers, and
/// reports malformed input; `appendCopy` assembles documents from what it reads.
@Suite struct XMLStreamReaderTests {
    static func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("crier-reader-\(UUID().uuidString).xml")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func walksExpandsAndSkipsSubtrees() throws {
        let path = try Self.file("<list xmlns:x=\"urn:x\">\n<item n=\"1\"><x:b>one</x:b></item>\n<item n=\"2\"/>\n<end/></list>\n")
        let reader = try XMLStreamReader(path: path)
        var seen: [String] = []
        var more = reader.read()
        while more {
            if reader.kind == .startElement && reader.depth == 1 {
                let node = try #require(reader.expand())
                seen.append("\(node.name)@\(node.line):\(node.attribute("n") ?? "-"):\(node.textContent)")
                if node.name == "item", let child = node.elementChildren.first {
                    #expect(child.namespaceURI == "urn:x")
                }
                more = reader.skip()
            } else {
                more = reader.read()
            }
        }
        #expect(!reader.hasErrors)
        #expect(seen == ["item@2:1:one", "item@3:2:", "end@4:-:"])
    }

    @Test func linesPast65535AreExact() throws {
        let path = try Self.file("<a>" + String(repeating: "\n", count: 70_000) + "<b>x</b></a>")
        let reader = try XMLStreamReader(path: path)
        var line = 0
        while reader.read() {
            if reader.kind == .startElement && reader.localName == "b" { line = reader.expand()?.line ?? 0 }
        }
        #expect(line == 70_001)
    }

    @Test func malformedFilesStopWithAnError() throws {
        let reader = try XMLStreamReader(path: try Self.file("<a>\n<b></a>"))
        while reader.read() {}
        #expect(reader.hasErrors)
        #expect(reader.diagnostics.contains { $0.line == 2 })
        #expect(throws: XMLParseError.self) { try XMLStreamReader(path: "/nonexistent/crier.xml") }
    }

    @Test func copiesAssembleADocument() throws {
        let source = try XMLDocument(xml: Array("<r xmlns:x=\"urn:x\" k=\"v\"><x:c>t</x:c><d/></r>".utf8))
        let root = try #require(source.root)
        let assembled = try #require(XMLDocument.empty())
        let copy = try #require(assembled.appendCopy(of: root, to: nil, deep: false))
        #expect(copy.elementChildren.isEmpty && copy.attribute("k") == "v")
        let child = try #require(root.elementChildren.first)
        let copied = try #require(assembled.appendCopy(of: child, to: copy, deep: true))
        #expect(copied.namespaceURI == "urn:x" && copied.textContent == "t")
        #expect(assembled.root?.elementChildren.map(\.name) == ["c"])
        copied.remove()
        #expect(assembled.root?.elementChildren.isEmpty == true)
    }
}
