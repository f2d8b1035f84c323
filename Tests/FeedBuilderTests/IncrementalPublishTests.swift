import FeedBuilder
import FeedModel
import Foundation
import Testing

/// Republishing with a `PreparedEntryCache`: only changed entries are cleaned, only pages whose entries or
/// files changed are rendered and validated, and the result is byte for byte what a fresh publish writes.
@Suite struct IncrementalPublishTests {
    let fileManager = FileManager.default

    /// 35 entries with `limit: 10`: per format the main feed (26…35) and archive pages 1 (1…10), 2 (11…20)
    /// and 3 (21…25).
    func publisher(_ directory: URL, limit: Int = 10) -> FeedPublisher {
        FeedPublisher(description: Fixtures.description(limit: limit), outputDirectory: directory, cache: PreparedEntryCache())
    }

    func names(_ stems: [String]) -> [String] {
        stems.flatMap { ["rss\($0).xml", "atom\($0).xml", "feed\($0).json"] }.sorted()
    }

    func contents(of directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try Fixtures.fileNames(in: directory) {
            result[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return result
    }

    @Test func theCacheCleansOnlyNewOrChangedEntriesAndForgetsTheRest() throws {
        let builder = FeedBuilder(description: Fixtures.description(limit: 10))
        let cache = PreparedEntryCache()
        var entries = Fixtures.entries(20)
        #expect(try builder.prepare(entries, cache: cache).cleanedCount == 20)
        #expect(try builder.prepare(entries.reversed(), cache: cache).cleanedCount == 0)
        entries[3].contentHTML = "<p>Rewritten <script>alert(1)</script>body.</p>"
        let edited = try builder.prepare(entries, cache: cache)
        #expect(edited.cleanedCount == 1)
        // What the cache hands back is what cleaning everything gives.
        #expect(edited.entries == (try builder.prepare(entries)).entries)
        #expect(!edited.entries.contains { $0.contentHTML.contains("script") })
        #expect(try builder.prepare(Array(entries.prefix(5)), cache: cache).cleanedCount == 0)
        #expect(cache.count == 5)
        #expect(try builder.prepare(entries, cache: cache).cleanedCount == 15)
    }

    @Test func textInAnotherUnicodeNormalFormIsCleanedAgain() throws {
        let builder = FeedBuilder(description: Fixtures.description(formats: [.atom]))
        let cache = PreparedEntryCache()
        let composed = Fixtures.entry(1, html: "<p>caf\u{E9}</p>")
        let decomposed = Fixtures.entry(1, html: "<p>cafe\u{301}</p>")
        #expect(composed == decomposed)  // why `==` is not enough for a cache hit
        _ = try builder.prepare([composed], cache: cache)
        let feed = try builder.prepare([decomposed], cache: cache)
        #expect(feed.cleanedCount == 1)
        #expect(Array(feed.entries[0].contentHTML.utf8) == Array("<p>cafe\u{301}</p>".utf8))
    }

    @Test func oneEditRendersOnlyThePagesHoldingIt() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? fileManager.removeItem(at: directory) }
        let publisher = publisher(directory)
        var entries = Fixtures.entries(35)
        let first = try publisher.publish(entries)
        #expect(first.rendered == names(["", "-archive-1", "-archive-2", "-archive-3"]))
        #expect(first.written == first.rendered && first.cleaned == 35)

        let again = try publisher.publish(entries.shuffled())
        #expect(again.rendered.isEmpty && again.written.isEmpty && again.cleaned == 0)
        #expect(again.unchanged == first.written)

        entries[4].title = "Entry 5, edited"  // archive page 1 holds entries 1…10
        let archived = try publisher.publish(entries)
        #expect(archived.cleaned == 1)
        #expect(archived.rendered == names(["-archive-1"]))
        #expect(archived.written == names(["-archive-1"]))
        #expect(
            try String(contentsOf: directory.appendingPathComponent("atom-archive-1.xml"), encoding: .utf8)
                .contains("Entry 5, edited"))

        entries[34].contentHTML = "<p>The newest entry, edited.</p>"
        #expect(try publisher.publish(entries).rendered == names([""]))

        // A new entry moves entry 26 from the main feed to archive page 3; pages 1 and 2 keep their entries
        // although their positions in the feed shifted.
        entries.append(Fixtures.entry(36))
        let added = try publisher.publish(entries)
        #expect(added.rendered == names(["", "-archive-3"]))
        #expect(added.unchanged == names(["-archive-1", "-archive-2"]))
    }

    @Test("An edit renders again only the edited entry's fragments; the others of the main pages are carried over")
    func mainPageFragmentsAreCarriedToTheNextPublish() throws {
        let directory = try Fixtures.temporaryDirectory()
        let fresh = try Fixtures.temporaryDirectory()
        defer { for folder in [directory, fresh] { try? fileManager.removeItem(at: folder) } }
        let publisher = publisher(directory)
        var entries = Fixtures.entries(35)
        #expect(try publisher.publish(entries).fragmentsRendered == 35 * 3)
        entries[34].contentHTML = "<p>The newest entry, edited.</p>"
        let edited = try publisher.publish(entries)
        #expect(edited.rendered == names([""]))
        #expect(edited.fragmentsRendered == 3)
        // The same entry edited back: its old identity is gone, so its fragments are rendered, never reused stale.
        entries[34] = Fixtures.entries(35)[34]
        entries[30].title = "Entry 31, edited"
        let back = try publisher.publish(entries)
        #expect(back.fragmentsRendered == 6)
        _ = try FeedPublisher(description: Fixtures.description(limit: 10), outputDirectory: fresh).publish(entries)
        #expect(try contents(of: directory) == contents(of: fresh))
    }

    @Test func incrementalOutputIsByteIdenticalToAFreshPublish() throws {
        let directory = try Fixtures.temporaryDirectory()
        let copy = try Fixtures.temporaryDirectory()
        let fresh = try Fixtures.temporaryDirectory()
        defer { for folder in [directory, copy, fresh] { try? fileManager.removeItem(at: folder) } }
        let publisher = publisher(directory)
        var entries = Fixtures.entries(35)
        _ = try publisher.publish(entries)
        entries[0].summary = "A summary now."
        entries[20].authors = [Person(name: "Grace Hopper")]
        entries.removeLast(6)  // archive page 3 empties: the main feed takes entries 20…29
        _ = try publisher.publish(entries)
        entries.append(contentsOf: [Fixtures.entry(40), Fixtures.entry(41, title: "Forty-one")])
        let last = try publisher.publish(entries)
        #expect(last.rendered.count < 12)

        // A publisher with no memory, over a copy of the output: nothing to write, every byte already right.
        try fileManager.removeItem(at: copy)
        try fileManager.copyItem(at: directory, to: copy)
        let check = try FeedPublisher(description: Fixtures.description(limit: 10), outputDirectory: copy).publish(entries)
        #expect(check.written.isEmpty && check.removed.isEmpty)
        #expect(check.unchanged.count == (try Fixtures.fileNames(in: directory)).count)
        _ = try FeedPublisher(description: Fixtures.description(limit: 10), outputDirectory: fresh).publish(entries)
        #expect(try contents(of: directory) == contents(of: fresh))
    }

    @Test func aFileChangedBehindOurBackIsRenderedAndRewritten() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? fileManager.removeItem(at: directory) }
        let publisher = publisher(directory)
        let entries = Fixtures.entries(35)
        _ = try publisher.publish(entries)
        let expected = try contents(of: directory)

        // Same size, written in place (same inode), modification time put back: the change time still tells.
        let archive = directory.appendingPathComponent("rss-archive-2.xml")
        let modified = try fileManager.attributesOfItem(atPath: archive.path)[.modificationDate] as? Date
        let size = try #require(expected["rss-archive-2.xml"]).count
        let handle = try FileHandle(forWritingTo: archive)
        try handle.write(contentsOf: Data(repeating: UInt8(ascii: "x"), count: size))
        try handle.close()
        if let modified { try fileManager.setAttributes([.modificationDate: modified], ofItemAtPath: archive.path) }
        // Replaced by another file, and removed.
        try Data("<rss/>".utf8).write(to: directory.appendingPathComponent("atom.xml"), options: .atomic)
        try fileManager.removeItem(at: directory.appendingPathComponent("feed-archive-1.json"))

        let repaired = try publisher.publish(entries)
        let touched = ["atom.xml", "feed-archive-1.json", "rss-archive-2.xml"]
        #expect(repaired.rendered == touched)
        #expect(repaired.written == touched)
        #expect(try contents(of: directory) == expected)
    }

    @Test func aChangedDescriptionRendersEverything() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? fileManager.removeItem(at: directory) }
        var publisher = publisher(directory)
        let entries = Fixtures.entries(25)
        _ = try publisher.publish(entries)
        publisher.builder.description.title = "Renamed"
        let renamed = try publisher.publish(entries)
        #expect(renamed.rendered == names(["", "-archive-1", "-archive-2"]))
        #expect(renamed.written == renamed.rendered)
    }

    @Test func withoutACacheEveryPageIsRenderedEveryTime() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? fileManager.removeItem(at: directory) }
        let publisher = FeedPublisher(description: Fixtures.description(limit: 10), outputDirectory: directory)
        let entries = Fixtures.entries(25)
        _ = try publisher.publish(entries)
        let second = try publisher.publish(entries)
        #expect(second.rendered == names(["", "-archive-1", "-archive-2"]))
        #expect(second.written.isEmpty && second.cleaned == 25)
    }
}
