import FeedModel
import Foundation
import Testing

@testable import Ingest

@Suite struct SiteConfigTests {
    @Test func exampleParsesAndDescribesTheFeeds() throws {
        let config = try SiteConfig(yaml: SiteConfig.exampleYAML)
        #expect(config.title == "My Site")
        #expect(config.author == Person(name: "Jane Doe", email: "jane@example.com", uri: "https://example.com/about/"))
        #expect(config.timeZone == .named(TimeZone(identifier: "Europe/Paris")!))
        let description = config.feedDescription()
        #expect(description.homePageURL == "https://example.com/")
        #expect(description.subtitle == "Notes and articles")
        #expect(description.limit == 50)
        #expect(
            description.outputs == [
                FeedOutput(format: .rss, fileName: "rss.xml", url: "https://example.com/rss.xml"),
                FeedOutput(format: .atom, fileName: "atom.xml", url: "https://example.com/atom.xml"),
                FeedOutput(format: .json, fileName: "feed.json", url: "https://example.com/feed.json"),
            ])
    }

    @Test func defaultsAndOverrides() throws {
        let minimal = try SiteConfig(yaml: "title: T\nbase_url: https://example.com/blog")
        #expect(minimal.baseURL == "https://example.com/blog/")
        #expect(minimal.timeZone == .utc)
        #expect(minimal.limit == SiteConfig.defaultLimit)
        #expect(minimal.formats == FeedFormat.allCases)
        #expect(minimal.permalink == "/{path}/")

        let custom = try SiteConfig(
            yaml: """
                title: T
                base_url: https://example.com/
                feed_base_url: https://feeds.example.com/x
                author: Jane <jane@example.com>
                time_zone: "+05:30"
                limit: 0
                formats: [json, atom]
                outputs: {atom: index.atom}
                hubs: [https://hub.example.com/]
                icon: /icon.png
                """)
        #expect(custom.author == Person(name: "Jane", email: "jane@example.com"))
        #expect(custom.timeZone == .fixed(19_800))
        let description = custom.feedDescription()
        #expect(description.limit == nil)
        #expect(description.outputs.map(\.url) == ["https://feeds.example.com/x/index.atom", "https://feeds.example.com/x/feed.json"])
        #expect(description.hubs == ["https://hub.example.com/"])
        #expect(description.iconURL == "https://example.com/icon.png")
    }

    @Test(arguments: [
        ("title: T\nbase_url: https://e.com/\nlimit: ten", "crier.yml:3: key 'limit': expected a whole number, found \"ten\""),
        ("title: T\nbase_url: /relative/", "crier.yml:2: key 'base_url': expected an absolute http(s) URL, found \"/relative/\""),
        ("title: T\nbase_url: ftp://e.com/", "crier.yml:2: key 'base_url': expected an absolute http(s) URL, found \"ftp://e.com/\""),
        ("title: T\nbase_url: https://e.com/\ncolour: red", "crier.yml:3: key 'colour': unknown key; expected one of: "),
        ("title: T\nbase_url: https://e.com/\ntime_zone: Mars/Olympus", "crier.yml:3: key 'time_zone': expected an IANA zone"),
        ("title: T\nbase_url: https://e.com/\nformats: [rss, opml]", "crier.yml:3: key 'formats': expected rss, atom or json, found \"opml\""),
        ("title: T\nbase_url: https://e.com/\npermalink: /posts/", "crier.yml:3: key 'permalink': expected a pattern containing {path} or {slug}"),
        ("title: T\nbase_url: https://e.com/\ntitle: [a]", "crier.yml: not valid YAML: Parser: expected all keys to be unique"),
        ("base_url: https://e.com/", "crier.yml: key 'title': missing"),
        ("title: [a, b]\nbase_url: https://e.com/", "crier.yml:1: key 'title': expected text, found a list"),
        ("title: T\nbase_url: https://e.com/\nlimit: -3", "crier.yml:3: key 'limit': expected 0 (no limit) or a positive number"),
        ("title: T\nbase_url: https://e.com/\noutputs: {rss: ../x.xml}", "crier.yml:3: key 'outputs.rss': expected a plain file name"),
        ("title: T\n  bad: indent", "crier.yml:2: not valid YAML"),
    ])
    func errorsNameTheKey(yaml: String, expectedPrefix: String) {
        do {
            _ = try SiteConfig(yaml: yaml)
            Issue.record("expected an error for \(yaml)")
        } catch {
            #expect(error.description.hasPrefix(expectedPrefix), "\(error.description)")
        }
    }

    @Test func loadsFromFile() throws {
        let folder = try TestFolder()
        let file = try folder.write("crier.yml", "title: From file\nbase_url: https://example.com/\n")
        #expect(try SiteConfig.load(from: file).title == "From file")
        do {
            _ = try SiteConfig.load(from: folder.url.appendingPathComponent("missing.yml"))
            Issue.record("expected an error for a missing file")
        } catch {
            #expect(error.message.contains("cannot read"))
        }
    }

    @Test func namedZoneFollowsDaylightSavingTime() throws {
        let paris = try #require(ZoneSetting("Europe/Paris"))
        #expect(paris.offsetSeconds(at: CivilTime(year: 2024, month: 1, day: 15, hour: 12)) == 3600)
        #expect(paris.offsetSeconds(at: CivilTime(year: 2024, month: 7, day: 15, hour: 12)) == 7200)
    }
}
