import FeedBuilder
import FeedModel
import Testing
import XML

/// A self-contained body (`Entry.contentIsSelfContained`) is published without cleaning. That is sound only
/// if cleaning it would not change what it means: the same elements, attributes and text, up to white space
/// between blocks and equivalent escapes. Checked on the HTML cmark-gfm and the plain-text parser write.
@Suite struct SelfContainedBodyTests {
    /// Bodies as cmark-gfm 0.29 (UNSAFE, FOOTNOTES, SMART; table, autolink, strikethrough, tagfilter) and
    /// the plain-text parser render them.
    static let bodies = [
        "<p>Plain <em>emphasis</em>, <strong>strong</strong>, <code>a &quot;code&quot; &lt;span&gt;</code> and <del>struck</del> text with “quotes” &amp; ampersands &lt; less.</p>\n",
        "<p>A <a href=\"https://example.org/a?b=1&amp;c=2\" title=\"Title\">link</a> and <img src=\"HTTPS://cdn.example.org/x.png\" alt=\"an image\" />.</p>\n",
        "<p>Mail <a href=\"mailto:ada@example.org\">ada@example.org</a>, autolink <a href=\"https://example.org/auto\">https://example.org/auto</a>.</p>\n",
        "<h1>Heading</h1>\n<blockquote>\n<p>quote</p>\n<blockquote>\n<p>nested</p>\n</blockquote>\n</blockquote>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<hr />\n<pre lang=\"swift\"><code>let x = &quot;&lt;y&gt;&quot;\n</code></pre>\n",
        "<table>\n<thead>\n<tr>\n<th align=\"left\">a</th>\n<th align=\"right\">b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">1</td>\n<td align=\"right\">2</td>\n</tr>\n</tbody>\n</table>\n",
        "<p>A paragraph with &lt;angle&gt; &amp; ampersand.</p>\n<p>Another, with a line\nbreak.</p>",
    ]

    /// Elements, attributes and text of a parsed fragment, ignoring white-space-only text between elements.
    static func shape(of html: String) throws -> [String] {
        let wrapper = try XMLDocument.htmlFragment(html)
        var lines: [String] = []
        func visit(_ node: XMLNode, depth: Int) {
            let indent = String(repeating: " ", count: depth)
            switch node.kind {
            case .element:
                let attributes = node.attributes.map { "\($0.name)=\($0.value)" }.sorted().joined(separator: " ")
                lines.append(indent + "<\(node.name) \(attributes)>")
                for child in node.children { visit(child, depth: depth + 1) }
            case .text, .cdata:
                let text = node.ownText
                if !text.allSatisfy(\.isWhitespace) { lines.append(indent + "text " + text) }
            default:
                lines.append(indent + "other")
            }
        }
        for child in wrapper.children { visit(child, depth: 0) }
        return lines
    }

    @Test(arguments: bodies)
    func cleaningWouldChangeNothingOfMeaning(body: String) throws {
        let cleaned = ContentCleaner().clean(body, baseURL: "https://example.org/posts/a/").html
        #expect(try Self.shape(of: body) == Self.shape(of: cleaned))
    }

    static func entry(content: String, summary: String?, selfContained: Bool) -> Entry {
        Entry(
            id: "tag:example.org,2024:a", title: "A", link: "https://example.org/a/",
            published: Timestamp(secondsSinceEpoch: 1_709_630_000), summary: summary, contentHTML: content,
            contentIsSelfContained: selfContained)
    }

    @Test func aSelfContainedBodyWithASummaryIsPublishedAsItIs() {
        let body = Self.bodies[3]
        let prepared = PreparedEntry(Self.entry(content: body, summary: "S", selfContained: true), cleaner: ContentCleaner())
        #expect(prepared.contentHTML == body)
        #expect(prepared.rssDescription == "S")
    }

    @Test func otherBodiesAreCleaned() {
        let cleaner = ContentCleaner()
        let body = "<p>Hi<script>x()</script> <a href=\"/rel\">rel</a></p>"
        // Not marked self-contained: cleaned whatever it holds.
        let marked = PreparedEntry(Self.entry(content: body, summary: "S", selfContained: false), cleaner: cleaner)
        #expect(marked.contentHTML == cleaner.clean(body, baseURL: "https://example.org/a/").html)
        #expect(!marked.contentHTML.contains("script"))
        // Self-contained without a summary: cleaned, because the cleaner also collects the excerpt.
        let plain = Self.bodies[5]
        let noSummary = PreparedEntry(Self.entry(content: plain, summary: nil, selfContained: true), cleaner: cleaner)
        #expect(noSummary.contentHTML == cleaner.clean(plain, baseURL: "https://example.org/a/").html)
        #expect(noSummary.rssDescription.hasPrefix("A paragraph with &lt;angle&gt;"))
    }
}
