import FeedBuilder
import FeedModel
import Testing
import XML

@Suite struct OrderingTests {
    @Test func newestFirstWithTiesBrokenById() throws {
        let date = Timestamp(secondsSinceEpoch: 1_700_000_000, utcOffsetSeconds: 0)
        let sameInstantOtherOffset = Timestamp(secondsSinceEpoch: 1_700_000_000, utcOffsetSeconds: 7200)
        let entries = [
            Entry(id: "b", title: "B", link: "https://e.org/b", published: date, contentHTML: ""),
            Entry(id: "old", title: "Old", link: "https://e.org/o", published: Timestamp(secondsSinceEpoch: 1), contentHTML: ""),
            Entry(id: "a", title: "A", link: "https://e.org/a", published: sameInstantOtherOffset, contentHTML: ""),
            Entry(id: "new", title: "New", link: "https://e.org/n", published: Timestamp(secondsSinceEpoch: 1_800_000_000), contentHTML: ""),
        ]
        let feed = try FeedBuilder(description: Fixtures.description()).prepare(entries)
        #expect(feed.entries.map(\.entry.id) == ["new", "a", "b", "old"])
        let reversed = try FeedBuilder(description: Fixtures.description()).prepare(entries.reversed())
        #expect(reversed.entries.map(\.entry.id) == ["new", "a", "b", "old"])
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        let entries = Fixtures.entries(40)
        for format in FeedFormat.allCases {
            let first = try Fixtures.render(format, entries)
            let second = try Fixtures.render(format, entries.shuffled())
            #expect(first == second, "\(format) output differs between runs")
        }
    }

    @Test func manyEntriesKeepOrderThroughParallelRendering() throws {
        // More entries than one rendering batch, so several batches are rendered concurrently and joined.
        let entries = Fixtures.entries(700)
        let document = try XMLDocument(xml: try Fixtures.render(.atom, entries))
        let ids = document.root?.elements(named: "entry").compactMap { $0.text(of: "id") } ?? []
        #expect(ids == (1...700).reversed().map { "tag:example.org,2024:entry-\($0)" })
    }

    @Test func duplicateIdsAreRejectedNamingIdAndTitles() throws {
        var twin = Fixtures.entry(2, title: "Second copy")
        twin.id = Fixtures.entry(1).id
        do {
            _ = try FeedBuilder(description: Fixtures.description()).prepare([Fixtures.entry(1), twin, Fixtures.entry(3)])
            Issue.record("duplicate ids were accepted")
        } catch {
            #expect(
                error.reason == .duplicateIDs([DuplicateID(id: "tag:example.org,2024:entry-1", firstTitle: "Entry 1", secondTitle: "Second copy")]))
            #expect(error.description.contains("tag:example.org,2024:entry-1"))
            #expect(error.description.contains("\"Entry 1\"") && error.description.contains("\"Second copy\""))
        }
    }

    @Test func limitBelowOneIsRejected() {
        #expect(throws: PublishError(.invalidLimit(0))) {
            try FeedBuilder(description: Fixtures.description(limit: 0)).prepare(Fixtures.entries(2))
        }
    }
}
