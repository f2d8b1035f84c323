import FeedBuilder
import FeedModel
import Foundation
import Testing
import XML

@Suite struct ArchiveTests {
    let atom = "http://www.w3.org/2005/Atom"
    let fh = "http://purl.org/syndication/history/1.0"

    func feed(_ count: Int, limit: Int? = 10, formats: [FeedFormat] = [.rss, .atom, .json]) throws -> PreparedFeed {
        try FeedBuilder(description: Fixtures.description(formats: formats, limit: limit)).prepare(Fixtures.entries(count))
    }

    func ids(in page: FeedPage, of feed: PreparedFeed) throws -> [Int] {
        let document = try XMLDocument(xml: try feed.bytes(of: page))
        return (document.root?.elements(named: "entry") ?? []).compactMap {
            $0.text(of: "id").flatMap { Int($0.split(separator: "-").last ?? "") }
        }
    }

    @Test func pagesCountFromTheOldestEntry() throws {
        let feed = try feed(25, formats: [.atom])
        #expect(feed.pages.map(\.fileName) == ["atom.xml", "atom-archive-1.xml", "atom-archive-2.xml"])
        #expect(
            feed.pages.map(\.url) == [
                "https://example.org/atom.xml", "https://example.org/atom-archive-1.xml",
                "https://example.org/atom-archive-2.xml",
            ])
        #expect(try ids(in: feed.pages[0], of: feed) == Array((16...25).reversed()))
        #expect(try ids(in: feed.pages[1], of: feed) == Array((1...10).reversed()))
        #expect(try ids(in: feed.pages[2], of: feed) == Array((11...15).reversed()))
    }

    @Test func archivePagesLinkToTheOlderAndTheNewerPage() throws {
        let feed = try feed(25, formats: [.atom])
        func links(_ page: FeedPage) throws -> [String: String] {
            let root = try #require(try XMLDocument(xml: try feed.bytes(of: page)).root)
            var result: [String: String] = [:]
            for link in root.elements(named: "link") { result[link.attribute("rel") ?? ""] = link.attribute("href") }
            #expect((root.element(named: "archive", namespaceURI: fh) != nil) == page.isArchive)
            #expect(root.element(named: "complete", namespaceURI: fh) == nil)
            #expect(root.text(of: "id") == "https://example.org/atom.xml")
            return result
        }
        let main = try links(feed.pages[0])
        #expect(main["prev-archive"] == "https://example.org/atom-archive-2.xml")
        #expect(main["hub"] != nil && main["current"] == nil)
        let newest = try links(feed.pages[2])
        #expect(newest["self"] == "https://example.org/atom-archive-2.xml")
        #expect(newest["current"] == "https://example.org/atom.xml")
        #expect(newest["prev-archive"] == "https://example.org/atom-archive-1.xml")
        #expect(newest["next-archive"] == nil && newest["hub"] == nil)
        let oldest = try links(feed.pages[1])
        // RFC 5005 section 4: every archive page but the newest names the next newer one.
        #expect(oldest["prev-archive"] == nil && oldest["next-archive"] == "https://example.org/atom-archive-2.xml")
        #expect(oldest["current"] == "https://example.org/atom.xml")
    }

    @Test func rssArchivesCarryTheSameHistoryMarkup() throws {
        let feed = try feed(15, formats: [.rss])
        #expect(feed.pages.map(\.fileName) == ["rss.xml", "rss-archive-1.xml"])
        let channel = try #require(try XMLDocument(xml: try feed.bytes(of: feed.pages[1])).root?.element(named: "channel"))
        #expect(channel.element(named: "archive", namespaceURI: fh) != nil)
        let rels = channel.elements(named: "link", namespaceURI: atom).compactMap { $0.attribute("rel") }
        #expect(rels == ["self", "current"])
        #expect(channel.elements(named: "item").count == 5)
    }

    @Test func fullPagesDoNotChangeWhenEntriesArrive() throws {
        let before = try feed(25)
        let after = try feed(31)
        for format in FeedFormat.allCases {
            let oldPages = before.pages.filter { $0.format == format }
            let newPages = after.pages.filter { $0.format == format }
            #expect(oldPages.count == 3 && newPages.count == 4)
            // Page 1 was full: byte-identical. Page 2 (5 entries) filled up: it changed.
            #expect(try before.bytes(of: oldPages[1]) == after.bytes(of: newPages[1]), "\(format) archive 1 changed")
            #expect(try before.bytes(of: oldPages[2]) != after.bytes(of: newPages[2]))
        }
    }

    @Test func aFullPageChangesOnceWhenTheNextPageAppears() throws {
        let twoPages = try feed(20, formats: [.atom, .rss])
        let threePages = try feed(21, formats: [.atom, .rss])
        let morePages = try feed(29, formats: [.atom, .rss])
        for format in [FeedFormat.atom, .rss] {
            let first = { (feed: PreparedFeed) in feed.pages.first { $0.format == format && $0.role == .archive(1) } }
            let alone = try #require(first(twoPages))
            let followed = try #require(first(threePages))
            #expect(alone.nextArchiveURL == nil && followed.nextArchiveURL?.hasSuffix("-archive-2.xml") == true)
            #expect(try twoPages.bytes(of: alone) != threePages.bytes(of: followed), "\(format): page 1 gains its next-archive link")
            let later = try #require(first(morePages))
            #expect(try threePages.bytes(of: followed) == morePages.bytes(of: later), "\(format): page 1 changed again")
        }
    }

    @Test func completeFeedWithoutLimit() throws {
        let feed = try feed(25, limit: nil, formats: [.atom, .rss])
        #expect(feed.pages.count == 2)
        #expect(try ids(in: feed.pages[0], of: feed).count == 25)
        let atomRoot = try #require(try XMLDocument(xml: try feed.bytes(of: feed.pages[0])).root)
        #expect(atomRoot.element(named: "complete", namespaceURI: fh) != nil)
        let channel = try XMLDocument(xml: try feed.bytes(of: feed.pages[1])).root?.element(named: "channel")
        #expect(channel?.element(named: "complete", namespaceURI: fh) != nil)
        #expect(channel?.elements(named: "item").count == 25)
    }

    @Test func limitNotReachedMakesNoArchive() throws {
        let feed = try feed(10, formats: [.atom])
        #expect(feed.pages.count == 1)
        let root = try #require(try XMLDocument(xml: try feed.bytes(of: feed.pages[0])).root)
        #expect(root.elements(named: "link").allSatisfy { $0.attribute("rel") != "prev-archive" })
    }

    @Test func jsonPagesChainThroughNextURL() throws {
        let feed = try feed(25, formats: [.json])
        #expect(feed.pages.map(\.fileName) == ["feed.json", "feed-archive-1.json", "feed-archive-2.json"])
        let main = try Fixtures.json(try feed.bytes(of: feed.pages[0]))
        #expect(main["next_url"] as? String == "https://example.org/feed-archive-2.json")
        let newest = try Fixtures.json(try feed.bytes(of: feed.pages[2]))
        #expect(newest["next_url"] as? String == "https://example.org/feed-archive-1.json")
        #expect(newest["feed_url"] as? String == "https://example.org/feed.json")
        #expect(newest["hubs"] == nil)
        let oldest = try Fixtures.json(try feed.bytes(of: feed.pages[1]))
        #expect(oldest["next_url"] == nil)
        #expect((oldest["items"] as? [Any])?.count == 10)
    }

    @Test func archiveNamesGoBeforeTheExtension() throws {
        let description = FeedDescription(
            title: "t", homePageURL: "https://e.org/",
            outputs: [
                FeedOutput(format: .atom, fileName: "feeds/all", url: "https://e.org/feeds/all?x=1")
            ], limit: 1)
        let feed = try FeedBuilder(description: description).prepare(Fixtures.entries(2))
        #expect(feed.pages.map(\.fileName) == ["feeds/all", "feeds/all-archive-1"])
        #expect(feed.pages.map(\.url) == ["https://e.org/feeds/all?x=1", "https://e.org/feeds/all-archive-1?x=1"])
    }
}
