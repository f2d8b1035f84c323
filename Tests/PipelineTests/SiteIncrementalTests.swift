import Foundation
import Pipeline
import Testing

/// `Site.update` renders and validates only the documents an edit changes, and ends where a fresh build ends.
@Suite struct SiteIncrementalTests {
    static let config = """
        title: Test Site
        base_url: https://test.example/
        author: Tess Author
        limit: 2
        """

    @Test func anEditRendersOnlyThePagesHoldingIt() async throws {
        let folder = try SiteTestFolder(config: Self.config)
        for day in 1...7 {
            try folder.write(SiteTestFolder.article("Day \(day)", date: "2024-01-0\(day)"), to: "day\(day).md")
        }
        let site = try folder.site()
        // Per format: the main feed (days 6, 7) and archive pages 1 (1, 2), 2 (3, 4) and 3 (5).
        let first = try await site.buildAll()
        #expect(first.rendered.count == 12 && first.written.count == 12)

        try folder.write(SiteTestFolder.article("Day 3, edited", date: "2024-01-03"), to: "day3.md")
        let edited = try await site.update(changedPaths: ["day3.md"])
        #expect(edited.rendered == ["atom-archive-2.xml", "feed-archive-2.json", "rss-archive-2.xml"])
        #expect(edited.written == edited.rendered)
        #expect(edited.unchanged.count == 9)

        try folder.write(SiteTestFolder.article("Day 8", date: "2024-01-08"), to: "day8.md")
        let added = try await site.update(changedPaths: ["day8.md"])
        #expect(
            added.rendered == [
                "atom-archive-3.xml", "atom.xml", "feed-archive-3.json", "feed.json",
                "rss-archive-3.xml", "rss.xml",
            ])

        // Nothing changed: nothing rendered, nothing written.
        let idle = try await site.update(changedPaths: ["day1.md"])
        #expect(idle.rendered.isEmpty && idle.written.isEmpty && idle.unchanged.count == 12)

        let incremental = try folder.publishedFiles()
        try FileManager.default.removeItem(at: folder.output)
        _ = try await folder.site().buildAll()
        #expect(try folder.publishedFiles() == incremental)
    }
}
