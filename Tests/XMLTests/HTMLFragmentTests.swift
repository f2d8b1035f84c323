import Testing
import XML

/// `HTMLFragment` hands out the same tree as `XMLDocument.htmlFragment`, read in place instead of copied.
@Suite struct HTMLFragmentTests {
    /// The tree as `XMLNode` reads it: kind, name, attributes and text of every node, depth first.
    static func describe(_ node: XMLNode) -> [String] {
        node.children.flatMap { child -> [String] in
            switch child.kind {
            case .element:
                let attributes = child.attributes.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
                return ["<\(child.name) \(attributes)>"] + describe(child) + ["</\(child.name)>"]
            case .text, .cdata: return ["text:\(child.ownText)"]
            case .comment: return ["comment"]
            case .other: return ["other"]
            }
        }
    }

    /// The same description made from `HTMLNode`'s byte buffers.
    static func describe(_ node: HTMLNode) -> [String] {
        var lines: [String] = []
        var next = node.firstChild
        while let child = next {
            let name = String(decoding: child.name, as: UTF8.self)
            switch child.kind {
            case .element:
                var attributes: [String] = []
                var attribute = child.firstAttribute
                while let current = attribute {
                    let value = current.withValue { String(decoding: $0, as: UTF8.self) }
                    attributes.append("\(String(decoding: current.name, as: UTF8.self))=\(value)")
                    attribute = current.next
                }
                lines += ["<\(name) \(attributes.joined(separator: " "))>"] + describe(child) + ["</\(name)>"]
            case .text, .cdata: lines.append("text:" + String(decoding: child.text, as: UTF8.self))
            case .comment: lines.append("comment")
            case .other: lines.append("other")
            }
            next = child.nextSibling
        }
        return lines
    }

    @Test(arguments: [
        "<p>a&nbsp;b &amp; <em>c</em></p>\n<p>d</p>",
        "<A HREF=\"x\" Title='t&quot;' disabled>link</A><img src=a.png alt>",
        "<script>x()</script><!-- c --><![CDATA[d]]><table><tr><td>1<td>2</table>",
        "<p>unclosed <b>bold <i>both</p> after",
        "text only with é and 😀",
        "",
    ])
    func walkMatchesXMLNode(html: String) throws {
        let expected = Self.describe(try XMLDocument.htmlFragment(html))
        let fragment = try #require(HTMLFragment.parse(html))
        let walked = withExtendedLifetime(fragment) { Self.describe(fragment.wrapper) }
        #expect(walked == expected)
    }

    @Test func nodesOfOtherKindsHaveNoText() throws {
        let fragment = try #require(HTMLFragment.parse("<p>x</p>"))
        let paragraph = try #require(fragment.wrapper.firstChild)
        #expect(paragraph.kind == .element && paragraph.text.isEmpty)
        #expect(paragraph.firstChild?.firstAttribute == nil)
        withExtendedLifetime(fragment) {}
    }
}
