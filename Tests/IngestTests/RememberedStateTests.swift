import FeedModel
import Foundation
import Testing

@testable import Ingest

/// The build cache remembers each article's settled state, so a warm build records only what changed; what it
/// remembers is used only while the state store is as it left it, and gives the entries a look-up would.
@Suite struct RememberedStateTests {
    /// 2024-06-01T10:00:00Z.
    static let june: Int64 = 1_717_236_000

    /// An undated article (its date and id come from the store) and a dated one.
    static func write(_ folder: TestFolder, count: Int) throws {
        for index in 0..<count {
            if index % 2 == 0 {
                try folder.write("u\(index).txt", "Undated \(index)\n\nBody \(index).\n", modified: june + Int64(index))
            } else {
                try folder.write("d\(index).md", "---\ntitle: Dated \(index)\ndate: 2024-05-0\(index % 9 + 1)\n---\n\nBody \(index).\n")
            }
        }
    }

    /// A warm ingest: the listing now, the memory and pack a previous one left.
    static func ingest(
        _ folder: TestFolder, store: StateStore, clock: TestClock, memory: ArticleMemory?, cache: BuildCache
    )
        throws -> Ingester.RememberingResult
    {
        let ingester = Ingester(source: folder.url, config: .test(), store: store, clock: clock.function)
        return ingester.ingestAll(listing: try ArticleFiles.listing(of: folder.url), remembering: memory, cache: cache)
    }

    @Test func theMarkMovesWithEveryWriteAndOnlyThen() throws {
        let folder = try TestFolder()
        let store = try StateStore(path: folder.url.appendingPathComponent("state.sqlite"))
        let before = try #require(store.mark())
        #expect(store.mark() == before)
        let observation = StateStore.Observation(path: "a.txt", contentHash: "one")
        let now = Timestamp(secondsSinceEpoch: Self.june)
        _ = try store.record([observation], now: now) { path, _ in "tag:\(path)" }
        let written = try #require(store.mark())
        #expect(written != before)
        // The same observation again changes nothing, and writes nothing.
        _ = try store.record([observation], now: now) { path, _ in "tag:\(path)" }
        #expect(store.mark() == written)
        // Another connection's write (a second process, a hand edit) moves it too.
        try StateStore(path: folder.url.appendingPathComponent("state.sqlite")).forget(path: "a.txt")
        #expect(store.mark() != written)
        #expect(try StateStore.inMemory().mark() == nil)
    }

    @Test func rememberedStatesGiveTheEntriesOfALookUpAndRecordNothing() throws {
        let folder = try TestFolder()
        try Self.write(folder, count: 12)
        let store = try StateStore(path: folder.url.appendingPathComponent("state.sqlite"))
        let cache = BuildCache(statePath: folder.url.appendingPathComponent("state.sqlite"))
        let clock = TestClock(Timestamp(secondsSinceEpoch: Self.june + 86_400))
        var first = try Self.ingest(folder, store: store, clock: clock, memory: nil, cache: cache)
        try cache.save(&first.memory, extra: [], key: "k")
        let saved = try #require(cache.load(key: "k")).articles
        #expect(saved.storeMark != nil && saved.files.values.allSatisfy { $0.state != nil })

        // Nothing changed: every entry from the cache, the store untouched.
        clock.advance(by: 3600)
        let mark = store.mark()
        let warm = try Self.ingest(folder, store: store, clock: clock, memory: saved, cache: cache)
        #expect(warm.reused == 12 && warm.result.entries == first.result.entries)
        #expect(store.mark() == mark)

        // One edited, one new: recorded; the others still from memory, and all as a cold ingest has them.
        try folder.write("u0.txt", "Undated 0\n\nEdited body.\n", modified: Self.june + 5000)
        try folder.write("u99.txt", "New\n\nBody.\n", modified: Self.june)
        clock.advance(by: 3600)
        let edited = try Self.ingest(folder, store: store, clock: clock, memory: saved, cache: cache)
        let cold = Ingester(source: folder.url, config: .test(), store: store, clock: clock.function).ingestAll()
        #expect(edited.result.entries == cold.entries)
        #expect(edited.result.entries.count == 13 && edited.reused == 11)
        #expect(edited.memory.storeMark == store.mark())
        // The new file took the next free second after u0's (june), as recording every file would have.
        #expect(edited.result.entries.first { $0.title == "New" }?.published.secondsSinceEpoch == Self.june + 1)
    }

    @Test func statesAreLookedUpAgainWhenTheStoreChangedBehindTheCache() throws {
        let folder = try TestFolder()
        try Self.write(folder, count: 6)
        let statePath = folder.url.appendingPathComponent("state.sqlite")
        let store = try StateStore(path: statePath)
        let cache = BuildCache(statePath: statePath)
        let clock = TestClock(Timestamp(secondsSinceEpoch: Self.june + 86_400))
        var first = try Self.ingest(folder, store: store, clock: clock, memory: nil, cache: cache)
        try cache.save(&first.memory, extra: [], key: "k")
        let saved = try #require(cache.load(key: "k")).articles

        // Another writer says u2 changed at a later time: its `updated` must follow the store, not the cache.
        let later = Timestamp(secondsSinceEpoch: Self.june + 40 * 86_400)
        _ = try StateStore(path: statePath).record([StateStore.Observation(path: "u2.txt", contentHash: "other")], now: later) { _, _ in "" }
        clock.advance(by: 7200)
        let warm = try Self.ingest(folder, store: store, clock: clock, memory: saved, cache: cache)
        let cold = Ingester(source: folder.url, config: .test(), store: store, clock: clock.function).ingestAll()
        #expect(warm.result.entries == cold.entries)
        let updated = warm.result.entries.first { $0.title == "Undated 2" }?.updated
        #expect(updated == clock.current)
    }
}
