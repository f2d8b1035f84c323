import CrierTestHelpers
import FeedModel
import Testing

@testable import Pipeline

/// A table made in one go from an ingest's entries (`EntryTable.init(paths:entries:)`, which sorts once and takes
/// shortcuts when the paths come in order) must be the table that inserting the same entries one by one makes,
/// and must give what `publishable()` gives of it, whatever shares a link, an id or an `updated` instant.
@Suite struct EntryTableTests {
    /// Entries that share published seconds, links, ids and `updated` instants now and then.
    static func entries(count: Int, random: inout SeededGenerator) -> (paths: [String], entries: [Entry]) {
        var paths: [String] = []
        var entries: [Entry] = []
        for index in 0..<count {
            let day = Int64(random.next() % 5)
            let published = Timestamp(secondsSinceEpoch: 1_700_000_000 + day * 86_400, utcOffsetSeconds: 0)
            let updated = Timestamp(secondsSinceEpoch: 1_700_000_000 + Int64(random.next() % 7) * 86_400, utcOffsetSeconds: 0)
            let id = random.next() % 9 == 0 ? "tag:shared-id" : "tag:\(index)"
            let link = random.next() % 11 == 0 ? "https://x.example/shared/" : "https://x.example/\(index)/"
            paths.append(String(format: "p%03d.md", index))
            entries.append(Entry(id: id, title: "Post \(index)", link: link, published: published, updated: updated, contentHTML: "<p>\(index)</p>"))
        }
        return (paths, entries)
    }

    /// The same entries inserted one at a time.
    static func inserted(paths: [String], entries: [Entry]) -> EntryTable {
        var table = EntryTable()
        for (path, entry) in zip(paths, entries) { table[path] = entry }
        return table
    }

    static func expectSame(_ table: EntryTable, _ reference: EntryTable, _ comment: Comment) {
        #expect(table.orderedPaths == reference.orderedPaths, comment)
        #expect(table.values.map(\.id) == reference.values.map(\.id), comment)
        let (published, publishedPaths, withheld) = table.publishable()
        let (expected, expectedPaths, expectedWithheld) = reference.publishable()
        #expect(publishedPaths == expectedPaths, comment)
        #expect(published.map(\.updated.secondsSinceEpoch) == expected.map(\.updated.secondsSinceEpoch), comment)
        #expect(withheld == expectedWithheld, comment)
    }

    @Test func oneGoMakesWhatOneByOneMakes() {
        var random = SeededGenerator(seed: 7)
        for round in 0..<20 {
            let (paths, entries) = Self.entries(count: 40 + round, random: &random)
            // In path order, as ingest gives them.
            Self.expectSame(EntryTable(paths: paths, entries: entries), Self.inserted(paths: paths, entries: entries), "round \(round), sorted")
            // Out of order, and a path given twice: its last entry counts.
            var order = Array(paths.indices)
            order.shuffle(using: &random)
            var shuffledPaths = order.map { paths[$0] }
            var shuffledEntries = order.map { entries[$0] }
            shuffledPaths.append(shuffledPaths[3])
            shuffledEntries.append(entries[(round * 7) % entries.count])
            Self.expectSame(
                EntryTable(paths: shuffledPaths, entries: shuffledEntries), Self.inserted(paths: shuffledPaths, entries: shuffledEntries),
                "round \(round), shuffled")
        }
    }

    @Test func claimsFollowEntriesAddedAndRemoved() {
        var random = SeededGenerator(seed: 11)
        let (paths, entries) = Self.entries(count: 60, random: &random)
        var table = EntryTable(paths: paths, entries: entries)
        var reference = Self.inserted(paths: paths, entries: entries)
        for step in 0..<80 {
            let path = paths[Int(random.next() % UInt64(paths.count))]
            let entry: Entry? = random.next() % 3 == 0 ? nil : entries[Int(random.next() % UInt64(entries.count))]
            table[path] = entry
            reference[path] = entry
            Self.expectSame(table, reference, "step \(step)")
            // Rebuilt in one go from what is there now, it is still the same table.
            Self.expectSame(EntryTable(paths: table.orderedPaths, entries: table.values), reference, "step \(step), rebuilt")
        }
    }
}
