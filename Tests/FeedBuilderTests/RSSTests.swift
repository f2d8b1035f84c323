import FeedBuilder
import FeedModel
import Testing
import XML

@Suite struct RSSTests {
    let atom = "http://www.w3.org/2005/Atom"
    let content = "http://purl.org/rss/1.0/modules/content/"
    let dc = "http://purl.org/dc/elements/1.1/"
    let fh = "http://purl.org/syndication/history/1.0"

    @Test func channelCarriesEveryRequiredAndDeclaredElement() throws {
        let bytes = try Fixtures.render(.rss, Fixtures.entries(3))
        let document = try XMLDocument(xml: bytes)
        let rss = try #require(document.root)
        #expect(rss.name == "rss")
        #expect(rss.attribute("version") == "2.0")
        let channel = try #require(rss.element(named: "channel"))
        #expect(channel.text(of: "title") == "Example & Co")
        #expect(channel.text(of: "link") == "https://example.org/")
        #expect(channel.text(of: "description") == "Notes <from> the lab")
        // Plain text spells `&` and `<` as hexadecimal references (RSS Profile), markup-looking or not.
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("<title>Example &#x26; Co</title>") && text.contains("<description>Notes &#x3C;from&gt; the lab</description>"))
        #expect(channel.text(of: "language") == "en")
        #expect(channel.text(of: "generator") == "Crier 0.1.0")
        #expect(channel.text(of: "docs") == "https://www.rssboard.org/rss-specification")
        #expect(channel.text(of: "copyright") == "© 2024 Example")
        // Newest entry (3) updated an hour after publication on 2024-01-04 09:30 +01:00, written in UTC.
        #expect(channel.text(of: "lastBuildDate") == "Thu, 04 Jan 2024 09:30:00 +0000")
        #expect(channel.element(named: "image")?.text(of: "url") == "https://example.org/logo.png")
        let links = channel.elements(named: "link", namespaceURI: atom)
        #expect(links.map { $0.attribute("rel") } == ["self", "hub"])
        #expect(links[0].attribute("href") == "https://example.org/rss.xml")
        #expect(links[0].attribute("type") == "application/rss+xml")
        #expect(links[1].attribute("href") == "https://hub.example.net/")
        #expect(channel.element(named: "complete", namespaceURI: fh) != nil)
        #expect(channel.elements(named: "item").count == 3)
    }

    @Test func itemHasContentCreatorsCategoriesGuidAndEnclosure() throws {
        let bytes = try Fixtures.render(.rss, [Fixtures.entry(2)])
        let document = try XMLDocument(xml: bytes)
        let item = try #require(document.root?.element(named: "channel")?.element(named: "item"))
        #expect(item.text(of: "title") == "Entry 2")
        #expect(item.text(of: "link") == "https://example.org/posts/2/")
        #expect(item.text(of: "description") == "Body of entry 2 with a link.")
        #expect(
            item.text(of: "encoded", namespaceURI: content)
                == "<p>Body of entry 2 with <a href=\"https://example.org/posts/1/\">a link</a>.</p>")
        // The entry has no authors, so the feed's are credited, by name only: `author` as well would say it
        // twice (the W3C service's DuplicateItemSemantics).
        #expect(item.elements(named: "creator", namespaceURI: dc).map(\.textContent) == ["Ada Lovelace"])
        #expect(item.element(named: "author") == nil)
        #expect(item.elements(named: "category").map(\.textContent) == ["swift", "feeds"])
        let guid = try #require(item.element(named: "guid"))
        #expect(guid.textContent == "tag:example.org,2024:entry-2")
        #expect(guid.attribute("isPermaLink") == "false")
        #expect(item.text(of: "pubDate") == "Wed, 03 Jan 2024 08:30:00 +0000")
        let enclosure = try #require(item.element(named: "enclosure"))
        #expect(enclosure.attribute("url") == "https://example.org/audio/2.mp3")
        #expect(enclosure.attribute("length") == "1002")
        #expect(enclosure.attribute("type") == "audio/mpeg")
    }

    @Test func permalinkGuidAndNoAuthorWithoutEmail() throws {
        var entry = Fixtures.entry(1, authors: [Person(name: "Bob"), Person(name: "Eve")], summary: "Short & sweet")
        entry.id = entry.link
        let bytes = try Fixtures.render(.rss, [entry])
        let item = try #require(try XMLDocument(xml: bytes).root?.element(named: "channel")?.element(named: "item"))
        #expect(item.element(named: "guid")?.attribute("isPermaLink") == nil)
        #expect(item.elements(named: "creator", namespaceURI: dc).map(\.textContent) == ["Bob", "Eve"])
        #expect(item.element(named: "author") == nil)
        // RSS description is HTML: the plain-text summary is escaped once more.
        #expect(item.text(of: "description") == "Short &amp; sweet")
    }

    @Test func descriptionWithoutSummaryIsAnExcerptCutAtAWord() throws {
        let words = Array(repeating: "lorem", count: 100).joined(separator: " ")
        let bytes = try Fixtures.render(.rss, [Fixtures.entry(1, html: "<p>\(words)</p>")])
        let item = try #require(try XMLDocument(xml: bytes).root?.element(named: "channel")?.element(named: "item"))
        let description = try #require(item.text(of: "description"))
        #expect(description.hasSuffix("lorem…"))
        #expect(description.count <= PreparedEntry.excerptLength + 1)
    }
}
