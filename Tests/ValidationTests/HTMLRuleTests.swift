import Testing

@testable import Validation

/// Escaped HTML is judged as the W3C service judges it: parse errors of an HTML5 parser are `NotHtml`, unsafe
/// elements, attributes and styles are reported, relative links are `ContainsRelRef`, and HTML's own entities
/// in escaped HTML are fine.
@Suite struct HTMLRuleTests {
    @Test(arguments: [
        ("<p>a &nbsp; b &szlig;</p>", ""),
        ("<p>AT&T</p>", "NotHtml"),
        ("<b>x", "NotHtml"),
        ("<script>alert(1)</script>", "SecurityRisk"),
        ("<p onclick=\"x()\">y</p>", "SecurityRiskAttr"),
        ("<p style=\"color: red\">y</p>", ""),
        ("<p style=\"position: absolute\">y</p>", "DangerousStyleAttr"),
        ("<p style=\"background: url(javascript:x)\">y</p>", "DangerousStyleAttr"),
        ("<a href=\"/rel\">x</a>", "ContainsRelRef"),
        ("<img src=\"rel.png\">", "ContainsRelRef"),
        ("<a href=\"http://example.com/x\">x</a>", ""),
        ("<foo>x</foo>", "NotHtml"),
        ("<iframe src=\"http://x\"></iframe>", "SecurityRisk"),
        ("<a href=\"x?a=1&b=2\">y</a>", "NotHtml,ContainsRelRef"),
        ("<table><tr><td>a<td>b</table>", ""),
        ("<ul><li>a<li>b</ul>", ""),
        ("<p>a<p>b", ""),
        ("<div><p>x</div>", ""),
        ("<a href=\"a b\">x</a>", "InvalidUriChar"),
        ("<svg><circle/></svg>", "NotHtml,NotHtml"),
        ("x <?import namespace=\"t\" implementation=\"#default#time2\"> y", "SecurityRisk,NotHtml"),
        ("<h1>x</h2>", "NotHtml"),
        ("<p>x</p></div>", "NotHtml"),
        ("<br/><hr/><img src=\"http://e/x.png\"/>", ""),
        ("<dl><dt>a<dd>b</dl>", ""),
        ("<select><option>a<option>b</select>", ""),
        ("<p>a &amp; b &lt; c</p>", ""),
        ("<em><strong>x</strong></em>", ""),
        ("<b><i>x</b></i>", "NotHtml"),
        ("<p>x<!-- comment --></p>", ""),
        ("This is a \u{A3}\u{93}test.\u{94}", "NotHtml"),
    ])
    func safeHTML(html: String, expected: String) {
        #expect(ValueRuleProbe.verdict(SafeHTML(), html) == expected, "\(html)")
    }

    @Test(arguments: [
        ("plain text", ""),
        ("a </b> b", "ContainsHTML"),
        ("AT&amp;T", "ContainsHTML"),
        ("caf&#233;", "ContainsHTML"),
        ("a &foo b", ""),
    ])
    func nonHTML(text: String, expected: String) {
        #expect(ValueRuleProbe.verdict(NonHTML(), text) == expected, "\(text)")
    }

    @Test func styles() {
        #expect(StyleCheck.unsafeParts(of: "color: red; ") == ["color: red; "])
        #expect(StyleCheck.unsafeParts(of: "border-top-color: red").isEmpty)
        #expect(StyleCheck.unsafeParts(of: "margin: 0 auto; padding: 1.5em").isEmpty)
        #expect(StyleCheck.unsafeParts(of: "position: absolute") == ["position"])
        #expect(StyleCheck.unsafeParts(of: "border: 1px solid rgb(1,2,3)").isEmpty)
        #expect(StyleCheck.unsafeParts(of: "margin-top: -5px") == ["margin-top: -5px"])
    }

    @Test func findingsOfABodyAreComputedOncePerSession() {
        let session = ValidationSession()
        let body = "<p onclick=\"x()\">y</p>"
        let first = MarkupText.findings(html: body, session: session)
        #expect(first.map(\.rule) == [.securityRiskAttr])
        #expect(MarkupText.findings(html: body, session: session) == first)
        session.check(htmlBodies: ["<script>x</script>"])
        #expect(session.htmlFindings(html: "<script>x</script>").map(\.rule) == [.securityRisk])
    }

    @Test func deepNestingIsReadInLinearTime() {
        let deep = String(repeating: "<div><span>", count: 50_000) + "<script>x</script>" + String(repeating: "</span></div>", count: 50_000)
        let start = ContinuousClock.now
        #expect(MarkupText.computeFindings(html: deep).map(\.rule) == [.securityRisk])
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func htmlFindingsSitWhereTheServicePutsThem() {
        #expect(MarkupText.computeFindings(html: "<b>x").map(\.place) == [.startLine])
        #expect(MarkupText.computeFindings(html: "<script></script>").map(\.place) == [.lineBefore])
        #expect(MarkupText.computeFindings(html: "<a href=\"x\">y</a>").map(\.place) == [.end])
    }
}
