import CrierTestHelpers
import FeedBuilder
import FeedModel
import Foundation
import Testing
import Validation

/// Derived feeds (sections, tags, …) published beside the site feed by one publish.
@Suite struct DerivedFeedTests {
    /// A feed of some of the entries, in folder `name`.
    static func derived(
        _ name: String, members: [Int], limit: Int? = nil, content: ContentMode = .full, maxBytes: Int? = nil,
        language: String? = "en", authors: [Person]? = nil, kind: FeedKind = .section
    ) -> DerivedFeed {
        var description = Fixtures.description(limit: limit)
        description.title = "Example & Co: \(name)"
        description.homePageURL = Fixtures.home + name + "/"
        description.outputs = description.outputs.map { output in
            FeedOutput(format: output.format, fileName: name + "/" + output.fileName, url: Fixtures.home + name + "/" + output.fileName)
        }
        description.content = content
        description.maxBytes = maxBytes
        description.language = language
        if let authors { description.authors = authors }
        return DerivedFeed(kind: kind, description: description, members: members)
    }

    @Test("A derived feed holds only its entries, in its folder, and each fragment is rendered once per variant")
    func derivedFeedsShareFragments() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let entries = Fixtures.entries(10)
        let publisher = FeedPublisher(description: Fixtures.description(), outputDirectory: directory)
        let report = try publisher.publish(
            entries,
            derived: [
                Self.derived("even", members: Array(stride(from: 1, to: 10, by: 2))),
                Self.derived("odd", members: Array(stride(from: 0, to: 10, by: 2))),
                Self.derived("digest", members: Array(0..<10), content: .summary),
            ])
        // Three formats in full (site, even, odd share them) and three in summary: 10 entries each.
        #expect(report.fragmentsRendered == 60)
        #expect(report.feeds.map(\.title) == ["Example & Co", "Example & Co: even", "Example & Co: odd", "Example & Co: digest"])
        let even = try String(contentsOf: directory.appendingPathComponent("even/atom.xml"), encoding: .utf8)
        #expect(even.contains(#"<link rel="self" type="application/atom+xml" href="https://example.org/even/atom.xml"/>"#))
        #expect(even.components(separatedBy: "<entry>").count - 1 == 5)
        #expect(even.contains("entry-2<") && !even.contains("entry-1<"))
        let digest = try String(contentsOf: directory.appendingPathComponent("digest/atom.xml"), encoding: .utf8)
        #expect(!digest.contains("<content") && digest.contains("<summary>"))
        let digestRSS = try String(contentsOf: directory.appendingPathComponent("digest/rss.xml"), encoding: .utf8)
        #expect(!digestRSS.contains("content:encoded>"))
        let digestJSON = try Fixtures.json(try AtomicFileRead.bytes(directory.appendingPathComponent("digest/feed.json")))
        let items = try #require(digestJSON["items"] as? [[String: Any]])
        #expect(items.count == 10 && items.allSatisfy { $0["content_html"] == nil && $0["content_text"] is String })
        #expect(report.warnings.isEmpty)
    }

    /// Entries with varied authors, languages and bodies, from a seed, and two that draw warnings: one dated
    /// 2150 (`ImplausibleDate`, in every document holding it) and one updated at the same instant as another
    /// (`DuplicateUpdated`, only in Atom documents holding both).
    static func randomEntries(_ count: Int, seed: UInt64) -> [Entry] {
        var random = SeededGenerator(seed: seed)
        return (1...count).map { n in
            var entry = Fixtures.entry(
                n, html: Int.random(in: 0..<4, using: &random) == 0 ? "<p>Short \(n) &amp; <em>more</em></p>" : nil,
                authors: Bool.random(using: &random) ? [] : [Person(name: "Writer \(n % 3)")],
                summary: Bool.random(using: &random) ? "Summary of \(n)" : nil)
            if n % 7 == 0 { entry.language = "fr" }
            if n == 12 { entry.updated = Fixtures.entry(13).updated }
            if n == 20 { entry.updated = Timestamp(CivilTime(year: 2150, month: 1, day: 1), utcOffsetSeconds: 0) }
            return entry
        }
    }

    /// The feeds of the differential test: sections, a French feed, a summary feed, feeds without authors (so
    /// Atom credits the site), archives, a budget.
    ///
    /// `g` and `h` hold one each of the two entries updated at one instant, so each passes alone; `i` holds both, and in
    /// round 2 it gains an entry, so it is checked again with both fragments known to have passed: only the check
    /// across entries can then find the clash.
    static func randomFeeds(_ entries: [Entry], seed: UInt64, round: Int) -> [DerivedFeed] {
        var random = SeededGenerator(seed: seed)
        func some() -> [Int] { entries.indices.filter { _ in Int.random(in: 0..<3, using: &random) > 0 } }
        return [
            derived("a", members: some(), limit: 4),
            derived("b", members: some(), limit: nil, language: "fr"),
            derived("c", members: some(), limit: 3, content: .summary),
            derived("d", members: some(), limit: nil, authors: []),
            derived("e", members: some(), limit: 5, maxBytes: 6_000, language: nil, authors: []),
            derived("f", members: Array(entries.indices), limit: 6, kind: .tag),
            derived("g", members: [11]),
            derived("h", members: [12]),
            derived("i", members: round == 0 ? [11, 12] : [5, 11, 12]),
        ]
    }

    /// Each feed built alone, from scratch: its own publisher (no cache, nothing known to have passed) with the
    /// feed as its only feed.
    static func fromScratch(_ entries: [Entry], site: FeedDescription, derived: [DerivedFeed], into directory: URL) throws -> [DocumentFinding] {
        var findings = try FeedPublisher(description: site, outputDirectory: directory).publish(entries).warnings
        for feed in derived {
            let members = feed.members.map { entries[$0] }
            findings += try FeedPublisher(description: feed.description, outputDirectory: directory).publish(members).warnings
        }
        return findings
    }

    @Test(
        "Reused fragments and validation verdicts give the bytes and findings of feeds built one by one from scratch",
        arguments: [1, 2, 3] as [UInt64])
    func reuseEqualsFromScratch(seed: UInt64) throws {
        let reused = try Fixtures.temporaryDirectory()
        let scratch = try Fixtures.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: reused)
            try? FileManager.default.removeItem(at: scratch)
        }
        var entries = Self.randomEntries(24, seed: seed)
        let site = Fixtures.description(limit: 8)
        // Kept across publishes, as `crier watch` keeps it: the second publish reuses what the first checked.
        let publisher = FeedPublisher(description: site, outputDirectory: reused, cache: PreparedEntryCache())
        for round in 0..<2 {
            if round == 1 {
                entries[3].title = "Edited in round 2"
                entries[17].contentHTML = "<p>A new body</p>"
            }
            let derived = Self.randomFeeds(entries, seed: seed, round: round)
            let report = try publisher.publish(entries, derived: derived)
            let all = try Self.fromScratch(entries, site: site, derived: derived, into: scratch)
            #expect(all.contains { $0.finding.rule == "DuplicateUpdated" }, "the fixture provokes a cross-entry finding")
            #expect(all.contains { $0.finding.rule == "ImplausibleDate" }, "the fixture provokes an entry's own finding")
            // A page whose entries and file did not change since the first round is not rendered or checked
            // again (so its findings are not repeated); every page that is, is judged as from scratch.
            let rendered = Set(report.rendered)
            let published = Set(try Self.files(in: reused))
            #expect(round == 0 ? rendered == published : rendered.count < published.count, "round 2 skips unchanged pages")
            let expected = all.filter { rendered.contains($0.fileName) }.map(\.description).sorted()
            #expect(report.warnings.map(\.description).sorted() == expected, "round \(round)")
            let files = try Self.files(in: reused)
            #expect(files == (try Self.files(in: scratch)), "round \(round)")
            for name in files {
                let left = try Data(contentsOf: reused.appendingPathComponent(name))
                let right = try Data(contentsOf: scratch.appendingPathComponent(name))
                #expect(left == right, "\(name) differs, round \(round)")
            }
        }
    }

    @Test("A budgeted feed cut again from remembered inputs is cut as from scratch after edits, growth and a new title")
    func rememberedBudgetCutsEqualFromScratch() throws {
        let reused = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: reused) }
        var entries = (1...30).map { Fixtures.entry($0, html: "<p>" + String(repeating: "word\($0) ", count: 60) + "</p>") }
        var site = Fixtures.description(limit: nil)
        site.maxBytes = 9_000
        var publisher = FeedPublisher(description: site, outputDirectory: reused, cache: PreparedEntryCache())
        for round in 0..<5 {
            switch round {
            case 1: entries[0].title = "Only the site feed holds this one"  // the derived feed's cut is remembered
            case 2: entries[9].contentHTML = "<p>" + String(repeating: "longer ", count: 400) + "</p>"  // its cut moves
            case 3: entries[9].contentHTML = "<p>" + String(repeating: "huge ", count: 3_000) + "</p>"  // over the budget
            case 4: publisher.builder.description.title = "A much longer title for the site, so less room for entries"
            default: break
            }
            let derived = [Self.derived("odd", members: Array(stride(from: 1, to: 30, by: 2)), maxBytes: 7_000)]
            let report = try publisher.publish(entries, derived: derived)
            let scratch = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: scratch) }
            let fresh = try FeedPublisher(description: publisher.builder.description, outputDirectory: scratch).publish(entries, derived: derived)
            #expect(report.oversized == fresh.oversized, "round \(round)")
            let files = try Self.files(in: reused)
            #expect(files == (try Self.files(in: scratch)), "round \(round)")
            #expect(files.count > 12, "the budget splits both feeds into pages")
            for name in files {
                let left = try Data(contentsOf: reused.appendingPathComponent(name))
                let right = try Data(contentsOf: scratch.appendingPathComponent(name))
                #expect(left == right, "\(name) differs, round \(round)")
            }
        }
    }

    /// Every document in a folder, relative, without the lists of feeds.
    static func files(in folder: URL) throws -> [String] {
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let name = enumerator?.nextObject() as? String {
            if name.hasSuffix(".xml") || name.hasSuffix(".json"), !name.hasPrefix(".") { files.append(name) }
        }
        return files.sorted()
    }

    @Test("max_bytes moves entries to archive pages, and an entry too big alone is reported and left out")
    func sizeBudget() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var entries = (1...30).map { Fixtures.entry($0, html: "<p>" + String(repeating: "word\($0) ", count: 200) + "</p>") }
        entries[4].contentHTML = "<p>" + String(repeating: "huge ", count: 20_000) + "</p>"
        var description = Fixtures.description(limit: nil)
        description.maxBytes = 20_000
        let publisher = FeedPublisher(description: description, outputDirectory: directory)
        let report = try publisher.publish(entries)
        #expect(report.oversized.map(\.entryID) == [entries[4].id])
        #expect(report.oversized.allSatisfy { $0.maxBytes == 20_000 && $0.bytes > 20_000 })
        var ids: [String] = []
        for name in report.written {
            let bytes = try Data(contentsOf: directory.appendingPathComponent(name))
            #expect(bytes.count <= 20_000, "\(name) has \(bytes.count) bytes")
            if name.hasPrefix("atom") {
                let text = String(decoding: bytes, as: UTF8.self)
                ids += text.components(separatedBy: "<id>tag:example.org,2024:").dropFirst().map { String($0.prefix { $0 != "<" }) }
            }
        }
        #expect(report.written.contains("atom-archive-1.xml"), "the budget cut the feed into pages")
        #expect(Set(ids) == Set(entries.indices.filter { $0 != 4 }.map { "entry-\($0 + 1)" }))
        #expect(ids.count == 29, "every entry but the oversized one on exactly one page")
    }

    @Test("feeds.opml lists every feed by kind, and a feed no longer produced is removed with its folder")
    func catalogueAndVanishedFeeds() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var publisher = FeedPublisher(description: Fixtures.description(limit: 2), outputDirectory: directory)
        publisher.writesCatalogue = true
        let entries = Fixtures.entries(6)
        let tag = Self.derived("tags/swift", members: [0, 1, 2, 3, 4], limit: 2, kind: .tag)
        let first = try publisher.publish(entries, derived: [Self.derived("news", members: [1, 2]), tag])
        let opml = try String(contentsOf: directory.appendingPathComponent("feeds.opml"), encoding: .utf8)
        #expect(opml.contains(#"<outline text="Sections">"#) && opml.contains(#"<outline text="Tags">"#))
        #expect(opml.contains(#"xmlUrl="https://example.org/tags/swift/atom.xml""#))
        #expect(!opml.contains("dateCreated"))
        #expect(first.written.contains("tags/swift/atom-archive-2.xml"))

        // The tag loses its articles: its feeds, archive pages and folders go; the section stays.
        let second = try publisher.publish(entries, derived: [Self.derived("news", members: [1, 2])])
        #expect(second.removed.contains("tags/swift/atom.xml") && second.removed.contains("tags/swift/rss-archive-1.xml"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("tags").path))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("news/atom.xml").path))
        let after = try String(contentsOf: directory.appendingPathComponent("feeds.opml"), encoding: .utf8)
        #expect(!after.contains("tags/swift") && after.contains("news/atom.xml"))
        let listed = try #require(FeedCatalogue.read(from: directory))
        #expect(listed.map(\.kind) == [.site, .section])

        // The same feeds again, after someone deleted the lists: the publisher puts both back, as they were.
        let list = try Data(contentsOf: directory.appendingPathComponent(FeedCatalogue.listName))
        try FileManager.default.removeItem(at: directory.appendingPathComponent("feeds.opml"))
        try Data("edited".utf8).write(to: directory.appendingPathComponent(FeedCatalogue.listName))
        _ = try publisher.publish(entries, derived: [Self.derived("news", members: [1, 2])])
        #expect(try String(contentsOf: directory.appendingPathComponent("feeds.opml"), encoding: .utf8) == after)
        #expect(try Data(contentsOf: directory.appendingPathComponent(FeedCatalogue.listName)) == list)
    }
}

/// Reads a whole file for a test.
enum AtomicFileRead {
    static func bytes(_ url: URL) throws -> [UInt8] {
        Array(try Data(contentsOf: url))
    }
}
