import FeedBuilder
import FeedModel
import Foundation
import Testing

/// Runs Python's feedparser (the parser behind many readers) on each emitted format: a second, independent
/// implementation reading our bytes.
@Suite struct FeedparserTests {
    struct Outcome: Decodable {
        var bozo: Bool
        var exception: String?
        var version: String
        var count: Int
        var firstTitle: String?
        var firstLink: String?
        var firstContent: String?
    }

    static let script = """
        import feedparser, json, sys
        d = feedparser.parse(sys.argv[1])
        e = d.entries[0] if d.entries else {}
        content = e.get("content", [{}])[0].get("value") if e else None
        print(json.dumps({"bozo": bool(d.bozo), "exception": str(d.get("bozo_exception")) if d.bozo else None,
                          "version": d.version, "count": len(d.entries), "firstTitle": e.get("title"),
                          "firstLink": e.get("link"), "firstContent": content}))
        """

    static let jsonScript = """
        import json, sys
        d = json.load(open(sys.argv[1], encoding="utf-8"))
        items = d["items"]
        print(json.dumps({"bozo": d.get("version") != "https://jsonfeed.org/version/1.1", "exception": None,
                          "version": d["version"], "count": len(items), "firstTitle": items[0].get("title") if items else None,
                          "firstLink": items[0].get("url") if items else None,
                          "firstContent": items[0].get("content_html") if items else None}))
        """

    func run(_ script: String, on file: URL) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python3 failed")
        return try JSONDecoder().decode(Outcome.self, from: data)
    }

    func entries() -> [Entry] {
        var entries = Fixtures.entries(12)
        entries[11] = Fixtures.entry(
            12, html: "<p>Caf&eacute; &amp; ]]&gt; <a href=\"rel/\">x</a><script>bad()</script></p>",
            title: "Café & \"quotes\" ]]> <tags>")
        return entries
    }

    @Test(arguments: [FeedFormat.rss, .atom])
    func feedparserReadsOurXMLWithoutComplaint(format: FeedFormat) throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(format.defaultFileName)
        try Data(try Fixtures.render(format, entries())).write(to: file)
        let outcome = try run(Self.script, on: file)
        #expect(!outcome.bozo, "feedparser: \(outcome.exception ?? "")")
        #expect(outcome.version == (format == .rss ? "rss20" : "atom10"))
        #expect(outcome.count == 12)
        #expect(outcome.firstTitle == "Café & \"quotes\" ]]> <tags>")
        #expect(outcome.firstLink == "https://example.org/posts/12/")
        #expect(outcome.firstContent?.contains("https://example.org/posts/12/rel/") == true)
        #expect(outcome.firstContent?.contains("bad()") == false)
    }

    @Test func feedparserReadsArchivePagesToo() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let feed = try FeedBuilder(description: Fixtures.description(formats: [.rss, .atom], limit: 5)).prepare(entries())
        for page in feed.pages {
            let file = directory.appendingPathComponent(page.fileName)
            try Data(try feed.bytes(of: page)).write(to: file)
            let outcome = try run(Self.script, on: file)
            #expect(!outcome.bozo, "\(page.fileName): \(outcome.exception ?? "")")
            #expect(outcome.count == page.entryRange.count)
        }
    }

    @Test func pythonJSONReadsOurJSONFeed() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("feed.json")
        try Data(try Fixtures.render(.json, entries())).write(to: file)
        let outcome = try run(Self.jsonScript, on: file)
        #expect(!outcome.bozo)
        #expect(outcome.count == 12)
        #expect(outcome.firstTitle == "Café & \"quotes\" ]]> <tags>")
        #expect(outcome.firstContent?.contains("bad()") == false)
    }
}
