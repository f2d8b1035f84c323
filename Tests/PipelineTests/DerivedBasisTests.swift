import CrierTestHelpers
import FeedBuilder
import FeedModel
import Ingest
import Testing

@testable import Pipeline

/// A `SiteFeeds` kept across publishes hands back its last feeds when no entry's path, tags, authors or language
/// changed (`DerivedBasis`); these tests hold every answer of one kept over random edits to a fresh one's.
@Suite struct DerivedBasisTests {
    static let config = """
        title: Test Site
        base_url: https://test.example/
        author: Tess Author
        taxonomies:
          tags: true
          authors:
            min_entries: 1
          languages:
            min_entries: 1
        """

    /// Section folders ("" is the top of the source folder), tags with two spellings of one text (NFC and NFD,
    /// `Swift` and `swift`) and slugs that collide, authors and languages.
    static let folders = ["sport", "politics", "world", ""]
    static let tags = ["Swift", "swift", "caf\u{E9}", "cafe\u{301}", "C++", "c", "a b", "a-b", "日本語"]
    static let authors: [[Person]] = [[], [Person(name: "Zo\u{EB}")], [Person(name: "Zoe\u{308}")], [Person(name: "Ada"), Person(name: "Zo\u{EB}")]]
    static let languages: [String?] = [nil, "fr", "en", "FR"]

    static func pick<T>(_ items: [T], _ random: inout SeededGenerator) -> T { items[Int(random.next() % UInt64(items.count))] }

    static func entry(_ n: Int, random: inout SeededGenerator) -> Entry {
        var entry = Entry(
            id: "id-\(n)", title: "Entry \(n)", link: "https://test.example/\(n)/",
            published: Timestamp(secondsSinceEpoch: 1_700_000_000 + Int64(n) * 60, utcOffsetSeconds: 0), contentHTML: "<p>\(n)</p>")
        entry.tags = (0..<Int(random.next() % 3)).map { _ in pick(tags, &random) }
        entry.authors = pick(authors, &random)
        entry.language = pick(languages, &random)
        return entry
    }

    static func path(_ n: Int, random: inout SeededGenerator) -> String {
        let folder = pick(folders, &random)
        return folder.isEmpty ? "\(n).md" : folder + "/\(n).md"
    }

    /// The same text in new storage: equal bytes, other bits.
    static func copy(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

    /// Every byte of a derived feed: kind, members and the description written out.
    static func fingerprint(_ feeds: [DerivedFeed]) -> [[UInt8]] {
        feeds.map { Array(String(reflecting: $0).utf8) }
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func keptFeedsEqualFreshOnesOverRandomEdits(seed: UInt64) throws {
        let config = try SiteConfig(yaml: Self.config)
        var random = SeededGenerator(seed: seed)
        var entries: [Entry] = []
        var paths: [String] = []
        for n in 0..<30 {
            entries.append(Self.entry(n, random: &random))
            paths.append(Self.path(n, random: &random))
        }
        var next = 30
        let kept = SiteFeeds(config: config)
        var unchangedAnswers = 0
        for step in 0..<300 {
            let before = Self.fingerprint(try kept.derived(entries, paths: paths))
            let index = Int(random.next() % UInt64(entries.count))
            var groupingChanged = true
            switch random.next() % 10 {
            case 0, 1, 2:
                // What a save nearly always is: a body edited, the entry read again (new storage for every field).
                entries[index].contentHTML += " edited"
                entries[index].tags = entries[index].tags.map(Self.copy)
                entries[index].language = entries[index].language.map(Self.copy)
                paths[index] = Self.copy(paths[index])
                groupingChanged = false
            case 3:
                entries[index].tags = (0..<Int(random.next() % 3)).map { _ in Self.pick(Self.tags, &random) }
            case 4:
                // Another normal form of the same tags: equal as `String`s, not as bytes.
                entries[index].tags = entries[index].tags.map { $0.decomposedStringWithCanonicalMapping }
            case 5:
                entries[index].authors = Self.pick(Self.authors, &random)
                entries[index].language = Self.pick(Self.languages, &random)
            case 6:
                paths[index] = Self.path(index, random: &random)
            case 7:
                entries.insert(Self.entry(next, random: &random), at: index)
                paths.insert(Self.path(next, random: &random), at: index)
                next += 1
            case 8 where entries.count > 2:
                entries.remove(at: index)
                paths.remove(at: index)
            default:
                let other = Int(random.next() % UInt64(entries.count))
                entries.swapAt(index, other)
                paths.swapAt(index, other)
            }
            let answer = try kept.derived(entries, paths: paths)
            let fresh = try SiteFeeds(config: config).derived(entries, paths: paths)
            #expect(Self.fingerprint(answer) == Self.fingerprint(fresh), "seed \(seed), step \(step)")
            #expect(answer == fresh, "seed \(seed), step \(step)")
            if !groupingChanged {
                #expect(Self.fingerprint(answer) == before, "a body edit derives the same feeds, step \(step)")
                unchangedAnswers += 1
            }
        }
        #expect(unchangedAnswers > 50)
    }

    @Test("The basis is confirmed by storage for entries kept in memory, by bytes for entries read again")
    func basisComparesBytesNotCanonicalEquality() {
        var random = SeededGenerator(seed: 7)
        var entries = (0..<5).map { Self.entry($0, random: &random) }
        entries[2].tags = ["caf\u{E9}"]
        var paths = (0..<5).map { "sport/\($0).md" }
        var basis = DerivedBasis()
        let same1 = basis.update(entries, paths: paths)
        #expect(!same1)
        let same2 = basis.update(entries, paths: paths)
        #expect(same2)
        paths[1] = Self.copy(paths[1])
        entries[3].contentHTML = "<p>changed body</p>"
        let same3 = basis.update(entries, paths: paths)
        #expect(same3)
        entries[2].tags = ["cafe\u{301}"]
        let same4 = basis.update(entries, paths: paths)
        #expect(!same4, "an NFD tag is another tag's spelling, so the titles may change")
        let same5 = basis.update(entries, paths: paths)
        #expect(same5)
        paths[4] = "world/4.md"
        let same6 = basis.update(entries, paths: paths)
        #expect(!same6)
        let same7 = basis.update(Array(entries.dropLast()), paths: Array(paths.dropLast()))
        #expect(!same7)
    }
}
