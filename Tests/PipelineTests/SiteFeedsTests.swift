import FeedModel
import Foundation
import Ingest
import Testing

@testable import Pipeline

/// Section, tag, author and language feeds of a real site folder.
@Suite struct SiteFeedsTests {
    static let config = """
        title: Test Site
        base_url: https://test.example/
        author: Tess Author
        limit: 0
        taxonomies:
          tags: true
          authors: true
          languages:
            min_entries: 1
        """

    static func article(_ title: String, date: String, tags: [String] = [], author: String? = nil, language: String? = nil) -> String {
        var front = "---\ntitle: \(title)\ndate: \(date)\n"
        if !tags.isEmpty { front += "tags: [\(tags.map { "\"\($0)\"" }.joined(separator: ", "))]\n" }
        if let author { front += "author: \(author)\n" }
        if let language { front += "lang: \(language)\n" }
        return front + "---\n\nBody of \(title).\n"
    }

    func files(_ folder: SiteTestFolder) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.output.path)
        var files: [String] = []
        while let name = enumerator?.nextObject() as? String {
            if !name.hasPrefix("."), name.hasSuffix(".xml") || name.hasSuffix(".json") { files.append(name) }
        }
        return files.sorted()
    }

    @Test func sectionsTagsAuthorsAndLanguagesGetFeedsOfTheirOwn() async throws {
        let folder = try SiteTestFolder(config: Self.config)
        try folder.write(Self.article("Top", date: "2024-01-01", tags: ["C++"]), to: "top.md")
        try folder.write(Self.article("Match", date: "2024-01-02", tags: ["C++", "c"], author: "Zoë Writer"), to: "sport/match.md")
        try folder.write(Self.article("Race", date: "2024-01-03", tags: ["c", "日本語"], author: "Zoë Writer", language: "fr"), to: "sport/race.md")
        try folder.write(Self.article("Vote", date: "2024-01-04", tags: ["日本語"]), to: "politics/2024/vote.md")
        let report = try await folder.site().buildAll()
        #expect(report.failed.isEmpty)
        let names = try files(folder).filter { $0.hasSuffix("atom.xml") }
        #expect(
            names == [
                "atom.xml", "authors/tess-author/atom.xml", "authors/zoë-writer/atom.xml", "languages/fr/atom.xml",
                "politics/atom.xml", "sport/atom.xml", "tags/c-plus-plus/atom.xml", "tags/c/atom.xml", "tags/日本語/atom.xml",
            ])
        let sport = try folder.feed("sport/atom.xml")
        #expect(sport.contains("<title>Test Site: sport</title>"))
        #expect(sport.contains(#"href="https://test.example/sport/atom.xml""#))
        #expect(sport.contains("Match") && sport.contains("Race") && !sport.contains("Top") && !sport.contains("Vote"))
        #expect(try folder.feed("tags/日本語/atom.xml").contains(#"href="https://test.example/tags/%E6%97%A5%E6%9C%AC%E8%AA%9E/atom.xml""#))
        #expect(try folder.feed("languages/fr/atom.xml").contains(#"xml:lang="fr""#))
        // `languages: min_entries: 1`, but tags keep the default of 2: `C++` has 2, nothing has 1.
        let opml = try folder.feed("feeds.opml")
        #expect(opml.contains(#"title="Test Site: C++""#) && opml.contains(#"title="Test Site: sport""#))
    }

    @Test("A section is the first folder of an article's path, cut by bytes when ASCII and by characters otherwise")
    func topFolders() {
        #expect(SiteFeeds.topFolder(of: "sport/001.md") == "sport")
        #expect(SiteFeeds.topFolder(of: "a/b/c.md") == "a")
        #expect(SiteFeeds.topFolder(of: "top.md") == nil)
        #expect(SiteFeeds.topFolder(of: "caf\u{E9}/x.md") == "caf\u{E9}")
        // A combining mark after the slash makes "/\u{301}" one character, not a separator.
        #expect(SiteFeeds.topFolder(of: "a/\u{301}b/c.md") == "a/\u{301}b")
        #expect(SiteFeeds.topFolder(of: "a/\u{301}b.md") == nil)
    }

    @Test func slugsOfCollidingTagsCarryAHashOfTheirOwnText() throws {
        let slugs = SiteFeeds.slugs(for: ["c-plus-plus", "c++", "c"], taxonomy: .tags)
        #expect(slugs["c-plus-plus"] == "c-plus-plus" && slugs["c"] == "c")
        let suffixed = try #require(slugs["c++"])
        #expect(suffixed.hasPrefix("c-plus-plus-") && suffixed.count == "c-plus-plus-".count + 6)
        // The suffix is the tag's own: the same with any other set of tags.
        #expect(SiteFeeds.slugs(for: ["c++", "c-plus-plus", "rust"], taxonomy: .tags)["c++"] == suffixed)
        #expect(SiteFeeds.slugs(for: ["c++"], taxonomy: .tags)["c++"] == "c-plus-plus")
    }

    @Test(
        "Two feeds in one folder, or a folder that cannot be a URL segment, is an error naming the folder",
        arguments: [
            ("tags/a.md", "taxonomies:\n  tags: true\n", "'tags/'"),
            ("My Notes/a.md", "", "folder 'My Notes'"),
            ("Sport/a.md", "sections:\n  folders:\n    news:\n      slug: sport\n", "'sport/'"),
        ])
    func conflicts(path: String, extra: String, message: String) async throws {
        let folder = try SiteTestFolder(config: SiteTestFolder.defaultConfig + "\n" + extra)
        try folder.write(Self.article("A", date: "2024-01-01"), to: path)
        if path.hasPrefix("Sport") { try folder.write(Self.article("B", date: "2024-01-02"), to: "news/b.md") }
        do {
            _ = try await folder.site().buildAll()
            Issue.record("built with \(path)")
        } catch {
            guard let failure = error as? PipelineError, case .configuration(let config) = failure else { throw error }
            #expect(config.description.contains(message), "\(config)")
            #expect(failure.exitCode == 2)
        }
        // A section turned off, or given a slug, builds.
        try? folder.write(SiteTestFolder.defaultConfig + "\nsections: false\n", to: "crier.yml")
        #expect(try await folder.site().buildAll().failed.isEmpty)
    }

    @Test func anArticleMovingSectionRewritesBothAndAnEmptiedFeedIsRemoved() async throws {
        let folder = try SiteTestFolder(config: Self.config)
        try folder.write(Self.article("One", date: "2024-01-01", tags: ["x"]), to: "sport/one.md")
        try folder.write(Self.article("Two", date: "2024-01-02", tags: ["x"]), to: "news/two.md")
        try folder.write(Self.article("Three", date: "2024-01-03"), to: "news/three.md")
        try folder.write(Self.article("Four", date: "2024-01-04"), to: "politics/four.md")
        let site = try folder.site()
        _ = try await site.buildAll()
        #expect(try files(folder).contains("tags/x/atom.xml"))

        // One moves from sport to news: sport has nothing left and goes; news and the site feeds change.
        try FileManager.default.moveItem(
            at: folder.source.appendingPathComponent("sport/one.md"), to: folder.source.appendingPathComponent("news/one.md"))
        let moved = try await site.update(changedPaths: ["sport/one.md", "news/one.md"])
        #expect(moved.removed.contains("sport/atom.xml") && moved.removed.contains("sport/feed.json"))
        #expect(moved.written.contains("news/atom.xml"))
        // Its id and link carry its folder, so the tag feed holding it changes too; the other section does not.
        #expect(moved.rendered.contains("tags/x/atom.xml"))
        #expect(!moved.rendered.contains { $0.hasPrefix("politics/") }, "\(moved.rendered)")
        #expect(!FileManager.default.fileExists(atPath: folder.output.appendingPathComponent("sport").path))
        #expect(try folder.feed("news/atom.xml").contains("One"))

        // Two loses its tag: x drops under the minimum of 2 and its feeds go.
        try folder.write(Self.article("Two", date: "2024-01-02"), to: "news/two.md")
        let untagged = try await site.update(changedPaths: ["news/two.md"])
        #expect(untagged.removed.contains("tags/x/atom.xml"))
        #expect(!(try folder.feed("feeds.opml")).contains("tags/x"))

        // An edit touches only the feeds holding the article.
        try folder.write(Self.article("Three, edited", date: "2024-01-03"), to: "news/three.md")
        let edited = try await site.update(changedPaths: ["news/three.md"])
        // The site has no language and the articles name none, so there are no language feeds.
        #expect(
            Set(edited.rendered)
                == [
                    "atom.xml", "rss.xml", "feed.json", "news/atom.xml", "news/rss.xml", "news/feed.json", "authors/tess-author/atom.xml",
                    "authors/tess-author/rss.xml", "authors/tess-author/feed.json",
                ])

        // Incremental updates end where a fresh build ends.
        let incremental = try files(folder).map { try folder.feed($0) }
        try FileManager.default.removeItem(at: folder.output)
        _ = try await folder.site().buildAll()
        #expect(try files(folder).map { try folder.feed($0) } == incremental)
    }
}
