import FeedBuilder
import FeedModel
import Testing
import XML

@Suite struct AtomTests {
    let atom = "http://www.w3.org/2005/Atom"
    let fh = "http://purl.org/syndication/history/1.0"

    @Test func feedHeadFollowsRFC4287() throws {
        let bytes = try Fixtures.render(.atom, Fixtures.entries(2))
        let feed = try #require(try XMLDocument(xml: bytes).root)
        #expect(feed.name == "feed" && feed.namespaceURI == atom)
        #expect(feed.attribute("lang", namespaceURI: "http://www.w3.org/XML/1998/namespace") == "en")
        #expect(feed.text(of: "id") == "https://example.org/atom.xml")
        #expect(feed.text(of: "title") == "Example & Co")
        #expect(feed.text(of: "subtitle") == "Notes <from> the lab")
        #expect(feed.text(of: "updated") == "2024-01-03T09:30:00Z")
        let links = feed.elements(named: "link")
        #expect(links.map { $0.attribute("rel") } == ["self", "alternate", "hub"])
        #expect(links[0].attribute("type") == "application/atom+xml")
        #expect(links[1].attribute("type") == "text/html")
        #expect(links[1].attribute("href") == "https://example.org/")
        #expect(feed.elements(named: "author").map { $0.text(of: "name") } == ["Ada Lovelace"])
        let generator = try #require(feed.element(named: "generator"))
        #expect(generator.textContent == "Crier")
        #expect(generator.attribute("version") == "0.1.0")
        #expect(feed.text(of: "icon") == "https://example.org/icon.png")
        #expect(feed.text(of: "logo") == "https://example.org/logo.png")
        #expect(feed.text(of: "rights") == "© 2024 Example")
        #expect(feed.element(named: "complete", namespaceURI: fh) != nil)
        #expect(feed.elements(named: "entry").count == 2)
    }

    @Test func entryCarriesEveryElement() throws {
        var entry = Fixtures.entry(5, authors: [Person(name: "Bob", uri: "https://bob.example/")], summary: "Sum")
        entry.language = "fr"
        let bytes = try Fixtures.render(.atom, [entry])
        let node = try #require(try XMLDocument(xml: bytes).root?.element(named: "entry"))
        #expect(node.attribute("lang", namespaceURI: "http://www.w3.org/XML/1998/namespace") == "fr")
        #expect(node.text(of: "id") == "tag:example.org,2024:entry-5")
        #expect(node.text(of: "title") == "Entry 5")
        #expect(node.text(of: "published") == "2024-01-06T08:30:00Z")
        #expect(node.text(of: "updated") == "2024-01-06T09:30:00Z")
        #expect(node.elements(named: "author").map { $0.text(of: "uri") } == ["https://bob.example/"])
        #expect(node.text(of: "summary") == "Sum")
        let content = try #require(node.element(named: "content"))
        #expect(content.attribute("type") == "html")
        #expect(content.textContent.contains("href=\"https://example.org/posts/4/\""))
        #expect(node.elements(named: "category").map { $0.attribute("term") } == ["swift", "feeds"])
        let links = node.elements(named: "link")
        #expect(links.map { $0.attribute("rel") } == ["alternate", "enclosure"])
        #expect(links[0].attribute("href") == "https://example.org/posts/5/")
        #expect(links[1].attribute("length") == "1005")
        #expect(links[1].attribute("type") == "audio/mpeg")
    }

    @Test func siteIsCreditedWhenNobodyElseIs() throws {
        let description = Fixtures.description(formats: [.atom], authors: [])
        let bytes = try Fixtures.render(.atom, [Fixtures.entry(1)], description: description)
        let feed = try #require(try XMLDocument(xml: bytes).root)
        let author = try #require(feed.element(named: "author"))
        #expect(author.text(of: "name") == "Example & Co")
        #expect(author.text(of: "uri") == "https://example.org/")

        // When every entry names its authors, no feed-level stand-in is needed.
        let credited = try Fixtures.render(.atom, [Fixtures.entry(1, authors: [Person(name: "Bob")])], description: description)
        let creditedFeed = try #require(try XMLDocument(xml: credited).root)
        #expect(creditedFeed.element(named: "author") == nil)
        #expect(creditedFeed.element(named: "entry")?.element(named: "author")?.text(of: "name") == "Bob")
    }

    @Test func emptyFeedStillHasAnUpdatedDate() throws {
        let bytes = try Fixtures.render(.atom, [])
        let feed = try #require(try XMLDocument(xml: bytes).root)
        #expect(feed.text(of: "updated") == "1970-01-01T00:00:00Z")
        #expect(feed.elements(named: "entry").isEmpty)
    }
}
