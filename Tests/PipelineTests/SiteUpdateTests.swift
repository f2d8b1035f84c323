import Foundation
import Pipeline
import Testing

/// Incremental updates give the same feeds as a fresh full build, and keep what a bad edit would lose.
@Suite struct SiteUpdateTests {
    @Test func anEditedArticleIsRepublished() async throws {
        let folder = try SiteTestFolder()
        try folder.write(SiteTestFolder.article("First", date: "2024-01-01"), to: "a.md")
        let site = try folder.site()
        _ = try await site.buildAll()
        try folder.write(SiteTestFolder.article("First, edited", date: "2024-01-01", body: "New words."), to: "a.md")
        let report = try await site.update(changedPaths: ["a.md"])
        #expect(report.articlesRead == 1)
        #expect(report.written.sorted() == ["atom.xml", "feed.json", "rss.xml"])
        #expect(try folder.feed("atom.xml").contains("New words."))
    }

    @Test func aDeletedArticleLeavesTheFeeds() async throws {
        let folder = try SiteTestFolder()
        try folder.write(SiteTestFolder.article("Keep", date: "2024-01-01"), to: "keep.md")
        try folder.write(SiteTestFolder.article("Gone", date: "2024-01-02"), to: "gone.md")
        let site = try folder.site()
        #expect(try await site.buildAll().entryCount == 2)
        try folder.remove("gone.md")
        let report = try await site.update(changedPaths: ["gone.md"])
        #expect(report.entryCount == 1)
        #expect(!(try folder.feed("rss.xml")).contains("<title>Gone</title>"))
    }

    @Test func aFolderMovedInIsRead() async throws {
        let folder = try SiteTestFolder()
        try folder.write(SiteTestFolder.article("Top", date: "2024-01-01"), to: "top.md")
        let site = try folder.site()
        _ = try await site.buildAll()
        try folder.write(SiteTestFolder.article("Nested one", date: "2024-02-01"), to: "sub/deeper/one.md")
        try folder.write(SiteTestFolder.article("Nested two", date: "2024-02-02"), to: "sub/two.txt")
        let report = try await site.update(changedPaths: ["sub"])
        #expect(report.entryCount == 3)
        try folder.remove("sub")
        #expect(try await site.update(changedPaths: ["sub"]).entryCount == 1)
    }

    @Test func anArticleThatTurnsBadKeepsItsLastGoodVersion() async throws {
        let folder = try SiteTestFolder()
        try folder.write(SiteTestFolder.article("Stable", date: "2024-01-01", body: "Good body."), to: "a.md")
        let site = try folder.site()
        _ = try await site.buildAll()
        try folder.write("---\ntitle: [unterminated\n", to: "a.md")
        let report = try await site.update(changedPaths: ["a.md"])
        #expect(report.entryCount == 1)
        #expect(report.failed.map(\.file) == ["a.md"])
        #expect(try folder.feed("atom.xml").contains("Good body."))
        #expect(report.written.isEmpty, "nothing changed, so nothing is rewritten")
    }

    @Test func updatesEndWhereAFreshBuildEnds() async throws {
        let folder = try SiteTestFolder()
        try folder.write(SiteTestFolder.article("One", date: "2024-01-01"), to: "one.md")
        try folder.write(SiteTestFolder.article("Two", date: "2024-01-02"), to: "two.md")
        let site = try folder.site()
        _ = try await site.buildAll()
        try folder.write(SiteTestFolder.article("Three", date: "2024-01-03"), to: "n/three.md")
        try folder.remove("one.md")
        try folder.write(SiteTestFolder.article("Two again", date: "2024-01-02", body: "Changed."), to: "two.md")
        _ = try await site.update(changedPaths: ["n", "one.md", "two.md"])
        let incremental = try ["rss.xml", "atom.xml", "feed.json"].map { try folder.feed($0) }

        try FileManager.default.removeItem(at: folder.output)
        let fresh = try folder.site()
        _ = try await fresh.buildAll()
        let rebuilt = try ["rss.xml", "atom.xml", "feed.json"].map { try folder.feed($0) }
        #expect(incremental == rebuilt)
    }

    @Test func strictRefusesToPublishWithFailedFiles() async throws {
        let folder = try SiteTestFolder()
        try folder.write(SiteTestFolder.article("Fine", date: "2024-01-01"), to: "fine.md")
        try folder.write("", to: "empty.txt")
        let site = try folder.site()
        await #expect(throws: PipelineError.self) { try await site.buildAll(strict: true) }
        #expect(!FileManager.default.fileExists(atPath: folder.output.appendingPathComponent("atom.xml").path))
        let report = try await site.buildAll()
        #expect(report.entryCount == 1)
        #expect(report.failed.map(\.file) == ["empty.txt"])
    }

    @Test func aSecondWriterIsLockedOut() throws {
        let folder = try SiteTestFolder()
        let lock = try Site.lockOutput(folder.output)
        #expect(throws: PipelineError.self) { _ = try Site.lockOutput(folder.output) }
        lock.release()
        _ = try Site.lockOutput(folder.output)
    }
}
