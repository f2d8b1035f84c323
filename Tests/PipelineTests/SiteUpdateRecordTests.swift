import Foundation
import Pipeline
import Testing

/// The daemon's updates record what they published from the record of the publish before (`LastBuild`), without
/// examining every feed file again: a restart must still skip exactly when nothing changed, and build whenever a
/// feed file was touched by someone else, between updates or after them.
@Suite struct SiteUpdateRecordTests {
    static let config = """
        title: Record Site
        base_url: https://record.example/
        limit: 2
        """

    /// A site with two sections of four articles and two at the top, built by a long-lived `Site` (the daemon).
    static func daemonSite(config: String = Self.config) async throws -> (folder: SiteTestFolder, daemon: Site) {
        let folder = try SiteTestFolder(config: config)
        for number in 1...4 {
            try folder.write(SiteTestFolder.article("News \(number)", date: "2024-03-0\(number)"), to: "news/n\(number).md")
            try folder.write(SiteTestFolder.article("Sport \(number)", date: "2024-04-0\(number)"), to: "sport/s\(number).md")
        }
        for number in 1...2 { try folder.write(SiteTestFolder.article("Top \(number)", date: "2024-05-0\(number)"), to: "t\(number).md") }
        let daemon = try folder.site()
        _ = try await daemon.buildAll()
        return (folder, daemon)
    }

    /// Edits a news article through the daemon, its saves deferred as `crier watch` does.
    static func editNews(_ daemon: Site, _ folder: SiteTestFolder, version: Int) async throws {
        try folder.write(SiteTestFolder.article("News 2", date: "2024-03-02", body: "Version \(version)."), to: "news/n2.md")
        _ = try await daemon.update(changedPaths: ["news/n2.md"], defersSaving: true)
    }

    /// A new process's first build, and whether it found nothing changed (then it publishes nothing and says so).
    static func restart(_ folder: SiteTestFolder) async throws -> (report: BuildReport, skipped: Bool) {
        let capture = MessageCapture()
        let site = try Site(source: folder.source, output: folder.output, logger: capture.logger)
        let report = try await site.buildAll()
        return (report, capture.messages.withLock { $0.contains { $0.contains("nothing changed since the last build") } })
    }

    @Test func aRestartAfterUpdatesThatAddAndRemoveSectionsSkips() async throws {
        // Every feed one page (no archive pages), so only the sections' folders come and go at the top.
        let (folder, daemon) = try await Self.daemonSite(config: Self.config.replacingOccurrences(of: "limit: 2", with: "limit: 0"))
        try await Self.editNews(daemon, folder, version: 2)
        // A new section: a new folder in the output folder, and new pages in it.
        try folder.write(SiteTestFolder.article("Arts 1", date: "2024-06-01"), to: "arts/a1.md")
        _ = try await daemon.update(changedPaths: ["arts"], defersSaving: true)
        // A section gone: its pages and its folder removed. Neither of these two writes a new page at the top or
        // removes one there, but the top folder's listing changes with each.
        try FileManager.default.removeItem(at: folder.source.appendingPathComponent("sport"))
        _ = try await daemon.update(changedPaths: ["sport"], defersSaving: true)
        await daemon.saveDeferred()
        #expect(FileManager.default.fileExists(atPath: folder.output.appendingPathComponent("arts/atom.xml").path))
        #expect(!FileManager.default.fileExists(atPath: folder.output.appendingPathComponent("sport").path))

        let restart = try await Self.restart(folder)
        #expect(restart.skipped)
        #expect(restart.report.written.isEmpty && restart.report.rendered.isEmpty && restart.report.removed.isEmpty)
        #expect(try await SiteCacheTests.coldFiles(folder).files == folder.publishedFiles())
    }

    @Test func aStrayPageLeftBetweenUpdatesIsRemovedAtTheNextStart() async throws {
        let (folder, daemon) = try await Self.daemonSite()
        // Dropped in a section the next update does not touch; that update has the same pages as the last, so it
        // removes nothing itself. A record that listed the folder again would take the stray page for published.
        try Data("stray".utf8).write(to: folder.output.appendingPathComponent("sport/rss-archive-9.xml"))
        try await Self.editNews(daemon, folder, version: 2)
        await daemon.saveDeferred()
        let restart = try await Self.restart(folder)
        #expect(!restart.skipped)
        #expect(restart.report.removed == ["sport/rss-archive-9.xml"])
        #expect(try await SiteCacheTests.coldFiles(folder).files == folder.publishedFiles())
    }

    @Test(arguments: [false, true])
    func aPageEditedOrRemovedByHandAroundUpdatesIsBuiltAgainAtTheNextStart(removed: Bool) async throws {
        let (folder, daemon) = try await Self.daemonSite()
        let page = folder.output.appendingPathComponent("sport/atom.xml")
        func touch() throws {
            if removed {
                try FileManager.default.removeItem(at: page)
            } else {
                try Data(try Data(contentsOf: page).map { $0 == UInt8(ascii: "S") ? UInt8(ascii: "Z") : $0 }).write(to: page)
            }
        }
        // Between two updates that do not hold the page: the second finds the file is not the one it put there
        // and writes it again, so the record it leaves lets a restart skip.
        try await Self.editNews(daemon, folder, version: 2)
        try touch()
        try folder.write(SiteTestFolder.article("News 2", date: "2024-03-02", body: "Version 3."), to: "news/n2.md")
        let repaired = try await daemon.update(changedPaths: ["news/n2.md"], defersSaving: true)
        #expect(repaired.written.contains("sport/atom.xml"))
        await daemon.saveDeferred()
        let first = try await Self.restart(folder)
        #expect(first.skipped)
        #expect(try await SiteCacheTests.coldFiles(folder).files == folder.publishedFiles())

        // ...and after the last one, before a restart.
        let next = try folder.site()
        _ = try await next.buildAll()
        try await Self.editNews(next, folder, version: 4)
        try touch()
        await next.saveDeferred()
        let second = try await Self.restart(folder)
        #expect(!second.skipped)
        #expect(second.report.written == ["sport/atom.xml"])
        #expect(try await SiteCacheTests.coldFiles(folder).files == folder.publishedFiles())
    }
}
