import CrierTestHelpers
import FeedModel
import Foundation
import Platform
import Testing

@testable import FeedBuilder

/// What one process published, remembered fragment by fragment (`PublishMemory`), lets the next render and check
/// only what changed, and never changes a byte or a finding of what a cold publish gives.
@Suite struct PublishMemoryTests {
    static let key = "test key"

    /// A publisher as a new process makes it: nothing in memory but what the saved file holds.
    static func freshPublisher(_ site: FeedDescription, output: URL, memoryFolder: URL) -> FeedPublisher {
        var publisher = FeedPublisher(description: site, outputDirectory: output, cache: PreparedEntryCache())
        publisher.memory = PublishMemory.load(from: memoryFolder, key: key, outputDirectory: output)
        return publisher
    }

    static func contents(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try DerivedFeedTests.files(in: folder) { result[name] = try Data(contentsOf: folder.appendingPathComponent(name)) }
        return result
    }

    @Test(
        "Fragments and verdicts remembered by earlier processes give the bytes and findings of feeds built from scratch",
        arguments: [1, 2, 3] as [UInt64])
    func rememberedEqualsFromScratch(seed: UInt64) throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (output, scratch, memoryFolder) = (
            root.appendingPathComponent("out"), root.appendingPathComponent("scratch"), root.appendingPathComponent("memory")
        )
        var entries = DerivedFeedTests.randomEntries(24, seed: seed)
        let site = Fixtures.description(limit: 8)
        for round in 0..<4 {
            switch round {
            case 1:
                entries[3].title = "Edited in round 2"
                entries[17].contentHTML = "<p>A new body</p>"
            case 2:
                // A fragment that passed before now draws a finding: it must be checked, not taken as passed.
                entries[5].updated = Timestamp(CivilTime(year: 2160, month: 1, day: 1), utcOffsetSeconds: 0)
                entries.append(Fixtures.entry(40, title: "Added in round 3"))
            case 3:
                entries.remove(at: 8)
            default:
                break
            }
            let derived = DerivedFeedTests.randomFeeds(entries, seed: seed, round: min(round, 1))
            let publisher = Self.freshPublisher(site, output: output, memoryFolder: memoryFolder)
            let report = try publisher.publish(entries, derived: derived)
            try publisher.memory?.save(in: memoryFolder, key: Self.key)
            let all = try DerivedFeedTests.fromScratch(entries, site: site, derived: derived, into: scratch)
            // A new process renders every page, so every finding of a scratch build is reported again.
            #expect(report.warnings.map(\.description).sorted() == all.map(\.description).sorted(), "round \(round)")
            if round == 2 {
                #expect(report.warnings.contains { $0.finding.rule == "ImplausibleDate" && $0.finding.message.contains("2160") })
            }
            #expect(try Self.contents(of: output) == Self.contents(of: scratch), "round \(round)")
            if round > 0 {
                #expect(report.fragmentsFromFiles > 0, "round \(round)")
                #expect(report.fragmentsRendered < report.fragmentsFromFiles, "round \(round): only changed entries are rendered")
            }
        }
    }

    /// Publishes 30 entries with a memory, saves it, and returns the folders.
    static func published(_ entries: [Entry], site: FeedDescription, root: URL) throws -> (output: URL, memory: URL) {
        let output = root.appendingPathComponent("out")
        let memoryFolder = root.appendingPathComponent("memory")
        let publisher = freshPublisher(site, output: output, memoryFolder: memoryFolder)
        _ = try publisher.publish(entries)
        try publisher.memory?.save(in: memoryFolder, key: key)
        return (output, memoryFolder)
    }

    /// Changes one entry's body in the published `atom.xml` to other bytes of the same length, as a hand edit
    /// would; returns the file.
    @discardableResult
    static func editAtomByHand(in output: URL) throws -> URL {
        let atom = output.appendingPathComponent("atom.xml")
        let text = try String(contentsOf: atom, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "Body of entry 12 ", with: "Body of entry XX ").utf8).write(to: atom)
        return atom
    }

    static func cold(_ entries: [Entry], site: FeedDescription, root: URL) throws -> [String: Data] {
        let folder = root.appendingPathComponent("cold-\(UUID().uuidString)")
        _ = try FeedPublisher(description: site, outputDirectory: folder).publish(entries)
        return try contents(of: folder)
    }

    enum Damage: String, CaseIterable, Sendable {
        case truncated, byteFlipped, empty, otherKey, otherOutputFolder
    }

    @Test(arguments: Damage.allCases)
    func aDamagedMemoryIsIgnoredWhole(damage: Damage) throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = Fixtures.description()
        var entries = Fixtures.entries(30)
        let (output, memoryFolder) = try Self.published(entries, site: site, root: root)
        let file = memoryFolder.appendingPathComponent(PublishMemory.fileName)
        #expect(PublishMemory.load(from: memoryFolder, key: Self.key, outputDirectory: output).documentCount == 3)
        var bytes = try Data(contentsOf: file)
        var key = Self.key
        var folder = output
        switch damage {
        case .truncated: bytes = bytes.prefix(bytes.count - 9)
        case .byteFlipped: bytes[bytes.count / 2] ^= 0x01
        case .empty: bytes = Data()
        case .otherKey: key = "another key"
        case .otherOutputFolder: folder = root.appendingPathComponent("elsewhere")
        }
        try bytes.write(to: file)
        #expect(PublishMemory.load(from: memoryFolder, key: key, outputDirectory: folder).documentCount == 0, "\(damage)")
        // And a publish over it renders everything, as a cold one.
        entries[4].title = "Edited"
        var publisher = FeedPublisher(description: site, outputDirectory: output, cache: PreparedEntryCache())
        publisher.memory = PublishMemory.load(from: memoryFolder, key: key, outputDirectory: folder)
        let report = try publisher.publish(entries)
        #expect(report.fragmentsFromFiles == 0 && report.fragmentsRendered == 90, "\(damage)")
        #expect(try Self.contents(of: output) == Self.cold(entries, site: site, root: root))
    }

    /// A small memory cut at every length is ignored; so is one cut and sealed again with a checksum that fits,
    /// which only the reader's own checks (lengths, counts, flags, the end) can find out.
    @Test func aMemoryCutAnywhereIsIgnored() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let (output, memoryFolder) = try Self.published(Fixtures.entries(2), site: Fixtures.description(), root: root)
        let bytes = Array(try Data(contentsOf: memoryFolder.appendingPathComponent(PublishMemory.fileName)))
        let folder = output.standardizedFileURL.path
        #expect(PublishMemory.decode(bytes, key: Self.key, outputDirectory: folder)?.count == 3)
        let body = bytes.dropLast(8)
        for cut in 0..<bytes.count {
            #expect(PublishMemory.decode(Array(bytes[0..<cut]), key: Self.key, outputDirectory: folder) == nil, "cut at \(cut)")
            guard cut < body.count else { continue }
            let part = Array(body[0..<cut])
            let sealed = part + withUnsafeBytes(of: FastChecksum.of(part).littleEndian) { Array($0) }
            #expect(PublishMemory.decode(sealed, key: Self.key, outputDirectory: folder) == nil, "cut at \(cut), sealed again")
        }
    }

    @Test func aFeedEditedByHandIsNotTakenFrom() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = Fixtures.description()
        var entries = Fixtures.entries(30)
        let (output, memoryFolder) = try Self.published(entries, site: site, root: root)
        // The same length, one body changed: the file's stamp no longer is the one recorded.
        try Self.editAtomByHand(in: output)
        entries[0].title = "Edited"
        let report = try Self.freshPublisher(site, output: output, memoryFolder: memoryFolder).publish(entries)
        // RSS and JSON Feed are taken from their files (but the edited entry); Atom is rendered whole.
        #expect(report.fragmentsFromFiles == 58 && report.fragmentsRendered == 32)
        #expect(try Self.contents(of: output) == Self.cold(entries, site: site, root: root))
    }

    @Test func aSliceWhoseBytesChangedUnderAnUnchangedStampIsRenderedAgain() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = Fixtures.description()
        var entries = Fixtures.entries(30)
        let (output, memoryFolder) = try Self.published(entries, site: site, root: root)
        let atom = try Self.editAtomByHand(in: output)
        // A memory claiming the edited file is the one written (as a disk losing bits would leave it): only the
        // slices' checksums can tell.
        let saved = PublishMemory.load(from: memoryFolder, key: Self.key, outputDirectory: output)
        var documents = saved.allDocuments
        documents["atom.xml"]?.stamp = try #require(FileStamp(regularFileAt: atom.path))
        let forged = PublishMemory(outputDirectory: output.standardizedFileURL.path, documents: documents)
        entries[0].title = "Edited"
        var publisher = FeedPublisher(description: site, outputDirectory: output, cache: PreparedEntryCache())
        publisher.memory = forged
        let report = try publisher.publish(entries)
        #expect(report.fragmentsFromFiles == 86 && report.fragmentsRendered == 4)
        #expect(forged.rejected == 1)
        #expect(try Self.contents(of: output) == Self.cold(entries, site: site, root: root))
    }

    @Test func everyFieldOfAnEntryIsInItsKey() throws {
        // `ContentKey(_:)` lists the entry's fields one by one; a field added to `Entry` must be added there too.
        #expect(Mirror(reflecting: Fixtures.entry(1)).children.count == 13)
        let cleaner = ContentCleaner()
        let base = Fixtures.entry(1)
        var variants: [Entry] = []
        for change in 0..<12 {
            var entry = base
            switch change {
            case 0: entry.id += "x"
            case 1: entry.title += "x"
            case 2: entry.link += "x"
            case 3: entry.published.secondsSinceEpoch += 1
            case 4: entry.updated.utcOffsetSeconds += 60
            case 5: entry.authors = [Person(name: "A")]
            case 6: entry.summary = "s"
            case 7: entry.contentHTML += " "
            case 8: entry.tags.append("t")
            case 9: entry.enclosures[0].length += 1
            case 10: entry.language = "fr"
            default: entry.imageURL = "https://example.org/i.png"
            }
            variants.append(entry)
        }
        var composed = base
        composed.title = "caf\u{E9}"
        var decomposed = base
        decomposed.title = "cafe\u{301}"
        let keys = ([base, composed, decomposed] + variants).map { ContentKey(PreparedEntry($0, cleaner: cleaner)) }
        #expect(Set(keys).count == keys.count)
        #expect(ContentKey(PreparedEntry(base, cleaner: cleaner)) == keys[0])
        // A body's name handed back covers the body alone: every other field still tells two entries apart.
        let body = ContentKey.body(of: PreparedEntry(base, cleaner: cleaner))
        let hinted = ([base, composed, decomposed] + variants).map { ContentKey(PreparedEntry($0, cleaner: cleaner), body: body) }
        #expect(hinted[0] == keys[0])
        let notInBody = [0, 1, 3, 4, 5, 8, 9, 10, 11].map { 3 + $0 }
        #expect(Set(([0, 1, 2] + notInBody).map { hinted[$0] }).count == 3 + notInBody.count)
    }

    @Test func bodyNamesHandedBackGiveTheKeysAndBytesOfHashingAgain() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let memoryFolder = root.appendingPathComponent("memory")
        let output = root.appendingPathComponent("out")
        var entries = DerivedFeedTests.randomEntries(20, seed: 7)
        let site = Fixtures.description(limit: nil)
        let publisher = Self.freshPublisher(site, output: output, memoryFolder: memoryFolder)
        let first = try publisher.publish(entries)
        try publisher.memory?.save(in: memoryFolder, key: Self.key)
        let names = try #require(first.bodyNames)
        #expect(names.count == entries.count)
        // The next process, one entry's `updated` moved (as the pipeline moves a tie), the names handed back.
        entries[4].updated.secondsSinceEpoch += 1
        let second = try Self.freshPublisher(site, output: output, memoryFolder: memoryFolder).publish(entries, bodyHints: names)
        #expect(second.bodyNames == names)
        #expect(second.fragmentsRendered > 0, "the entry whose updated moved is rendered again")
        #expect(try Self.contents(of: output) == Self.cold(entries, site: site, root: root))
    }

    @Test func contentKeysKeptAcrossPublishesAreThoseOfAFullRecomputationAndStayBounded() throws {
        // As the daemon calls it: entries prepared by one cache (real identities), one publish after another, with
        // entries edited, added and removed; every key must be the one hashing the entry afresh gives.
        let cleaner = ContentCleaner()
        let cache = PreparedEntryCache()
        let memory = PublishMemory(outputDirectory: FileManager.default.temporaryDirectory)
        var random = SeededGenerator(seed: 7)
        var entries = Fixtures.entries(40)
        var next = 41
        var largest = 0
        var rebuilt = false
        for round in 0..<300 {
            switch round % 10 {
            case 0:
                entries.append(Fixtures.entry(next))
                next += 1
            case 1 where entries.count > 30:
                entries.remove(at: Int.random(in: 0..<entries.count, using: &random))
            default:
                let index = Int.random(in: 0..<entries.count, using: &random)
                entries[index].title += " (edit \(round))"
            }
            let ordered = FeedBuilder.newestFirst(entries)
            let prepared = try #require(cache.prepare(ordered, cleaner: cleaner))
            let keys = memory.contentKeys(of: prepared.entries, identities: prepared.identities)
            #expect(keys.keys == prepared.entries.map { ContentKey($0) }, "round \(round)")
            #expect(keys.bodies == prepared.entries.map { ContentKey.body(of: $0) }, "round \(round)")
            rebuilt = rebuilt || memory.keptContentKeys < largest
            largest = max(largest, memory.keptContentKeys)
            // Stale keys are dropped once they outweigh the live ones: never more than twice the entries kept.
            #expect(memory.keptContentKeys <= 2 * prepared.entries.count, "round \(round)")
        }
        // Keys of identities gone are kept for a while (no rebuild per publish), then dropped: 300 publishes each
        // brought a new identity, far more than twice the entries.
        #expect(largest > entries.count + 10)
        #expect(rebuilt)
        // Without identities (no cache), every entry is hashed and nothing is kept.
        let plain = entries.map { PreparedEntry($0, cleaner: cleaner) }
        #expect(memory.contentKeys(of: plain, identities: nil).keys == plain.map { ContentKey($0) })
    }
}
