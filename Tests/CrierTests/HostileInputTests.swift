import Foundation
import Testing

/// `crier build` on a folder of hostile files (Hostile/make_hostile.py): bad encodings, control characters,
/// markup that breaks CDATA and XML, scripts, empty, huge and binary files, broken front matter, impossible
/// dates, every script and emoji, odd names, deep folders and symlinks to a secret outside the folder.
@Suite(.serialized) struct HostileInputTests {
    /// What the fixture script says it made.
    struct Expected: Decodable {
        var source: String
        var secret: String
        var published: [String]
        var leftOut: [String]
        var failed: [String]
        var ignored: [String]
    }

    /// Entries the fixture must give; kept here as well as in expected.json so the script cannot drift alone.
    static let publishedCount = 34

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Hostile/make_hostile.py")
    }

    private func makeFixture(in folder: TemporaryFolder) throws -> Expected {
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", Self.script.path, folder.url.path])
        guard run.status == 0 else { throw ReaderCheck.CheckFailure(message: "make_hostile.py failed: \(run.standardError)") }
        return try JSONDecoder().decode(Expected.self, from: Data(contentsOf: folder.url.appendingPathComponent("expected.json")))
    }

    private func visibleFiles(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func hostileFolderBuildsPublishingTheGoodFilesAndNamingTheBadOnes() throws {
        let folder = try TemporaryFolder()
        let expected = try makeFixture(in: folder)
        #expect(expected.published.count == Self.publishedCount, "make_hostile.py lists \(expected.published.count) good files")
        let output = folder.url.appendingPathComponent("public")
        let run = try TimedProcess.crier([
            "build", expected.source, "--output", output.path, "--state", folder.url.appendingPathComponent("state.sqlite").path,
        ])
        #expect(!run.timedOut, "crier build did not finish within 60 s")
        #expect(!run.signalled, "crier build died by a signal: \(run.standardError.suffix(2000))")
        #expect(run.status == 0, "crier build exited \(run.status): \(run.standardError.suffix(4000))")
        #expect(run.standardOutput.hasPrefix("\(expected.published.count) entries,"), "summary: \(run.standardOutput)")

        // Every file that is not published gets exactly one line naming it, with a reason after the name.
        let lines = run.standardError.split(separator: "\n").map(String.init)
        for path in expected.failed + expected.leftOut {
            let naming = lines.filter { $0.contains(path + ":") }
            #expect(naming.count == 1, "\(path) is named by \(naming.count) lines: \(naming)")
            if let line = naming.first {
                #expect(line.hasPrefix("failed ") || line.hasPrefix("left out "), "not a failed or left-out line: \(line)")
                let reason = line.components(separatedBy: path + ":").last ?? ""
                #expect(reason.trimmingCharacters(in: .whitespaces).count > 10, "no reason given: \(line)")
            }
        }
        for path in expected.published {
            let reported = lines.filter { $0.contains(path + ":") && !$0.hasPrefix("warning ") }
            #expect(reported.isEmpty, "\(path) should be published: \(reported)")
        }
        for path in expected.ignored {
            #expect(!lines.contains { $0.contains(path) }, "\(path) is not an article file yet is reported")
        }

        // The site feeds and the list of feeds; each folder of the fixture is a section with feeds of its own.
        let files = visibleFiles(in: output).filter { !$0.contains(".") || $0.hasSuffix(".xml") || $0.hasSuffix(".json") || $0.hasSuffix(".opml") }
        let feeds = files.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".json") }
        #expect(feeds == ["atom.xml", "feed.json", "rss.xml"])
        #expect(files.contains("feeds.opml"))
        let sectionFeeds = (FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []).filter { name in
            name.contains("/") && (name.hasSuffix(".xml") || name.hasSuffix(".json"))
        }
        #expect(!sectionFeeds.isEmpty, "the fixture's folders are sections")
        for name in sectionFeeds.sorted() {
            let validation = try TimedProcess.crier(["validate", output.appendingPathComponent(name).path])
            #expect(validation.status == 0 && validation.standardOutput.isEmpty, "\(name): crier validate: \(validation.standardOutput.prefix(2000))")
        }
        for name in feeds {
            let file = output.appendingPathComponent(name)
            let validation = try TimedProcess.crier(["validate", file.path])
            #expect(
                validation.status == 0 && validation.standardOutput.isEmpty,
                "\(name): crier validate: \(validation.standardOutput.prefix(2000))")
            let readers = try ReaderCheck.check(file)
            #expect(!readers.feedparserBozo, "\(name): feedparser: \(readers.feedparserError ?? "")")
            #expect(readers.feedparserEntries == expected.published.count, "\(name): feedparser saw \(readers.feedparserEntries) entries")
            if let articles = readers.newsboatArticles {
                #expect(articles == expected.published.count, "\(name): newsboat saw \(articles) articles")
            }
            #expect(readers.newsboatError == nil, "\(name): newsboat: \(readers.newsboatError ?? "")")
        }

        // The secret behind the symlinks (and in a hidden file) reaches no output, log or feed.
        #expect(!run.standardOutput.contains(expected.secret) && !run.standardError.contains(expected.secret))
        let everything = FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []
        for name in everything {
            let data = (try? Data(contentsOf: output.appendingPathComponent(name))) ?? Data()
            #expect(data.range(of: Data(expected.secret.utf8)) == nil, "\(name) holds the secret")
        }

        // Hostile markup is neutralised, not only made valid: JSON Feed holds the HTML unescaped, so look there.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("feed.json"))) as? [String: Any]
        let items = json?["items"] as? [[String: Any]] ?? []
        #expect(items.count == expected.published.count)
        for item in items {
            let html = (item["content_html"] as? String ?? "").lowercased()
            for needle in ["<script", "onerror", "javascript:", "onload", "<iframe", "<object", "<embed", "<form", "\u{1B}", "\u{0}"] {
                #expect(!html.contains(needle), "\(item["title"] ?? "?") keeps \(needle.debugDescription) in its content")
            }
        }
    }

    @Test func strictBuildOfTheHostileFolderFailsWritingNothing() throws {
        let folder = try TemporaryFolder()
        let expected = try makeFixture(in: folder)
        let output = folder.url.appendingPathComponent("public")
        let run = try TimedProcess.crier([
            "build", expected.source, "--output", output.path, "--state", folder.url.appendingPathComponent("state.sqlite").path, "--strict",
        ])
        #expect(!run.timedOut && !run.signalled)
        #expect(run.status == 1, "crier build --strict exited \(run.status): \(run.standardError.suffix(2000))")
        #expect(run.standardError.contains("--strict"))
        #expect(visibleFiles(in: output).isEmpty, "--strict wrote \(visibleFiles(in: output))")
    }
}
