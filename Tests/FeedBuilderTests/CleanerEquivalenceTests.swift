import CrierTestHelpers
import Foundation
import Testing

@testable import FeedBuilder

/// The byte-level cleaner gives exactly what the `String`-per-node cleaner gave (`ReferenceCleaner`), on
/// ordinary and hostile bodies, against simple and odd bases, for every text limit the code path depends on.
@Suite struct CleanerEquivalenceTests {
    static let bases = [
        "https://example.org/blog/post/", "https://example.org", "https://example.org/", "http://x.example:8080/a/b.html",
        "https://EXAMPLE.org/a/", "https://example.org/a/./b/", "https://example.org/a/../b/c",
        "https://example.org/dir/page?x=1#frag", "https://user@example.org/p/", "https://example.org/a%20b/c",
        "https://例え.jp/記事/", "not a url", "", "/relative/only/", "mailto:me@example.org", "https://example.org//x/",
        "https://[::1]:8080/x/", "http://example.org/a b/",
    ]

    static func check(_ html: String, _ base: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for limit in [400, 7, 0] {
            let fast = ContentCleaner(textLimit: limit).clean(html, baseURL: base)
            let slow = ReferenceCleaner(textLimit: limit).clean(html, baseURL: base)
            #expect(
                Array(fast.html.utf8) == Array(slow.html.utf8), "html differs for \(html.debugDescription) at \(base)",
                sourceLocation: sourceLocation)
            #expect(
                Array(fast.plainText.utf8) == Array(slow.plainText.utf8),
                "text differs for \(html.debugDescription) at \(base), limit \(limit)", sourceLocation: sourceLocation)
        }
    }

    /// Bodies written to hit one rule each: entities, forbidden characters, ill-formed names, URL tricks.
    static let hostileBodies = [
        "<p>a&nbsp;b &copy; &eacute;&hellip; &amp; &lt; &quot;q&quot; &bogus; &#0; &#xD800; &#1114112; &#x1F600;</p>",
        "<p>C0 \u{1}\u{2}\u{B}\u{C}\u{1B}[31m DEL \u{7F} C1 \u{85}\u{9B} non \u{FFFE}\u{FFFF} nul \u{0} end</p>",
        "<p>]]> </item></channel> <![CDATA[ x ]]> <!-- c --> <?pi x?></p>",
        "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"JaVaScRiPt:alert(4)\">a</a>",
        "<a href=\"&#106;avascript:alert(6)\">e</a> <a href=\"java\tscript:alert(7)\">t</a><a href=\" javascript:x\">s</a>",
        "<a href=\"vbscript:x\">v</a><a href=\"livescript:x\">l</a><a href=\"data:text/html,<script>\">d</a>",
        "<img src=\"data:image/png;base64,iVBORw0KGgo=\"><img src=\" DaTa:IMAGE/gif,x \"><a href=\"data:image/png,x\">h</a>",
        "<img srcset=\"a-1x.png 1x, /b-2x.png 2x, javascript:x 3x,  , data:image/png,x 4x\r\n5x\">",
        "<p style=\"background:url(javascript:alert(6))\">s</p><p style=\"width: ex pression(1)\">t</p><p style=\"color:red\">u</p>",
        "<p ONCLICK=\"x\" OnLoad=\"y\" on=\"z\" one=\"w\" on\u{301}x=\"k\" onérée=\"k2\" title=\"a&quot;b&lt;c\">x</p>",
        "<a href=\"  ../up/  \">u</a><a href=\"./same\">s</a><a href=\"a/./b/../c\">c</a><a href=\"..\">dd</a><a href=\".\">d</a>",
        "<a href=\"#top\">t</a><a href=\"?q=1&amp;r=2#f\">q</a><a href=\"#a#b\">hh</a><a href=\"//cdn.example.net/v.mp4\">n</a>",
        "<a href=\"a b\">sp</a><a href=\"%41%zz\">pc</a><a href=\"ü/ñ\">u</a><a href=\"x:y\">xy</a><a href=\"1x:y\">1x</a>",
        "<a href=\"a\\b\">bs</a><a href=\"[x]\">br</a><a href=\"/a//b\">dbl</a><a href=\"a/...\">dots</a><a href=\"/\">root</a>",
        "<a href=\"x\u{0600} \">prepend</a><a href=\" \u{301}y\">mark</a><a href=\"\u{A0}z\u{A0}\">nbsp</a><a href=\"\">e</a>",
        "<a href=\"\t\n\">ws</a><a href=\"https://else.example/\">abs</a><a href=\"mailto:me@example.org\">m</a><a href>nov</a>",
        "<video poster=\"p.jpg\" src=\"v.mp4\"></video><blockquote cite=\"c/\">q</blockquote><form action=\"/go\"></form>",
        "<object data=\"x.swf\"><embed src=\"x.swf\"></object><iframe src=\"x\"></iframe><noscript><img src=\"n.png\"></noscript>",
        "<P><B>Upper</B> <IMG SRC=\"b.png\"><BR>line<HR>rule</P><TaBlE><tr><td>c<td>d</table>",
        "<p>unclosed <em>em <strong>strong</p> <li>item <li>item2 </ul> </div></div></body></html><p>after",
        "<html><head><title>t</title><meta name=x></head><body onload=\"x\"><p>in body</p></body></html>",
        "<svg onload=alert(5)><circle r=1 /></svg><math><mi>x</mi></math><custom-el data-x=\"1\">c</custom-el>",
        "<pre>  keep\n\n  spaces  </pre><textarea>gone</textarea><p>\u{2003}em\u{2003}space\u{3000}ideo \u{2028}ls\u{2029}ps</p>",
        "<p>e\u{301}\u{302} combining 🇫🇷 flags 👩‍👩‍👧 zwj \r\n crlf \u{200B}zw\u{FEFF}bom</p>",
        "<p>Text <span>inline</span>\n<span>next</span>\n</p>\n\n<p>para</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n",
        "<dl><dt>t<dd>d</dl><h1>head</h1><h2>two</h2><figure><figcaption>cap</figcaption></figure>word<br>break",
        "<a href=\"/x/\" href=\"/dup/\">dup</a><a title='single' class=a>s</a><img alt=\"<>&\">",
        "&lt;not a tag&gt; <notatag <a <p>broken<",
        "", "   ", "\n", "plain text only", "<", "&", "<!-- only comment -->", "<![CDATA[cdata]]>",
        String(repeating: "<div>", count: 120) + "deep" + String(repeating: "</div>", count: 120),
        String(repeating: "<div>", count: 300) + "deeper" + String(repeating: "</div>", count: 300),
        String(repeating: "<blockquote>", count: 105) + "q" + String(repeating: "<p>x</p>", count: 3),
        String(repeating: "word ", count: 200) + "<p>" + String(repeating: "é ", count: 300) + "</p>",
    ]

    @Test(arguments: bases)
    func hostileBodiesCleanAsBefore(base: String) {
        for body in Self.hostileBodies { Self.check(body, base) }
    }

    /// Random bodies from pieces of markup, text and URLs, seeded so a failure can be replayed.
    @Test(arguments: Array(0..<8))
    func randomBodiesCleanAsBefore(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 0xC1EA)
        for round in 0..<120 {
            let body = Self.randomBody(&generator)
            Self.check(body, Self.bases[(round + seed) % Self.bases.count])
        }
    }

    /// Long runs of mixed text, so every special byte lands at every offset of the 8-byte skip in escaping.
    @Test func escapingAgreesAtEveryOffset() {
        var generator = SeededGenerator(seed: 7)
        let alphabet = Array("abcdefgh &<>\"'\u{1}\u{1F}\t\n\r\u{FFFE}\u{FFFF}\u{FFFD}\u{EFFF}é😀\u{A0}")
        for _ in 0..<400 {
            let text = String(
                (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator)!
                })
            #expect(ContentCleaner.escapedText(text) == ReferenceCleaner.escapedText(text), "\(text.debugDescription)")
            let escapedAttribute = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            Self.check("<p title=\"\(escapedAttribute)\">\(escapedAttribute)</p>", Self.bases[0])
        }
    }

    static let tags = [
        "p", "a", "em", "strong", "div", "span", "img", "br", "script", "style", "noscript", "li", "ul",
        "blockquote", "figcaption", "table", "td", "iframe", "object", "pre", "code", "video", "source",
        "P", "IMG", "Body", "html", "head", "title", "svg", "x-y", "form", "input", "h1",
    ]
    static let attributeNames = [
        "href", "src", "srcset", "style", "onclick", "ONLOAD", "title", "class", "poster",
        "cite", "data", "action", "xlink:href", "longdesc", "background", "formaction", "alt",
    ]
    static let urls = [
        "/a/b/", "img/x.png", "../up", "./x", "#frag", "?q=1", "//host/x", "https://e.example/p",
        "javascript:x", " java\tscript:y", "data:image/png,x", "data:text/html,x", "mailto:a@b",
        "a b", "%20", "ü", "x:y", "", " ", "/", "a/../b", "a?x#y#z", "a.png 1x, b.png 2x", "expression(x)",
    ]
    static let texts = [
        "word", " ", "\n", "\t", "&amp;", "&nbsp;", "&lt;", "&quot;", "&#0;", "&#x1F600;", "é", "😀",
        "\u{1}", "\u{FFFE}", "\u{A0}", "\u{2003}", "e\u{301}", "]]>", "\"", "'", ">", "<", "&", "\r\n",
    ]

    static func randomBody(_ generator: inout SeededGenerator) -> String {
        var body = ""
        var open: [String] = []
        for _ in 0..<Int.random(in: 1...40, using: &generator) {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0...2:
                let tag = tags.randomElement(using: &generator)!
                var attributes = ""
                for _ in 0..<Int.random(in: 0...3, using: &generator) {
                    let name = attributeNames.randomElement(using: &generator)!
                    let value =
                        Bool.random(using: &generator)
                        ? urls.randomElement(using: &generator)!
                        : texts.randomElement(using: &generator)!
                    let quote = ["\"", "'", ""].randomElement(using: &generator)!
                    attributes += " \(name)=\(quote)\(value)\(quote)"
                }
                body += "<\(tag)\(attributes)>"
                open.append(tag)
            case 3...4:
                if let tag = open.popLast() { body += "</\(tag)>" }
            case 5:
                body += ["<!-- c -->", "<![CDATA[x]]>", "</p>", "<br/>", "<", "&", "<?x?>"].randomElement(using: &generator)!
            default:
                body += texts.randomElement(using: &generator)!
            }
        }
        return body
    }
}
