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

    /// elfeed and libmrss ignore a numeric offset, so every feed carries UTC; the instant is the article's.
    @Test func datesAreWrittenInUTC() throws {
        let published = Timestamp(
            CivilTime(year: 2024, month: 2, day: 29, hour: 23, minute: 5, second: 7),
            utcOffsetSeconds: -(9 * 3600 + 30 * 60))
        let entry = Entry(id: "x", title: "t", link: "https://example.org/x", published: published, contentHTML: "")
        let rss = try XMLDocument(xml: try Fixtures.render(.rss, [entry]))
        #expect(
            rss.root?.element(named: "channel")?.element(named: "item")?.text(of: "pubDate")
                == "Fri, 01 Mar 2024 08:35:07 +0000")
        let atom = try XMLDocument(xml: try Fixtures.render(.atom, [entry]))
        #expect(atom.root?.element(named: "entry")?.text(of: "published") == "2024-03-01T08:35:07Z")
        let item = try #require((try Fixtures.json(try Fixtures.render(.json, [entry]))["items"] as? [[String: Any]])?.first)
        #expect(item["date_published"] as? String == "2024-03-01T08:35:07Z")
    }
}

/// Characters readers treat as damage never reach a feed: DEL, C1 controls, U+FFFD (what `&#0;` becomes) and
/// the noncharacters. The W3C service flags C1 and U+FFFD (`BadCharacters`); html5lib refuses DEL and the rest.
@Suite struct DamageCharacterTests {
    /// `a` to `j` with a damage character between each two (built from scalars: some have no literal form).
    static let damage: String = {
        var scalars = String.UnicodeScalarView()
        for (letter, scalar) in zip("abcdefghi".unicodeScalars, [0x7F, 0x85, 0x9B, 0xFFFD, 0xFDD0, 0xFDEF, 0xFFFE, 0x1FFFE, 0x10FFFF] as [UInt32]) {
            scalars.append(letter)
            scalars.append(Unicode.Scalar(scalar)!)
        }
        scalars.append("j")
        return String(scalars)
    }()

    @Test func isDamageNamesExactlyTheseCharacters() {
        let damaged: [UInt32] = [0x7F, 0x80, 0x9F, 0xFDD0, 0xFDEF, 0xFFFD, 0xFFFE, 0xFFFF, 0x1FFFE, 0x2FFFF, 0x10FFFE]
        let fine: [UInt32] = [0x7E, 0xA0, 0xFDCF, 0xFDF0, 0xFFFC, 0x1FFFD, 0x1F600, 0x10FFFD]
        #expect(damaged.allSatisfy { XMLCharacters.isDamage(Unicode.Scalar($0)!) })
        #expect(!fine.contains { XMLCharacters.isDamage(Unicode.Scalar($0)!) })
    }

    @Test(arguments: FeedFormat.allCases)
    func noFormatCarriesThem(format: FeedFormat) throws {
        var entry = Fixtures.entry(
            1, html: "<p>\(Self.damage)</p><p title=\"\(Self.damage)\">x</p>", title: "T\(Self.damage)",
            summary: "S\(Self.damage)", tags: ["t\(Self.damage)"])
        entry.authors = [Person(name: "N\(Self.damage)")]
        var selfContained = Fixtures.entry(2, html: "<p>\(Self.damage)</p>", summary: "S")
        selfContained.contentIsSelfContained = true
        let bytes = try Fixtures.render(format, [entry, selfContained])
        let text = Fixtures.string(bytes)
        #expect(!text.unicodeScalars.contains { XMLCharacters.isDamage($0) }, "\(format)")
        #expect(text.contains("abcdefghij"), "\(format): the text around them stays")
    }

    @Test func theByteFilterAgreesWithTheScalarOne() {
        // Every damage character at every offset of an 8-byte word, with neighbours that need no escaping.
        for scalar in [0x7F, 0x85, 0xFFFD, 0xFDD5, 0xFFFF, 0x3FFFE, 0x10FFFF, 0xE9, 0x1F600, 0xFDCF] as [UInt32] {
            for offset in 0..<9 {
                let text = String(repeating: "x", count: offset) + String(Unicode.Scalar(scalar)!) + "yyyyyyyy"
                let expected = String(String.UnicodeScalarView(text.unicodeScalars.filter { !XMLCharacters.isDamage($0) }))
                let cleaned = ContentCleaner().clean("<p>\(text)</p>", baseURL: "https://example.org/").html
                #expect(cleaned == "<p>\(expected)</p>", "U+\(String(scalar, radix: 16)) at \(offset)")
            }
        }
    }
}
