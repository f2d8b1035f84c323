import Foundation
import Logging
import Pipeline
import Synchronization
import Testing

/// No two published entries share a link, an id or an `updated` instant: when articles would, the older keeps
/// the link or id and the newer is left out, named in the report with both files, until one of them changes.
@Suite struct SiteCollisionTests {
    @Test func theOlderArticleKeepsASharedLink() async throws {
        let folder = try SiteTestFolder()
        try folder.write("---\ntitle: Older\ndate: 2024-01-01\nslug: launch\n---\nOld.\n", to: "news/one.md")
        try folder.write("---\ntitle: Newer\ndate: 2024-02-01\nslug: launch\n---\nNew.\n", to: "news/two.md")
        let report = try await folder.site().buildAll()
        #expect(report.entryCount == 1)
        let issue = try #require(report.failed.first)
        #expect(report.failed.count == 1 && issue.file == "news/two.md")
        #expect(issue.message.contains("news/one.md") && issue.message.contains("https://test.example/news/launch/"))
        let atom = try folder.feed("atom.xml")
        #expect(atom.contains("<title>Older</title>") && !atom.contains("<title>Newer</title>"))
    }

    @Test func ageDecidesNotThePath() async throws {
        let folder = try SiteTestFolder()
        // b.md is older though it sorts last: it keeps the link.
        try folder.write("---\ntitle: A\ndate: 2024-05-01\nlink: /same/\n---\nA.\n", to: "a.md")
        try folder.write("---\ntitle: B\ndate: 2024-01-01\nlink: /same/\n---\nB.\n", to: "b.md")
        let report = try await folder.site().buildAll()
        #expect(report.failed.map(\.file) == ["a.md"])
        #expect(report.failed.first?.message.contains("same link as b.md") == true)
    }

    @Test func aSharedIdIsSettledTheSameWay() async throws {
        let folder = try SiteTestFolder()
        try folder.write("---\ntitle: First\ndate: 2024-01-01\nid: urn:uuid:6f1c2a9e-3b4d-4e8f-9a21-0c5d7e8f9b10\n---\nOne.\n", to: "first.md")
        try folder.write("---\ntitle: Second\ndate: 2024-03-01\nid: urn:uuid:6f1c2a9e-3b4d-4e8f-9a21-0c5d7e8f9b10\n---\nTwo.\n", to: "second.md")
        let report = try await folder.site().buildAll()
        #expect(report.failed.map(\.file) == ["second.md"])
        #expect(report.failed.first?.message.contains("same id as first.md (urn:uuid:6f1c2a9e-3b4d-4e8f-9a21-0c5d7e8f9b10)") == true)
    }

    @Test func sameNameInTwoFormatsIsOneURLAndTheFirstPathKeepsIt() async throws {
        let folder = try SiteTestFolder()
        try folder.write(SiteTestFolder.article("Markdown", date: "2024-01-01"), to: "post.md")
        try folder.write("Title: Plain\nDate: 2024-01-01\n\nBody.\n", to: "post.txt")
        let report = try await folder.site().buildAll()
        #expect(report.entryCount == 1 && report.failed.map(\.file) == ["post.txt"])
    }

    @Test func fixingEitherArticleBringsTheOtherBack() async throws {
        let folder = try SiteTestFolder()
        try folder.write("---\ntitle: Older\ndate: 2024-01-01\nslug: same\n---\nOld.\n", to: "one.md")
        let site = try folder.site()
        #expect(try await site.buildAll().entryCount == 1)
        // crier watch: a new file takes an existing link.
        try folder.write("---\ntitle: Newer\ndate: 2024-02-01\nslug: same\n---\nNew.\n", to: "two.md")
        let clash = try await site.update(changedPaths: ["two.md"])
        #expect(clash.entryCount == 1 && clash.failed.map(\.file) == ["two.md"])
        #expect(!(try folder.feed("rss.xml")).contains("<title>Newer</title>"))
        // The newer one gets its own slug: both are published.
        try folder.write("---\ntitle: Newer\ndate: 2024-02-01\nslug: other\n---\nNew.\n", to: "two.md")
        let fixed = try await site.update(changedPaths: ["two.md"])
        #expect(fixed.entryCount == 2 && fixed.failed.isEmpty)
        // Clash again, then the older one is deleted: the newer one is published in its place.
        try folder.write("---\ntitle: Newer\ndate: 2024-02-01\nslug: same\n---\nNew.\n", to: "two.md")
        #expect(try await site.update(changedPaths: ["two.md"]).entryCount == 1)
        try folder.remove("one.md")
        let replaced = try await site.update(changedPaths: ["one.md"])
        #expect(replaced.entryCount == 1 && replaced.failed.isEmpty)
        #expect(try folder.feed("rss.xml").contains("<title>Newer</title>"))
    }

    @Test func watchLogsANewClashOnceNamingBothFiles() async throws {
        let folder = try SiteTestFolder()
        try folder.write("---\ntitle: Older\ndate: 2024-01-01\nslug: same\n---\nOld.\n", to: "one.md")
        let capture = MessageCapture()
        let site = try Site(source: folder.source, output: folder.output, logger: capture.logger)
        _ = try await site.buildAll()
        try folder.write("---\ntitle: Newer\ndate: 2024-02-01\nslug: same\n---\nNew.\n", to: "two.md")
        _ = try await site.update(changedPaths: ["two.md"])
        try folder.write("---\ntitle: Newer, edited\ndate: 2024-02-01\nslug: same\n---\nNew.\n", to: "two.md")
        _ = try await site.update(changedPaths: ["two.md"])
        let clashes = capture.messages.withLock { $0 }.filter { $0.contains("same link") }
        #expect(clashes.count == 1)
        #expect(clashes.first?.contains("two.md") == true && clashes.first?.contains("one.md") == true)
    }

    @Test func strictBuildCountsALeftOutArticle() async throws {
        let folder = try SiteTestFolder()
        try folder.write("---\ntitle: A\ndate: 2024-01-01\nslug: x\n---\nA.\n", to: "a.md")
        try folder.write("---\ntitle: B\ndate: 2024-01-02\nslug: x\n---\nB.\n", to: "b.md")
        await #expect(throws: PipelineError.self) { try await folder.site().buildAll(strict: true) }
        #expect(!FileManager.default.fileExists(atPath: folder.output.appendingPathComponent("atom.xml").path))
    }

    @Test func entriesOfOneInstantGetUpdatedSecondsInPathOrder() async throws {
        let folder = try SiteTestFolder()
        for name in ["c", "a", "b"] { try folder.write(SiteTestFolder.article("Post \(name)", date: "2024-07-01"), to: "\(name).md") }
        try folder.write(SiteTestFolder.article("Next second", date: "2024-07-01T00:00:01Z"), to: "d.md")
        _ = try await folder.site().buildAll()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(folder.feed("feed.json").utf8)) as? [String: Any])
        let items = try #require(json["items"] as? [[String: Any]])
        var updated: [String: String] = [:]
        var published: [String: String] = [:]
        for item in items {
            updated[item["title"] as? String ?? ""] = item["date_modified"] as? String
            published[item["title"] as? String ?? ""] = item["date_published"] as? String
        }
        // a keeps the instant; b, c and the article stated one second later move past it, in path order.
        #expect(
            updated == [
                "Post a": "2024-07-01T00:00:00Z", "Post b": "2024-07-01T00:00:01Z",
                "Post c": "2024-07-01T00:00:02Z", "Next second": "2024-07-01T00:00:03Z",
            ])
        #expect(published["Post c"] == "2024-07-01T00:00:00Z", "published stays as the article states it")
    }
}

/// Keeps every message a `Site` logs.
final class MessageCapture: Sendable {
    let messages = Mutex<[String]>([])

    var logger: Logger {
        var logger = Logger(label: "capture") { _ in Handler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    struct Handler: LogHandler {
        let capture: MessageCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(
            level: Logger.Level, message: Logger.Message, metadata: Logger.Metadata?, source: String, file: String,
            function: String, line: UInt
        ) {
            capture.messages.withLock { $0.append("\(level): \(message)") }
        }
    }
}
