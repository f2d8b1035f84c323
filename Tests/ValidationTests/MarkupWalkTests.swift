import Testing
import XML
@testable import Validation

/// The markup check of escaped HTML walks libxml2's tree through byte buffers (`HTMLFragment`); its findings
/// must be exactly those of the walk over `XMLNode`s that Atom's inline XHTML still uses.
@Suite struct MarkupWalkTests {
    static let bodies: [String] = {
        var bodies = [
            "<p>plain</p>",
            "<p>Hi<script>alert(1)</script></p><iframe src=x></iframe>",
            "<P ONCLICK='x()'>upper case</P><img SRC=\"/relative.png\" onerror=y>",
            "<a href=\" javascript:alert(1) \">x</a><a href='vbscript:x'>y</a><object data='data:text/html,x'></object>",
            "<a href='#top'>fragment</a><a href='?q=1'>query</a><a href='//cdn.example.org/x'>scheme-relative</a>",
            "<div style='width: expression(alert(1))'>ie</div><span style='color: red'>ok</span>",
            "<a href='https://example.org/é'>é</a><img src='caf\u{E9}.png' alt='\u{1F600}'>",
            "<meta http-equiv=refresh content=0><link rel=stylesheet href=/s.css><base href=/>",
            "<table><tr><td><a href=x>implied tbody</a></td></tr></table><form action=/post><input formaction=/x></form>",
            "<svg><a xlink:href='/relative'>svg link</a></svg><video poster=p.jpg><source src=v.mp4></video>",
            "text &amp; entities &nbsp; &copy; <b>bold<i>unclosed",
            "<blockquote cite='/quote'>q</blockquote><embed src=x><applet code=y></applet><frameset><frame src=z>",
            "",
            "<p>no markup at all",
        ]
        bodies.append(String(repeating: "<div>", count: 300) + "<script>deep</script>" + String(repeating: "</div>", count: 300))
        bodies.append("<p>closed early</p></div><script>alert(1)</script><a href='/after'>after</a>")
        bodies.append("</div></div><p onclick=x>outside</p><div><iframe></iframe>")
        bodies.append((0..<200).map { "<a href='/p/\($0)' onmouseover='f(\($0))'>\($0)</a>" }.joined())
        return bodies
    }()

    @Test(arguments: bodies.indices)
    func byteWalkFindsWhatTheNodeWalkFinds(index: Int) throws {
        let body = Self.bodies[index]
        for hasBase in [false, true] {
            let fast = HTMLContentCheck.markupFindings(html: body, hasBase: hasBase)
            let wrapper = try XMLDocument.htmlFragment(body)
            // The wrapper's elements, then those a stray </div> pushed out of it (the body's other children).
            let trailing = (wrapper.parent?.children.dropFirst() ?? []).filter { $0.kind == .element }
            let reference = HTMLContentCheck.walk(topLevel: wrapper.elementChildren + trailing, hasBase: hasBase)
            #expect(fast == reference, "body \(index), hasBase \(hasBase)")
        }
    }

    /// libxml2 closes the fragment's wrapper at a stray </div>; what follows must still be checked.
    @Test func markupAfterAStrayClosingTagIsChecked() {
        let details = HTMLContentCheck.markupFindings(html: "<p>hi</p></div><script>alert(1)</script>", hasBase: false).map(\.detail)
        #expect(details.contains { $0.contains("<script>") })
    }

    @Test func theBodiesBreakEveryMarkupRule() {
        let details = Self.bodies.flatMap { HTMLContentCheck.markupFindings(html: $0, hasBase: false) }.map(\.detail)
        for expected in ["<script>", "event handler", "javascript: URL", "vbscript: URL", "data: URL", "style attribute",
                         "relative URL", "more than 250 deep", "<meta>", "<iframe>"] {
            #expect(details.contains { $0.contains(expected) }, "no finding mentions \(expected)")
        }
    }
}
