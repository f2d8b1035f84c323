import FeedBuilder
import Testing
import XML

@Suite struct ContentCleanerTests {
    let cleaner = ContentCleaner()
    let base = "https://example.org/blog/post/"

    func clean(_ html: String) -> String {
        cleaner.clean(html, baseURL: base).html
    }

    @Test func htmlEntitiesBecomeCharacters() {
        #expect(clean("<p>a&nbsp;b &copy; &eacute;&hellip; &amp; &lt;</p>") == "<p>a\u{A0}b © é… &amp; &lt;</p>")
    }

    @Test func deepNestingIsFlattenedBelowTheDepthLimitKeepingTheText() {
        // 200 levels: within what libxml2's HTML parser accepts (256), so every word must survive.
        let deep = String(repeating: "<div>", count: 200) + "deep text" + String(repeating: "</div>", count: 200)
        let html = clean("<p>before</p>" + deep + "<blockquote><p>after</p></blockquote>")
        #expect(Self.depth(of: html) == (deepest: 100, final: 0), "cleaned HTML nests too deep or is unbalanced")
        #expect(html.contains("deep text") && html.hasSuffix("<blockquote><p>after</p></blockquote>"))
        // 5,000 levels: libxml2 stops reading at 256 (what lies deeper is lost), but the output stays bounded.
        let deeper = String(repeating: "<div>", count: 5000) + "x" + String(repeating: "</div>", count: 5000)
        let flattened = clean("<p>before</p>" + deeper)
        #expect(Self.depth(of: flattened) == (deepest: 100, final: 0))
        #expect(flattened.hasPrefix("<p>before</p>"))
    }

    /// The deepest nesting of tags in HTML without void elements, and the depth at the end (0 when balanced).
    static func depth(of html: String) -> (deepest: Int, final: Int) {
        var depth = 0
        var deepest = 0
        for part in html.split(separator: "<") where part.first?.isLetter == true || part.first == "/" {
            if part.hasPrefix("/") {
                depth -= 1
            } else {
                depth += 1
                deepest = max(deepest, depth)
            }
        }
        return (deepest, depth)
    }

    @Test func relativeURLsBecomeAbsolute() {
        let html = clean(
            """
            <a href="../other/">x</a><img src="img/a.png" srcset="a-1x.png 1x, /b-2x.png 2x">\
            <video poster="p.jpg" src="//cdn.example.net/v.mp4"></video><a href="#top">t</a>\
            <a href="https://else.example/">e</a><a href="mailto:me@example.org">m</a>
            """)
        #expect(html.contains("href=\"https://example.org/blog/other/\""))
        #expect(html.contains("src=\"https://example.org/blog/post/img/a.png\""))
        #expect(html.contains("srcset=\"https://example.org/blog/post/a-1x.png 1x, https://example.org/b-2x.png 2x\""))
        #expect(html.contains("poster=\"https://example.org/blog/post/p.jpg\""))
        #expect(html.contains("src=\"https://cdn.example.net/v.mp4\""))
        #expect(html.contains("href=\"https://example.org/blog/post/#top\""))
        #expect(html.contains("href=\"https://else.example/\""))
        #expect(html.contains("href=\"mailto:me@example.org\""))
    }

    /// A stray </div> closes libxml2's wrapper around the body early; the text after it is still published
    /// (it used to be dropped) and its active content still removed.
    @Test func textAfterAStrayClosingTagIsKept() {
        let cleaned = cleaner.clean(
            "<p>one</p></div><p>two <a href=\"/x\">link</a></p><script>x()</script>",
            baseURL: "https://example.org/posts/a/"
        ).html
        #expect(cleaned.contains("two"))
        #expect(cleaned.contains("https://example.org/x"))
        #expect(!cleaned.contains("script"))
    }

    @Test func activeContentIsRemoved() {
        let html = clean(
            """
            <p onclick="steal()" onmouseover="x()">keep</p><script>alert(1)</script><iframe src="https://x/"></iframe>\
            <object data="x.swf"><embed src="x.swf"></object><style>body{}</style>\
            <form action="/go"><input name="q"><button>Go</button></form><p>after</p>
            """)
        #expect(html == "<p>keep</p><p>after</p>")
    }

    @Test func upperCaseMarkupIsCaughtToo() {
        #expect(
            clean("<P ONCLICK=\"x()\"><SCRIPT>x()</SCRIPT><A HREF=\"JAVASCRIPT:x()\">a</A><IMG SRC=\"b.png\"></P>")
                == "<p><a>a</a><img src=\"https://example.org/blog/post/b.png\"></p>")
    }

    @Test func dangerousURLSchemesAreRemoved() {
        let html = clean(
            """
            <a href="javascript:alert(1)">a</a><a href=" JaVa&#x09;Script:alert(1)">b</a>\
            <a href="vbscript:msgbox">c</a><a href="data:text/html;base64,PHNjcmlwdD4=">d</a>\
            <img src="data:image/png;base64,iVBORw0KGgo="><img src="data:text/html,<script>">
            """)
        #expect(!html.lowercased().contains("script:"))
        #expect(!html.contains("data:text"))
        #expect(html.contains("<img src=\"data:image/png;base64,iVBORw0KGgo=\">"))
        #expect(html.contains("<a>a</a><a>b</a><a>c</a><a>d</a>"))
    }

    @Test func noscriptContentIsKeptAsArticleText() {
        #expect(clean("<noscript><img src=\"a.png\"></noscript>") == "<img src=\"https://example.org/blog/post/a.png\">")
    }

    @Test func plainTextCollapsesWhitespace() {
        let result = cleaner.clean("<h1>Title</h1>\n\n<p>One\ttwo</p>", baseURL: base)
        #expect(result.plainText == "Title One two")
    }

    @Test func largeBodyIsCleanedInLinearTime() {
        // 20,000 sibling paragraphs with handlers and relative links: a quadratic walk would take minutes.
        let body = String(repeating: "<p onclick=\"x()\"><a href=\"a/\">t</a></p>", count: 20_000)
        let start = ContinuousClock.now
        let html = clean(body)
        #expect(ContinuousClock.now - start < .seconds(30))
        #expect(!html.contains("onclick"))
        #expect(html.components(separatedBy: "https://example.org/blog/post/a/").count == 20_001)
    }
}

/// Elements that are not HTML give way to their text: readers do not know them, and the W3C Feed Validation
/// Service calls them `NotHtml` or a `SecurityRisk`.
@Suite struct UnknownElementTests {
    let cleaner = ContentCleaner()

    func clean(_ html: String) -> String {
        cleaner.clean(html, baseURL: "https://example.org/").html
    }

    @Test func svgAndMathKeepOnlyTheirText() {
        #expect(clean("<p>Icon <svg viewBox=\"0 0 1 1\"><circle r=\"1\"/><text>Label</text></svg> end</p>") == "<p>Icon Label end</p>")
        #expect(clean("<p><math><mi>x</mi><mo>=</mo><mn>2</mn></math></p>") == "<p>x=2</p>")
    }

    @Test func foreignAndCustomElementsAreUnwrapped() {
        #expect(clean("<p>Word<x:sdt>inside</x:sdt> text<fb:like href=\"x\"></fb:like></p>") == "<p>Wordinside text</p>")
        #expect(clean("<custom-card title=\"x\"><p>Inside</p></custom-card>") == "<p>Inside</p>")
        #expect(clean("<blink>old</blink> <marquee>older</marquee>") == "old older")
    }

    @Test func htmlElementsStay() {
        let html =
            "<figure><picture><source srcset=\"https://example.org/a.webp\"><img src=\"https://example.org/a.png\" alt=\"a\"></picture>"
            + "<figcaption>c</figcaption></figure><details><summary>s</summary><p>d</p></details><video src=\"https://example.org/v.mp4\"></video>"
        #expect(clean(html) == html)
    }
}
