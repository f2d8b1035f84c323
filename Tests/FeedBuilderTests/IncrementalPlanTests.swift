import CrierTestHelpers
import FeedBuilder
import FeedModel
import Foundation
import Testing

/// A publisher kept across publishes plans a budgeted feed from what it remembers (`BudgetPlan`): the same cut
/// when nothing it was cut from changed, and otherwise the sizes of every entry whose identity stayed, measuring
/// only the others. These tests hold each publish of one kept publisher, over random edits, to a fresh publisher's
/// files byte for byte.
@Suite struct IncrementalPlanTests {
    /// An entry whose body is `words` words long (the budget cuts pages by bytes), tagged `a` or not.
    static func entry(_ n: Int, day: Int, words: Int, inA: Bool) -> Entry {
        var entry = Fixtures.entry(n, html: "<p>" + String(repeating: "word\(n) ", count: words) + "</p>", tags: inA ? ["a"] : ["b"])
        entry.published = Timestamp(secondsSinceEpoch: 1_704_100_000 + Int64(day) * 3_600, utcOffsetSeconds: 3600)
        entry.updated = Timestamp(secondsSinceEpoch: entry.published.secondsSinceEpoch + Int64(n), utcOffsetSeconds: 3600)
        return entry
    }

    static func words(_ random: inout SeededGenerator) -> Int {
        // Now and then one too big for the derived feed's budget on its own.
        random.next() % 25 == 0 ? 1_500 : Int(random.next() % 150) + 5
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func keptPlansEqualFreshOnesOverRandomEdits(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var entries = (1...40).map { Self.entry($0, day: $0 * 10, words: Self.words(&random), inA: random.next() % 2 == 0) }
        var next = 41
        var site = Fixtures.description(limit: 8)
        site.maxBytes = 12_000
        let reused = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: reused) }
        var publisher = FeedPublisher(description: site, outputDirectory: reused, cache: PreparedEntryCache())
        for round in 0..<16 {
            if round > 0 {
                for _ in 0..<(Int(random.next() % 3) + 1) {
                    let index = Int(random.next() % UInt64(entries.count))
                    switch random.next() % 7 {
                    case 0, 1:
                        entries[index].contentHTML = "<p>" + String(repeating: "edited ", count: Self.words(&random)) + "</p>"
                    case 2:
                        entries.append(Self.entry(next, day: Int(random.next() % 500), words: Self.words(&random), inA: random.next() % 2 == 0))
                        next += 1
                    case 3 where entries.count > 5:
                        entries.remove(at: index)
                    case 4:
                        // Moves the entry elsewhere in the feed order.
                        entries[index].published.secondsSinceEpoch += Int64(random.next() % 200) * 3_600 - 100 * 3_600
                    case 5:
                        entries[index].tags = entries[index].tags == ["a"] ? ["b"] : ["a"]
                    default:
                        if random.next() % 3 == 0 { site.title = "Example & Co \(round)" }
                        entries[index].title += "!"
                    }
                }
            }
            publisher.builder.description = site
            let derived = [
                DerivedFeedTests.derived("a", members: entries.indices.filter { entries[$0].tags == ["a"] }, limit: 5, maxBytes: 7_000),
                DerivedFeedTests.derived("all", members: Array(entries.indices), maxBytes: 9_000, kind: .tag),
            ]
            let report = try publisher.publish(entries, derived: derived)
            let scratch = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: scratch) }
            let fresh = try FeedPublisher(description: site, outputDirectory: scratch).publish(entries, derived: derived)
            #expect(report.oversized == fresh.oversized, "seed \(seed), round \(round)")
            let files = try DerivedFeedTests.files(in: reused)
            #expect(files == (try DerivedFeedTests.files(in: scratch)), "seed \(seed), round \(round)")
            #expect(files.count > 20, "the budgets cut every feed into pages")
            for name in files {
                let left = try Data(contentsOf: reused.appendingPathComponent(name))
                let right = try Data(contentsOf: scratch.appendingPathComponent(name))
                #expect(left == right, "\(name) differs, seed \(seed), round \(round)")
            }
        }
    }
}
