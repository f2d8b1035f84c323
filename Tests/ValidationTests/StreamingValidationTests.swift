import Foundation
import Testing

@testable import Validation

/// `FeedValidator.validate(fileAtPath:)` reads XML a piece at a time and JSON Feed an item at a time; its
/// report must equal `validate(bytes:)`'s for the same file.
@Suite struct StreamingValidationTests {
    /// Writes bytes to a fresh temp file and returns its path.
    static func file(_ bytes: [UInt8], name: String = "feed.xml") throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("crier-streaming-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// The report of the bytes of the file at `path`, located as `validate(fileAtPath:)` locates a file: at its
    /// own absolute self link, else at its `file:` URL.
    static func inMemory(_ bytes: [UInt8], at path: String) -> ValidationReport {
        let location = XMLFeedCheck.selfLink(in: bytes) ?? URL(fileURLWithPath: path).standardizedFileURL.absoluteString
        return FeedValidator.validate(bytes: bytes, options: ValidationOptions(documentURI: location))
    }

    static func fixturePath(_ name: String) throws -> String {
        try #require(FixtureTests.directory).appendingPathComponent(name).path
    }

    @Test(arguments: FixtureTests.fixtureNames)
    func everyFixtureGetsTheSameReportFromTheFile(name: String) throws {
        let path = try Self.fixturePath(name)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let inMemory = Self.inMemory(Array(bytes), at: path)
        let fromFile = FeedValidator.validate(fileAtPath: path)
        #expect(
            fromFile == inMemory, "\(name):\n  file:   \(fromFile.findings.map(\.description))\n  memory: \(inMemory.findings.map(\.description))")
    }

    /// Large documents are read from the file a piece at a time (1 MB); the report must be the one the whole
    /// bytes give, for valid feeds and for a broken entry at a piece boundary or anywhere else.
    @Test(arguments: [nil, 0, 499, 1_700, 2_099])
    func largeFeedsGetTheSameReportFromTheFile(brokenAt index: Int?) throws {
        for bytes in [LargeDocumentTests.atom(brokenAt: index), LargeDocumentTests.rss(brokenAt: index)] {
            let path = try Self.file(bytes)
            let report = FeedValidator.validate(fileAtPath: path)
            #expect(report == Self.inMemory(bytes, at: path))
            #expect(report.hasErrors == (index != nil), "\(report.findings.map(\.description))")
        }
    }

    /// Rule findings in many entries, past the per-rule limit and past line 65,535 (where libxml2 needs
    /// BIG_LINES), come out the same streamed as in memory.
    @Test func ruleFindingsPastTheLimitAndLine65535AreTheSame() throws {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel><title>Big</title><link>https://example.org/</link><description>d</description>

            """
        for index in 0..<12_000 {
            // Every 50th item repeats a guid (240, past the limit of 100); every 70th of the last 1,000 has a
            // wrong weekday (past line 65,535); each item takes 6 lines.
            let guid = index % 50 == 49 ? "https://example.org/p/0" : "https://example.org/p/\(index)"
            let day = index % 70 == 69 && index >= 11_000 ? "Mon" : "Tue"
            text +=
                "<item>\n<title>Post \(index)</title>\n<guid>\(guid)</guid>\n<pubDate>\(day), 05 Mar 2024 09:30:00 +0000</pubDate>\n"
                + "<description>&lt;p&gt;Body&lt;/p&gt;</description>\n</item>\n"
        }
        text += "<atom:link rel=\"self\" href=\"https://example.org/rss.xml\"/></channel></rss>\n"
        let bytes = Array(text.utf8)
        let path = try Self.file(bytes)
        let streamed = FeedValidator.validate(fileAtPath: path)
        let inMemory = Self.inMemory(bytes, at: path)
        #expect(streamed == inMemory)
        #expect(streamed.findings.contains { $0.rule == "IncorrectDOW" && $0.line > 65_535 })
    }

    @Test func atomEntriesAreReportedLikeBytes() throws {
        let text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>https://example.org/</id>
            <updated>2024-03-05T09:30:00Z</updated><link href="relative/page"/><link href="other"/>
            <entry><title>a</title><id>https://example.org/1</id><updated>2024-03-05T09:30:00Z</updated>
            <content>x</content></entry>
            <entry><title>b</title><id>https://example.org/1</id><updated>2024-03-05T09:30:00Z</updated>
            <author><name>A</name></author><link href="https://example.org/b"/></entry>
            </feed>

            """
        let bytes = Array(text.utf8)
        let path = try Self.file(bytes)
        let streamed = FeedValidator.validate(fileAtPath: path)
        #expect(streamed == Self.inMemory(bytes, at: path))
        #expect(streamed.findings.contains { $0.rule == "DuplicateEntries" }, "\(streamed.findings.map(\.description))")
    }

    @Test func jsonFeedsAndUnreadableFilesAreReportedLikeBytes() throws {
        let json = Array(#"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": []}"#.utf8)
        let path = try Self.file(json, name: "feed.json")
        #expect(FeedValidator.validate(fileAtPath: path) == FeedValidator.validate(bytes: json))
        let missing = FeedValidator.validate(fileAtPath: path + ".missing")
        #expect(missing.hasErrors)
        #expect(missing.findings.first?.message.contains("feed.json.missing") == true)
    }

    @Test(arguments: FixtureTests.fixtureNames.filter { $0.hasSuffix(".json") })
    func jsonFixturesAreStreamed(name: String) throws {
        let path = try Self.fixturePath(name)
        let bytes = try #require(FileManager.default.contents(atPath: path))
        let inMemory = FeedValidator.validate(bytes: Array(bytes))
        let streamed = StreamingJSONFeed.report(path: path, session: nil)
        if inMemory.format == .json {
            #expect(streamed == inMemory, "\(name): \(streamed?.findings.map(\.description) ?? ["fell back"])")
        } else {
            #expect(streamed == nil, "\(name)")
        }
    }

    /// Items written before the feed's members, strings holding brackets, commas and escaped quotes, nested
    /// arrays, duplicate ids past the per-rule limit: streamed item by item, the report is the in-memory one.
    @Test func largeJSONFeedsAreStreamedItemByItem() throws {
        var items: [String] = []
        for index in 0..<1_500 {
            let id = index % 10 == 9 ? "dup" : "https://example.org/p/\(index)"
            let url = index == 700 ? "not a url" : "https://example.org/p/\(index)"
            items.append(
                #"{"id": "\#(id)", "url": "\#(url)", "content_html": "<p>[a, {b}] \\\"q\\\" \#(index)</p>", "#
                    + #""tags": [["x", "y"], {"k": [1, 2]}], "date_published": "2024-03-05T09:30:00Z"}"#)
        }
        let text =
            #"{"items": [\#n  "# + items.joined(separator: ",\n  ") + #"\#n], "version": "https://jsonfeed.org/version/1.1", "#
            + #""title": "Big", "home_page_url": "https://example.org/"}"#
        let bytes = Array(text.utf8)
        let path = try Self.file(bytes, name: "feed.json")
        let streamed = try #require(StreamingJSONFeed.report(path: path, session: nil))
        let inMemory = FeedValidator.validate(bytes: bytes)
        #expect(inMemory.format == .json)
        #expect(streamed == inMemory)
        #expect(streamed.findings.contains { $0.rule == "DuplicateEntries" && $0.message.contains("more") })
        #expect(streamed.findings.contains { $0.rule == "InvalidFullLink" && $0.message.contains("items[700]") })
        #expect(streamed.findings.first?.rule == "MissingSelf", "feed-level findings come before item findings")
    }

    @Test(arguments: [
        #"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [{"id": "a"},]}"#,
        #"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [{"id": "a"}]} x"#,
        #"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [{"id": "a"}], "items": []}"#,
        #"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [{"id": "a" "b"}]}"#,
        #"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [{"id": "a"}]"#,
        #"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": 3}"#,
        #"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "it\u0065ms": [{"id": "a"}]}"#,
        #"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": [1, "two", {"id": "a"}]}"#,
    ])
    func oddJSONGetsTheInMemoryReport(text: String) throws {
        let bytes = Array(text.utf8)
        let path = try Self.file(bytes, name: "feed.json")
        #expect(FeedValidator.validate(fileAtPath: path) == FeedValidator.validate(bytes: bytes))
    }
}
