import FeedBuilder
import FeedModel
import Foundation
import Testing
import XML

/// Text that would break a document is made harmless by construction, in every format.
@Suite struct TextSafetyTests {
    static let forbidden = "a\u{0}b\u{1}c\u{B}d\u{1B}e\u{FFFE}f\u{FFFF}g"

    func hostileEntry() -> Entry {
        var entry = Fixtures.entry(
            1, html: "<p>x\u{1}y ]]> z</p>", title: "T\(Self.forbidden) ]]> end",
            summary: "S\(Self.forbidden)", tags: ["t\u{1B}ag"])
        entry.authors = [Person(name: "N\u{0}ame")]
        return entry
    }

    @Test(arguments: [FeedFormat.rss, .atom])
    func xmlOutputHasNoForbiddenCharactersAndParses(format: FeedFormat) throws {
        let bytes = try Fixtures.render(format, [hostileEntry()])
        let text = Fixtures.string(bytes)
        #expect(!text.unicodeScalars.contains { !XMLCharacters.isAllowed($0) })
        #expect(!text.contains("CDATA"))
        let document = try XMLDocument(xml: bytes)
        let container =
            format == .rss
            ? document.root?.element(named: "channel")?.element(named: "item")
            : document.root?.element(named: "entry")
        #expect(container?.text(of: "title") == "Tabcdefg ]]> end")
    }

    @Test func jsonOutputDropsTheSameCharacters() throws {
        let bytes = try Fixtures.render(.json, [hostileEntry()])
        let text = Fixtures.string(bytes)
        #expect(!text.contains("\\u0000") && !text.contains("\\u0001") && !text.contains("\\u001"))
        #expect(!text.unicodeScalars.contains { !XMLCharacters.isAllowed($0) })
        let item = try #require((try Fixtures.json(bytes)["items"] as? [[String: Any]])?.first)
        #expect(item["title"] as? String == "Tabcdefg ]]> end")
        #expect(item["summary"] as? String == "Sabcdefg")
        #expect(item["tags"] as? [String] == ["tag"])
        #expect(item["content_html"] as? String == "<p>xy ]]&gt; z</p>")
    }

    @Test func jsonEscapesQuotesBackslashesAndLineSeparators() throws {
        let entry = Fixtures.entry(1, title: "say \"hi\" \\ tab\tline\nsep\u{2028}para\u{2029}é😀")
        let bytes = try Fixtures.render(.json, [entry])
        #expect(Fixtures.string(bytes).contains(#""title": "say \"hi\" \\ tab\tline\nsep\u2028para\u2029é😀""#))
        let item = try #require((try Fixtures.json(bytes)["items"] as? [[String: Any]])?.first)
        #expect(item["title"] as? String == entry.title)
    }

    @Test func cdataTerminatorInContentCannotEndAnything() throws {
        let entry = Fixtures.entry(1, html: "<pre>if a[b[0]]>c { }</pre><![CDATA[ x ]]>")
        for format in [FeedFormat.rss, .atom] {
            let bytes = try Fixtures.render(format, [entry])
            #expect(!Fixtures.string(bytes).contains("]]>"))
            _ = try XMLDocument(xml: bytes)
        }
    }

    @Test func datesKeepTheirOffsets() throws {
        let published = Timestamp(
            CivilTime(year: 2024, month: 2, day: 29, hour: 23, minute: 5, second: 7),
            utcOffsetSeconds: -(9 * 3600 + 30 * 60))
        let entry = Entry(id: "x", title: "t", link: "https://example.org/x", published: published, contentHTML: "")
        let rss = try XMLDocument(xml: try Fixtures.render(.rss, [entry]))
        #expect(
            rss.root?.element(named: "channel")?.element(named: "item")?.text(of: "pubDate")
                == "Thu, 29 Feb 2024 23:05:07 -0930")
        let atom = try XMLDocument(xml: try Fixtures.render(.atom, [entry]))
        #expect(atom.root?.element(named: "entry")?.text(of: "published") == "2024-02-29T23:05:07-09:30")
        let item = try #require((try Fixtures.json(try Fixtures.render(.json, [entry]))["items"] as? [[String: Any]])?.first)
        #expect(item["date_published"] as? String == "2024-02-29T23:05:07-09:30")
    }
}
