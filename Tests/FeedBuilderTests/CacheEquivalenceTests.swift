import CrierTestHelpers
import FeedBuilder
import FeedModel
import Foundation
import Testing

/// A `PreparedEntryCache` patches its last result in place (one merge of the ordered lists) and keeps the
/// set of ids and the page plan; these tests hold every result to a fresh `prepare` without a cache, over
/// long random sequences of edits on hostile ids, bodies and tied dates.
@Suite struct CacheEquivalenceTests {
    /// Bodies that stress the cleaner and byte-exact comparison: two Unicode normal forms of one text, script,
    /// control characters, a CDATA end, a dangerous link, nothing at all.
    static let bodies = [
        "<p>caf\u{E9}</p>", "<p>cafe\u{301}</p>", "<script>alert(1)</script><p>x</p>", "<p>\u{1}\u{B}ctrl</p>",
        "<p>]]&gt; <![CDATA[ ]]> ]]></p>", "<a href=\"javascript:alert(2)\">j</a>", "",
        "<p>" + String(repeating: "word ", count: 200) + "</p>", "<table><tr><td>cell</td></tr></table>",
    ]

    /// Ids from `PrepareFastPathTests`' hostile list, plus two spellings of one id.
    static let ids = PrepareFastPathTests.hostileIDs + ["\u{E9}t\u{E9}", "e\u{301}te\u{301}"]

    /// A few instants only, so ties broken by id are common.
    static let instants: [Int64] = [0, 1_700_000_000, 1_700_000_000 + 1, 1_700_086_400]

    /// Every byte of an entry (`String(reflecting:)` keeps each string's own normal form), for counting
    /// which entries the cache must clean.
    static func fingerprint(_ entry: Entry) -> [UInt8] {
        Array(String(reflecting: entry).utf8)
    }

    /// Every byte of a prepared entry, the cleaned text included.
    static func fingerprint(_ prepared: PreparedEntry) -> [UInt8] {
        fingerprint(prepared.entry) + [0] + Array(prepared.contentHTML.utf8) + [0] + Array(prepared.rssDescription.utf8)
    }

    static func fingerprint(_ page: FeedPage) -> [UInt8] {
        Array(String(reflecting: page).utf8)
    }

    static func entry(_ n: Int, id: String, body: String, instant: Int64, offset: Int = 3600) -> Entry {
        Entry(
            id: id, title: "Entry \(n)", link: "https://example.org/\(n)/",
            published: Timestamp(secondsSinceEpoch: instant, utcOffsetSeconds: offset), contentHTML: body)
    }

    /// One random step: a few edits of the list (sometimes many, to take the rebuild path), possibly
    /// leaving an id used twice.
    static func edit(_ entries: inout [Entry], next: inout Int, random: inout SeededGenerator) {
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        let count = random.next() % 10 == 0 ? 40 : Int(random.next() % 3) + 1
        for _ in 0..<count {
            let index = entries.isEmpty ? 0 : Int(random.next() % UInt64(entries.count))
            // An empty list can only grow.
            switch entries.isEmpty ? 8 : random.next() % 9 {
            case 0, 1:
                entries[index].contentHTML = pick(bodies)
            case 2:
                entries[index].published = Timestamp(secondsSinceEpoch: pick(instants), utcOffsetSeconds: pick([0, 3600, -18_000]))
            case 3:
                entries.remove(at: index)
            case 4:
                // A copy under the same id, or the other spelling of a two-spelling id: a duplicate.
                var copy = entries[index]
                copy.title = "copy"
                if copy.id == "\u{E9}t\u{E9}" { copy.id = "e\u{301}te\u{301}" }
                entries.append(copy)
            case 5:
                // Same key, other bytes: the title decomposed and given one more combining mark.
                entries[index].title = entries[index].title.decomposedStringWithCanonicalMapping + "\u{301}"
            case 6:
                entries.shuffle(using: &random)
            default:
                next += 1
                let id = next < ids.count ? ids[next] : "id-\(next)"
                entries.insert(entry(next, id: id, body: pick(bodies), instant: pick(instants)), at: index)
            }
        }
    }

    @Test(arguments: [1, 2, 3])
    func everyResultEqualsAFreshPrepare(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let cache = PreparedEntryCache()
        let builders = [
            FeedBuilder(description: Fixtures.description(limit: 7)),
            FeedBuilder(description: Fixtures.description(limit: 7), cleaner: ContentCleaner(textLimit: 40)),
            FeedBuilder(description: Fixtures.description(formats: [.atom], limit: 3)),
        ]
        var entries = (0..<30).map {
            Self.entry(
                $0, id: Self.ids[$0 % Self.ids.count] + "\($0)", body: Self.bodies[$0 % Self.bodies.count],
                instant: Self.instants[$0 % Self.instants.count])
        }
        var next = 100
        var builder = builders[0]
        // What the cache holds: the entries of the last prepare that succeeded with it.
        var remembered: Set<[UInt8]> = []
        for step in 0..<120 {
            if step > 0 { Self.edit(&entries, next: &next, random: &random) }
            var switched = false
            if random.next() % 15 == 0 {
                let other = builders[Int(random.next() % UInt64(builders.count))]
                switched = other.cleaner.textLimit != builder.cleaner.textLimit
                builder = other
            }
            let fresh = Result { () throws(PublishError) in try builder.prepare(entries) }
            let cached = Result { () throws(PublishError) in try builder.prepare(entries, cache: cache) }
            switch (fresh, cached) {
            case let (.success(fresh), .success(cached)):
                // Compared as one Bool each, so a failure names the step instead of printing every byte.
                let sameEntries = fresh.entries.map(Self.fingerprint) == cached.entries.map(Self.fingerprint)
                let samePages = fresh.pages.map(Self.fingerprint) == cached.pages.map(Self.fingerprint)
                #expect(sameEntries, "step \(step): entries differ")
                #expect(samePages, "step \(step): pages differ")
                // Only entries the cache did not hold byte for byte were cleaned.
                let held = switched ? [] : remembered
                let expected = entries.filter { !held.contains(Self.fingerprint($0)) }.count
                #expect(cached.cleanedCount == expected, "step \(step)")
                #expect(cache.count == entries.count, "step \(step)")
                remembered = Set(entries.map(Self.fingerprint))
            case let (.failure(freshError), .failure(cachedError)):
                #expect(freshError == cachedError, "step \(step)")
                // The cache kept what it had, for the textLimit it had.
                if switched { remembered = [] }
            default:
                Issue.record("step \(step): fresh \(fresh), cached \(cached)")
            }
            // Fix duplicates now and then, so most steps succeed.
            if random.next() % 2 == 0 {
                var seen = Set<String>()
                entries = entries.filter { seen.insert($0.id).inserted }
            }
        }
    }

    @Test func aDuplicateIdLeavesTheCacheAsItWas() throws {
        let builder = FeedBuilder(description: Fixtures.description(limit: 5))
        let cache = PreparedEntryCache()
        let entries = Fixtures.entries(20)
        #expect(try builder.prepare(entries, cache: cache).cleanedCount == 20)
        var doubled = entries
        doubled[4].contentHTML = "<p>changed</p>"
        doubled.append(entries[7])
        #expect(throws: PublishError.self) { try builder.prepare(doubled, cache: cache) }
        #expect(cache.count == 20)
        #expect(try builder.prepare(entries, cache: cache).cleanedCount == 0)
    }

    @Test func manyChangesAtOnceEqualAFreshPrepare() throws {
        let builder = FeedBuilder(description: Fixtures.description(limit: 10))
        let cache = PreparedEntryCache()
        var entries = Fixtures.entries(200)
        _ = try builder.prepare(entries, cache: cache)
        // Every other entry removed, 50 added, 30 edited: past the in-place limit.
        entries = entries.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        entries += (300..<350).map { Fixtures.entry($0) }
        for index in stride(from: 0, to: 90, by: 3) { entries[index].contentHTML = "<p>edited \(index)</p>" }
        let cached = try builder.prepare(entries, cache: cache)
        let fresh = try builder.prepare(entries)
        #expect(cached.cleanedCount == 80)
        #expect(cached.entries.map(Self.fingerprint) == fresh.entries.map(Self.fingerprint))
        #expect(cached.pages == fresh.pages)
    }

    @Test func pagesFollowTheOutputsNormalForm() throws {
        let cache = PreparedEntryCache()
        let entries = Fixtures.entries(12)
        func description(_ name: String) -> FeedDescription {
            var description = Fixtures.description(formats: [.atom], limit: 5)
            description.outputs = [FeedOutput(format: .atom, fileName: name, url: Fixtures.home + name)]
            return description
        }
        let composed = "caf\u{E9}.xml"
        let decomposed = "cafe\u{301}.xml"
        _ = try FeedBuilder(description: description(composed)).prepare(entries, cache: cache)
        let feed = try FeedBuilder(description: description(decomposed)).prepare(entries, cache: cache)
        #expect(
            feed.pages.map { Array($0.fileName.utf8) }
                == [decomposed, "cafe\u{301}-archive-1.xml", "cafe\u{301}-archive-2.xml"].map { Array($0.utf8) })
        #expect(feed.pages.map { Array($0.url.utf8) } == feed.pages.map { Array((Fixtures.home + $0.fileName).utf8) })
        // Fewer entries: the plan is made again.
        let fewer = try FeedBuilder(description: description(decomposed)).prepare(Array(entries.prefix(4)), cache: cache)
        #expect(fewer.pages.count == 1)
    }
}
