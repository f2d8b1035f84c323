import CrierTestHelpers
import FeedModel
import Foundation
import Testing

@testable import Ingest

/// An undated article's date is the file's modification time when Crier first sees it, kept in the state store,
/// and no two undated articles share one: readers need an order, and the W3C service flags equal dates.
@Suite struct FirstSeenTests {
    /// 2024-06-01T10:00:00Z.
    let june: Int64 = 1_717_236_000

    @Test func firstSeenIsTheModificationTimeNotTheBuildTime() async throws {
        let folder = try TestFolder()
        try folder.write("notes/a.txt", "A\n\nBody.\n", modified: june)
        let clock = TestClock(Timestamp(secondsSinceEpoch: june + 30 * 86_400))
        let result = Ingester(source: folder.url, config: .test(), store: try StateStore.inMemory(), clock: clock.function).ingestAll()
        let entry = try #require(result.entries.first)
        #expect(entry.published.secondsSinceEpoch == june)
        #expect(entry.id == "tag:example.com,2024-06-01:/notes/a")
    }

    @Test func theDateIsTheFirstModificationTimeForever() async throws {
        let folder = try TestFolder()
        let store = try StateStore.inMemory()
        try folder.write("a.txt", "A\n\nBody.\n", modified: june)
        let first = Ingester(source: folder.url, config: .test(), store: store).ingestAll()
        // Touched, then edited later: the first-seen date stays; the edit moves `updated` only.
        try folder.write("a.txt", "A\n\nBody.\n", modified: june + 7200)
        let touched = Ingester(source: folder.url, config: .test(), store: store).ingestAll()
        try folder.write("a.txt", "A\n\nEdited body.\n", modified: june + 9000)
        let edited = Ingester(source: folder.url, config: .test(), store: store).ingestAll()
        #expect(first.entries.first?.published.secondsSinceEpoch == june)
        #expect(touched.entries == first.entries)
        #expect(edited.entries.first?.published == first.entries.first?.published)
        #expect(edited.entries.first?.id == first.entries.first?.id)
    }

    @Test func filesWithOneModificationTimeGetSecondsInPathOrder() async throws {
        let folder = try TestFolder()
        let store = try StateStore.inMemory()
        for section in ["sport", "business"] {
            for number in 1...3 { try folder.write("\(section)/00\(number).txt", "\(section) \(number)\n\nBody.\n", modified: june) }
        }
        let result = Ingester(source: folder.url, config: .test(), store: store).ingestAll()
        let seconds = Dictionary(uniqueKeysWithValues: zip(result.entryPaths, result.entries.map { $0.published.secondsSinceEpoch - june }))
        #expect(
            seconds == [
                "business/001.txt": 0, "business/002.txt": 1, "business/003.txt": 2,
                "sport/001.txt": 3, "sport/002.txt": 4, "sport/003.txt": 5,
            ])

        // A later file with the same time takes the next free second; the others keep theirs.
        try folder.write("arts/001.txt", "Arts\n\nBody.\n", modified: june)
        let later = Ingester(source: folder.url, config: .test(), store: store).ingestAll()
        let laterSeconds = Dictionary(uniqueKeysWithValues: zip(later.entryPaths, later.entries.map { $0.published.secondsSinceEpoch - june }))
        #expect(laterSeconds["arts/001.txt"] == 6)
        #expect(laterSeconds.filter { $0.key != "arts/001.txt" } == seconds)
    }

    @Test func theSameFolderGivesTheSameDatesInAFreshStore() async throws {
        let folder = try TestFolder()
        for name in ["c.txt", "a.txt", "b.md"] { try folder.write(name, "T\n\nBody.\n", modified: june) }
        let first = Ingester(source: folder.url, config: .test(), store: try StateStore.inMemory()).ingestAll()
        let second = Ingester(source: folder.url, config: .test(), store: try StateStore.inMemory()).ingestAll()
        #expect(first.entries == second.entries)
        #expect(Set(first.entries.map(\.published)).count == 3)
    }

    @Test func implausibleModificationTimesFallBackToTheClock() async throws {
        let folder = try TestFolder()
        // Reproducible builds and some archives set the epoch; a wrong clock can set the far future.
        try folder.write("epoch.txt", "Epoch\n\nBody.\n", modified: 1)
        try folder.write("future.txt", "Future\n\nBody.\n", modified: Int64(Date().timeIntervalSince1970) + 86_400 * 400)
        let clock = TestClock(Timestamp(secondsSinceEpoch: june))
        let result = Ingester(source: folder.url, config: .test(), store: try StateStore.inMemory(), clock: clock.function).ingestAll()
        #expect(result.entries.map { $0.published.secondsSinceEpoch }.sorted() == [june, june + 1])
    }

    @Test func theModificationTimeIsReadInTheSiteZone() async throws {
        let folder = try TestFolder()
        // 23:30 UTC on June 1st is June 2nd in Tokyo: the id carries the local date, as for stated dates.
        try folder.write("late.txt", "Late\n\nBody.\n", modified: june + 13 * 3600 + 1800)
        let config = SiteConfig.test(timeZone: try #require(ZoneSetting("Asia/Tokyo")))
        let result = Ingester(source: folder.url, config: config, store: try StateStore.inMemory()).ingestAll()
        let entry = try #require(result.entries.first)
        #expect(entry.published.utcOffsetSeconds == 9 * 3600)
        #expect(entry.id == "tag:example.com,2024-06-02:/late")
    }
    /// Claims jump over runs of taken seconds instead of walking them; the seconds given out must be exactly what
    /// the plain walk gives: the first free second at or after each file's time, in path order, around seconds
    /// the store already holds. Random batches with many shared times, checked against that walk.
    @Test(arguments: [1, 2, 3, 4, 5]) func claimedSecondsAreTheFirstFreeOnes(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let store = try StateStore.inMemory()
        var taken = Set<Int64>()
        for batch in 0..<3 {
            let observations = (0..<400).map { number in
                StateStore.Observation(
                    path: String(format: "b%d/%04d.txt", batch, number), contentHash: "h",
                    modified: Timestamp(secondsSinceEpoch: june + Int64(random.next() % 40) * 7))
            }
            let states = try store.record(observations, now: Timestamp(secondsSinceEpoch: june)) { path, _ in path }
            for (observation, state) in zip(observations, states) {
                var expected = observation.modified!.secondsSinceEpoch
                while taken.contains(expected) { expected += 1 }
                taken.insert(expected)
                #expect(state.firstSeen.secondsSinceEpoch == expected, "\(observation.path)")
            }
        }
    }
}
