import Testing

@testable import FeedBuilder

/// Inline styles keep only declarations that cannot load, run or cover anything; the W3C Feed Validation
/// Service's `DangerousStyleAttr` check is the yardstick (the real-site tests run its fixtures through it).
@Suite struct InlineStyleTests {
    @Test(
        arguments: [
            ("color: #c00; font-weight: bold", "color: #c00; font-weight: bold"),
            ("position: absolute; top: 0; left: 0; color: red", "color: red"),
            ("background: url(https://tracker.example/pixel.png) no-repeat", nil),
            ("width: expression(alert(1))", nil),
            ("color: rgb(10, 20, 30); behavior: url(x.htc)", "color: rgb(10, 20, 30)"),
            ("font-family: 'Helvetica Neue', sans-serif; font-size: 1.2em", "font-family: 'Helvetica Neue', sans-serif; font-size: 1.2em"),
            ("text-align: right; padding: 4px 8px; border: 1px solid #ccc", "text-align: right; padding: 4px 8px; border: 1px solid #ccc"),
            ("margin: 0 auto; max-width: 600px; display: block", "margin: 0 auto; display: block"),
            ("z-index: 9999; opacity: 0.5", nil),
            ("COLOR: Blue; Text-Decoration: underline", "color: Blue; text-decoration: underline"),
            ("margin-left: -5px; color: red", "color: red"),
            ("color: red /* comment */", nil),
            ("color: \\72 ed", nil),
            ("font-family: \u{5FAE}\u{8F6F}\u{96C5}\u{9ED1}", nil),
            ("border: 1px solid orange", nil),
            ("padding: 12.5px", nil),
            ("padding: 1.25em; margin: 10px 100px", "padding: 1.25em; margin: 10px 100px"),
            ("background-color: #FFF", "background-color: #FFF"),
            ("background-color: #fff", "background-color: #fff"),
            ("color:red;;;", "color: red"),
            ("color", nil),
            ("", nil),
            ("font: bold 12px x-y-z", nil),
            ("color: red !important", "color: red !important"),
        ] as [(String, String?)])
    func reduction(style: String, expected: String?) {
        #expect(InlineStyle.reduced(style) == expected)
    }

    @Test func reductionIsStable() {
        for style in [
            "color: #c00; position: fixed; font-size: 1em", "margin: 0 auto; border: 1px dotted #ccc",
            "font-family: Georgia, serif; top: -2px; position: relative",
        ] {
            let once = InlineStyle.reduced(style)
            #expect(once.flatMap(InlineStyle.reduced) == once, "\(style)")
        }
    }

    @Test func theCleanerWritesTheReducedStyleOrNone() {
        let cleaner = ContentCleaner()
        let html = cleaner.clean(
            "<p style=\"position:fixed;color:red\">a</p><p style=\"z-index:3\">b</p>",
            baseURL: "https://example.org/"
        ).html
        #expect(html == "<p style=\"color: red\">a</p><p>b</p>")
    }
}
