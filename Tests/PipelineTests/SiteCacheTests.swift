import CrierTestHelpers
import FeedModel
import Foundation
import Ingest
import Logging
import Pipeline
import Testing

/// Builds that remember (the build cache beside the state store) publish exactly what a cold build publishes,
/// whatever happened to the articles, the configuration or the cache in between.
@Suite struct SiteCacheTests {
    static let config = """
        title: Cache Site
        base_url: https://cache.example/
        author: Cass Author
        limit: 3
        """

    /// A cold build of the same source with a copy of the state store as it is now (so ids and first-seen
    /// dates agree) into a fresh output folder, with no cache: the feeds any build must equal.
    static func coldFiles(_ folder: SiteTestFolder) async throws -> (files: [String: Data], report: BuildReport) {
        let cold = folder.root.appendingPathComponent("cold-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cold) }
        try FileManager.default.createDirectory(at: cold, withIntermediateDirectories: true)
        let state = folder.source.appendingPathComponent(".crier/state.sqlite")
        let copy = cold.appendingPathComponent("state.sqlite")
        try FileManager.default.copyItem(at: state, to: copy)
        let output = cold.appendingPathComponent("out")
        let site = try Site(source: folder.source, output: output, statePath: copy, logger: Self.quiet)
        let report = try await site.buildAll()
        return (try folder.publishedFiles(in: output), report)
    }

    static var quiet: Logger {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return logger
    }

    /// What a report says about the articles, for comparing two builds' reports.
    static func lines(_ report: BuildReport) -> [String] {
        ["\(report.entryCount) entries"] + report.failed.map { "failed \($0)" } + report.leftOut.map { "left out \($0)" }
            + report.warnings.map { "warning \($0)" }
    }

    static func article(_ number: Int, version: Int, dated: Bool) -> String {
        let date = dated ? "date: 2024-02-\(String(format: "%02d", number % 28 + 1))T10:\(String(format: "%02d", number % 60)):00Z\n" : ""
        return "---\ntitle: Article \(number) v\(version)\n\(date)tags: [t\(number % 3)]\n---\n\nBody of \(number), version \(version).\n"
    }

    @Test func aBuildWithNothingChangedPublishesNothingAndReportsTheSame() async throws {
        let folder = try SiteTestFolder(config: Self.config)
        for number in 1...8 { try folder.write(Self.article(number, version: 1, dated: number % 2 == 0), to: "a\(number).md") }
        try folder.write("---\ntitle: Draft\ndraft: true\n---\n\nNot yet.\n", to: "draft.md")
        try folder.write("---\ntitle: [broken\n---\n\nBody.\n", to: "broken.md")
        let first = try await folder.site().buildAll()
        let published = try folder.publishedFiles()

        let second = try await folder.site().buildAll()
        #expect(second.written.isEmpty && second.rendered.isEmpty && second.removed.isEmpty)
        #expect(second.unchanged == (first.written + first.unchanged).sorted())
        #expect(Self.lines(second) == Self.lines(first))
        #expect(try folder.publishedFiles() == published)
        #expect(try await Self.coldFiles(folder).files == published)
    }

    @Test func settledArticlesAreToldUnchangedByDigestAndAnyChangeIsStillSeen() async throws {
        let folder = try SiteTestFolder(config: Self.config)
        for number in 1...6 { try folder.write(Self.article(number, version: 1, dated: true), to: "a\(number).md") }
        // Past the two seconds after which a stamp is sure: no file needs its hash confirmed.
        try await Task.sleep(for: .milliseconds(2200))
        _ = try await folder.site().buildAll()
        let published = try folder.publishedFiles()
        let second = try await folder.site().buildAll()
        #expect(second.written.isEmpty && second.rendered.isEmpty)

        // The same size and modification time, other bytes: only the change time tells.
        let url = folder.source.appendingPathComponent("a3.md")
        let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
        try folder.write(Self.article(3, version: 1, dated: true).replacingOccurrences(of: "Body of", with: "Text of"), to: "a3.md")
        if let modified { try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path) }
        let third = try await folder.site().buildAll()
        #expect(!third.written.isEmpty)
        #expect(try folder.publishedFiles() != published)
        #expect(try await Self.coldFiles(folder).files == folder.publishedFiles())

        // A new file, then one removed, each after the others settled.
        try await Task.sleep(for: .milliseconds(2200))
        _ = try await folder.site().buildAll()
        try folder.write(Self.article(7, version: 1, dated: true), to: "a7.md")
        #expect(try await !folder.site().buildAll().written.isEmpty)
        #expect(try await Self.coldFiles(folder).files == folder.publishedFiles())
        try folder.remove("a1.md")
        #expect(try await !folder.site().buildAll().written.isEmpty)
        #expect(try await Self.coldFiles(folder).files == folder.publishedFiles())
    }

    @Test func aFeedFileTouchedByHandIsBuiltAgain() async throws {
        let folder = try SiteTestFolder(config: Self.config)
        for number in 1...5 { try folder.write(Self.article(number, version: 1, dated: true), to: "a\(number).md") }
        _ = try await folder.site().buildAll()
        let published = try folder.publishedFiles()
        try Data("not a feed".utf8).write(to: folder.output.appendingPathComponent("atom.xml"))
        let again = try await folder.site().buildAll()
        #expect(again.written == ["atom.xml"])
        #expect(try folder.publishedFiles() == published)
        // A stray archive page left in the output folder is removed, as a cold build would.
        try Data("stray".utf8).write(to: folder.output.appendingPathComponent("rss-archive-9.xml"))
        let cleaned = try await folder.site().buildAll()
        #expect(cleaned.removed == ["rss-archive-9.xml"])
        #expect(try folder.publishedFiles() == published)
    }

    @Test func aNewArticleRewritesOnlyTheMainFeedsAndThePagesItTouches() async throws {
        let folder = try SiteTestFolder(config: Self.config)
        for day in 1...7 { try folder.write(SiteTestFolder.article("Day \(day)", date: "2024-01-0\(day)"), to: "day\(day).md") }
        _ = try await folder.site().buildAll()
        try folder.write(SiteTestFolder.article("Day 8", date: "2024-01-08"), to: "day8.md")
        // Pages of three: the main feeds hold 6-8 now, archive page 2 holds 4 and 5 (it held 4 before).
        let added = try await folder.site().buildAll()
        #expect(
            added.written == [
                "atom-archive-2.xml", "atom.xml", "feed-archive-2.json", "feed.json", "rss-archive-2.xml", "rss.xml",
            ])
        // A new process renders (and validates) only those: archive page 1 is known to be what it would be again.
        #expect(added.rendered == added.written)
        #expect(try await Self.coldFiles(folder).files == folder.publishedFiles())
    }

    @Test func anUnchangedArticleWhoseUpdatedMovesPastANewTieIsPublishedWithIt() async throws {
        let folder = try SiteTestFolder(config: Self.config)
        try folder.write(SiteTestFolder.article("Kept", date: "2024-03-01T09:00:00Z"), to: "b.md")
        try folder.write(SiteTestFolder.article("Other", date: "2024-03-02T09:00:00Z"), to: "c.md")
        _ = try await folder.site().buildAll()
        // A new article at the same instant, whose path sorts first: b.md's `updated` moves on by a second while
        // its file, and the name of its body kept beside it, stay the same.
        try folder.write(SiteTestFolder.article("New", date: "2024-03-01T09:00:00Z"), to: "a.md")
        _ = try await folder.site().buildAll()
        #expect(try String(decoding: #require(folder.publishedFiles()["atom.xml"]), as: UTF8.self).contains("2024-03-01T09:00:01Z"))
        #expect(try await Self.coldFiles(folder).files == folder.publishedFiles())
        // And back, once the new article goes.
        try folder.remove("a.md")
        _ = try await folder.site().buildAll()
        #expect(try await Self.coldFiles(folder).files == folder.publishedFiles())
    }

    @Test func aRestartedDaemonCatchesUpFromAnUnchangedBuild() async throws {
        let folder = try SiteTestFolder(config: Self.config)
        for number in 1...6 { try folder.write(Self.article(number, version: 1, dated: number != 3), to: "a\(number).md") }
        _ = try await folder.site().buildAll(logsWithheld: true)
        // A new process: the first build publishes nothing; the first change then needs every entry.
        let restarted = try folder.site()
        let first = try await restarted.buildAll(logsWithheld: true)
        #expect(first.written.isEmpty && first.rendered.isEmpty)
        try folder.write(Self.article(3, version: 2, dated: false), to: "a3.md")
        let update = try await restarted.update(changedPaths: ["a3.md"])
        #expect(update.entryCount == 6)
        #expect(try await Self.coldFiles(folder).files == folder.publishedFiles())
        // Its updates are remembered: the next process finds nothing to do.
        let next = try await folder.site().buildAll()
        #expect(next.written.isEmpty && next.rendered.isEmpty)
    }

    @Test func anUpdateWhoseSavesWereDeferredIsRememberedOnlyOnceSaved() async throws {
        let folder = try SiteTestFolder(config: Self.config)
        for number in 1...5 { try folder.write(Self.article(number, version: 1, dated: true), to: "a\(number).md") }
        let daemon = try folder.site()
        _ = try await daemon.buildAll()
        try folder.write(Self.article(2, version: 2, dated: true), to: "a2.md")
        _ = try await daemon.update(changedPaths: ["a2.md"], defersSaving: true)
        // Killed here: the cache is the first build's, which the edited article no longer matches, so the next
        // process builds (it renders again what it cannot take from the cache) instead of trusting it.
        let killed = try await folder.site().buildAll()
        #expect(!killed.rendered.isEmpty)
        #expect(try await Self.coldFiles(folder).files == folder.publishedFiles())
        try folder.write(Self.article(4, version: 2, dated: true), to: "a4.md")
        _ = try await daemon.update(changedPaths: ["a4.md"], defersSaving: true)
        await daemon.saveDeferred()
        // Saved: the next process finds nothing to do.
        let next = try await folder.site().buildAll()
        #expect(next.written.isEmpty && next.rendered.isEmpty)
        #expect(try await Self.coldFiles(folder).files == folder.publishedFiles())
    }

    @Test func aConfigurationEditedWithoutAReloadIsNotTakenForTheOneBuilt() async throws {
        let folder = try SiteTestFolder(config: Self.config)
        for number in 1...5 { try folder.write(Self.article(number, version: 1, dated: true), to: "a\(number).md") }
        let daemon = try folder.site()
        _ = try await daemon.buildAll()
        // The daemon keeps its configuration until SIGHUP; its next full build still publishes with limit 3.
        try folder.write(Self.config.replacingOccurrences(of: "limit: 3", with: "limit: 0"), to: "crier.yml")
        _ = try await daemon.buildAll()
        // A new process reads limit 0: what the daemon published under limit 3 must not pass for it.
        let next = try await folder.site().buildAll()
        #expect(!next.written.isEmpty)
        #expect(try await Self.coldFiles(folder).files == folder.publishedFiles())
    }

    @Test(arguments: [1, 2, 3, 4])
    func randomChangesGiveWhatAColdBuildGives(seed: UInt64) async throws {
        var random = SeededGenerator(seed: seed)
        let folder = try SiteTestFolder(config: Self.config)
        var versions: [String: (number: Int, version: Int, dated: Bool)] = [:]
        var next = 1
        func add() throws {
            let path = (Bool.random(using: &random) ? "sub/" : "") + "n\(next).md"
            versions[path] = (next, 1, Bool.random(using: &random))
            try folder.write(Self.article(next, version: 1, dated: versions[path]!.dated), to: path)
            next += 1
        }
        for _ in 0..<10 { try add() }
        var daemon: Site? = nil
        for step in 0..<24 {
            // Twice, past the two seconds after which stamps are sure: the builds after take the no-change test
            // by digest (`StampDigest`) instead of file by file, and the changes after must still be seen.
            if step == 8 || step == 16 { try await Task.sleep(for: .milliseconds(2200)) }
            let paths = versions.keys.sorted()
            switch Int.random(in: 0..<11, using: &random) {
            case 0, 1:
                try add()
            case 2, 3:
                guard let path = paths.randomElement(using: &random), var entry = versions[path] else { break }
                entry.version += 1
                versions[path] = entry
                try folder.write(Self.article(entry.number, version: entry.version, dated: entry.dated), to: path)
            case 4:
                // The same size and the modification time put back: only the change time and the bytes differ.
                guard let path = paths.randomElement(using: &random), let entry = versions[path] else { break }
                let url = folder.source.appendingPathComponent(path)
                let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date
                let text = Self.article(entry.number, version: entry.version, dated: entry.dated)
                try folder.write(text.replacingOccurrences(of: "Body of", with: "Text of"), to: path)
                if let modified { try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path) }
            case 5:
                guard paths.count > 3, let path = paths.randomElement(using: &random) else { break }
                try folder.remove(path)
                versions[path] = nil
            case 6:
                guard let path = paths.randomElement(using: &random), let entry = versions[path] else { break }
                let renamed = "r\(step)-" + (path.split(separator: "/").last.map(String.init) ?? path)
                try FileManager.default.moveItem(
                    at: folder.source.appendingPathComponent(path), to: folder.source.appendingPathComponent(renamed))
                versions[path] = nil
                versions[renamed] = entry
            case 7:
                let limit = [0, 2, 3, 5].randomElement(using: &random) ?? 3
                try folder.write(Self.config.replacingOccurrences(of: "limit: 3", with: "limit: \(limit)"), to: "crier.yml")
                daemon = nil
            case 8:
                // The state store written behind the cache's back (another tool, another configuration's build
                // whose cache save failed): the states the cache remembers no longer hold.
                guard let path = paths.randomElement(using: &random) else { break }
                let store = try StateStore(path: folder.source.appendingPathComponent(".crier/state.sqlite"))
                _ = try store.record(
                    [StateStore.Observation(path: path, contentHash: "written by hand")],
                    now: Timestamp(secondsSinceEpoch: 1_600_000_000 + Int64(step))
                ) { _, _ in "tag:hand.example,2020:\(step)" }
            case 9 where Bool.random(using: &random):
                // A published feed edited by hand (its length kept): nothing of it may be taken as published.
                let feed = folder.output.appendingPathComponent(["atom.xml", "rss.xml", "feed.json"].randomElement(using: &random)!)
                if let text = try? String(contentsOf: feed, encoding: .utf8) {
                    try Data(text.replacingOccurrences(of: "Body of", with: "Xody of").utf8).write(to: feed)
                }
            default:
                break  // nothing changed
            }
            // Most steps are a new process; some go through a long-lived site's update, as the daemon does.
            let report: BuildReport
            if let site = daemon, Bool.random(using: &random) {
                // Sometimes as `crier watch` does: the saves deferred, then made when quiet, or never (killed first).
                let defers = Bool.random(using: &random)
                report = try await site.update(changedPaths: Set(paths + versions.keys), defersSaving: defers)
                if defers && Bool.random(using: &random) { await site.saveDeferred() }
            } else {
                let site = try folder.site()
                report = try await site.buildAll()
                daemon = Bool.random(using: &random) ? site : nil
            }
            let cold = try await Self.coldFiles(folder)
            #expect(try folder.publishedFiles() == cold.files, "seed \(seed), step \(step)")
            #expect(report.entryCount == cold.report.entryCount, "seed \(seed), step \(step)")
        }
    }
}
