import FeedModel
import Foundation
import Testing

@testable import Ingest

/// The default permalink, `/{path}/`, carries the article's folder, so the file names a news site repeats in
/// every section (`business/001.txt`, `sport/001.txt`) still give one URL each.
@Suite struct PathPermalinkTests {
    let defaults = SiteConfig.test(permalink: SiteConfig.defaultPermalink)

    @Test func theFolderIsPartOfTheDefaultLink() throws {
        let folder = try TestFolder()
        for path in ["sport/001.txt", "business/001.txt", "001.txt"] { try folder.write(path, "Title\n\nBody.\n") }
        let links = try ["sport/001.txt", "business/001.txt", "001.txt"].map { try entry(folder, $0, config: defaults).0.link }
        #expect(links == ["https://example.com/sport/001/", "https://example.com/business/001/", "https://example.com/001/"])
    }

    @Test func foldersAreSluggedAndTheSlugStaysTheArticles() throws {
        let folder = try TestFolder()
        try folder.write("Sport News/2024-03-05-Match Report.md", "---\ntitle: M\n---\nBody\n")
        try folder.write("Café/été/post.md", "---\ntitle: E\nslug: Summer Post\n---\nBody\n")
        try folder.write("!!!/x.md", "---\ntitle: X\n---\nBody\n")
        #expect(try entry(folder, "Sport News/2024-03-05-Match Report.md", config: defaults).0.link == "https://example.com/sport-news/match-report/")
        #expect(try entry(folder, "Café/été/post.md", config: defaults).0.link == "https://example.com/caf%C3%A9/%C3%A9t%C3%A9/summer-post/")
        #expect(try entry(folder, "!!!/x.md", config: defaults).0.link == "https://example.com/folder/x/")
    }

    @Test func pathCombinesWithDates() throws {
        let folder = try TestFolder()
        try folder.write("posts/hello.md", "---\ndate: 2024-03-05\n---\nBody\n")
        let config = SiteConfig.test(permalink: "/{year}/{path}.html")
        #expect(try entry(folder, "posts/hello.md", config: config).0.link == "https://example.com/2024/posts/hello.html")
    }

    @Test func slugAloneStillLeavesTheFolderOut() throws {
        let folder = try TestFolder()
        try folder.write("sport/001.txt", "Title\n\nBody.\n")
        let config = SiteConfig.test(permalink: "/{slug}/")
        #expect(try entry(folder, "sport/001.txt", config: config).0.link == "https://example.com/001/")
    }

    @Test func aPatternNeedsPathOrSlug() throws {
        #expect(throws: (any Error).self) { try SiteConfig(yaml: "title: T\nbase_url: https://e.com/\npermalink: /{year}/") }
        #expect(try SiteConfig(yaml: "title: T\nbase_url: https://e.com/\npermalink: /a/{path}").permalink == "/a/{path}")
    }
}
