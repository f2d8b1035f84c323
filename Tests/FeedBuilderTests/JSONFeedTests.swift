import FeedBuilder
import FeedModel
import Foundation
import Testing

@Suite struct JSONFeedTests {
    @Test func topLevelMembers() throws {
        let feed = try Fixtures.json(try Fixtures.render(.json, Fixtures.entries(2)))
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        #expect(feed["title"] as? String == "Example & Co")
        #expect(feed["home_page_url"] as? String == "https://example.org/")
        #expect(feed["feed_url"] as? String == "https://example.org/feed.json")
        #expect(feed["description"] as? String == "Notes <from> the lab")
        #expect(feed["icon"] as? String == "https://example.org/logo.png")
        #expect(feed["favicon"] as? String == "https://example.org/icon.png")
        #expect(feed["language"] as? String == "en")
        let authors = try #require(feed["authors"] as? [[String: Any]])
        #expect(authors.first?["name"] as? String == "Ada Lovelace")
        let hubs = try #require(feed["hubs"] as? [[String: Any]])
        #expect(hubs.first?["type"] as? String == "WebSub")
        #expect(hubs.first?["url"] as? String == "https://hub.example.net/")
        #expect(feed["next_url"] == nil)
        #expect((feed["items"] as? [Any])?.count == 2)
    }

    @Test func itemMembers() throws {
        var entry = Fixtures.entry(3, authors: [Person(name: "Bob", uri: "https://bob.example/")], summary: "Sum")
        entry.imageURL = "https://example.org/3.jpg"
        entry.language = "de"
        let feed = try Fixtures.json(try Fixtures.render(.json, [entry]))
        let item = try #require((feed["items"] as? [[String: Any]])?.first)
        #expect(item["id"] as? String == "tag:example.org,2024:entry-3")
        #expect(item["url"] as? String == "https://example.org/posts/3/")
        #expect(item["title"] as? String == "Entry 3")
        #expect(item["content_html"] as? String == "<p>Body of entry 3 with <a href=\"https://example.org/posts/2/\">a link</a>.</p>")
        #expect(item["summary"] as? String == "Sum")
        #expect(item["image"] as? String == "https://example.org/3.jpg")
        #expect(item["date_published"] as? String == "2024-01-04T08:30:00Z")
        #expect(item["date_modified"] as? String == "2024-01-04T09:30:00Z")
        #expect(item["tags"] as? [String] == ["swift", "feeds"])
        #expect((item["authors"] as? [[String: Any]])?.first?["url"] as? String == "https://bob.example/")
        #expect(item["language"] as? String == "de")
        let attachment = try #require((item["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["url"] as? String == "https://example.org/audio/3.mp3")
        #expect(attachment["mime_type"] as? String == "audio/mpeg")
        #expect(attachment["size_in_bytes"] as? Int == 1003)
    }

    @Test func keysComeInAFixedOrder() throws {
        let text = Fixtures.string(try Fixtures.render(.json, [Fixtures.entry(1)]))
        let keys = ["\"version\"", "\"title\"", "\"home_page_url\"", "\"feed_url\"", "\"items\""]
        let positions = keys.compactMap { text.range(of: $0)?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
    }

    @Test func emptyFeedIsValidJSON() throws {
        let feed = try Fixtures.json(try Fixtures.render(.json, []))
        #expect((feed["items"] as? [Any])?.isEmpty == true)
    }
}
