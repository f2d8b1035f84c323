import FeedModel
import Foundation
import Testing

@testable import Ingest

/// Readers show an entry twice when its id changes, and re-announce it when its dates move: these tests pin
/// down when ids and dates may change.
@Suite struct StabilityTests {
    @Test func editingChangesUpdatedButNotIdOrPublished() throws {
        let folder = try TestFolder()
        let store = try StateStore.inMemory()
        let clock = TestClock(Timestamp(secondsSinceEpoch: 1_720_000_000))  // July 2024, after the article's date
        try folder.write("posts/a.md", "---\ntitle: A\ndate: 2024-03-05\n---\nFirst version.\n")
        let (first, _) = try entry(folder, "posts/a.md", store: store, clock: clock)
        #expect(first.updated == first.published)

        clock.advance(by: 3600)
        let (unchanged, _) = try entry(folder, "posts/a.md", store: store, clock: clock)
        #expect(unchanged == first)

        clock.advance(by: 3600)
        try folder.write("posts/a.md", "---\ntitle: A (edited)\ndate: 2024-03-05\n---\nSecond version.\n")
        let (edited, _) = try entry(folder, "posts/a.md", store: store, clock: clock)
        #expect(edited.id == first.id)
        #expect(edited.published == first.published)
        #expect(edited.updated == clock.current)
        #expect(edited.title == "A (edited)")

        clock.advance(by: 3600)
        let (again, _) = try entry(folder, "posts/a.md", store: store, clock: clock)
        #expect(again.updated == edited.updated)
    }

    @Test func undatedArticleKeepsItsFirstSeenTimeAndId() throws {
        let folder = try TestFolder()
        let store = try StateStore.inMemory()
        let clock = TestClock()
        // First seen: the file's modification time (2023-11-14), not the moment of the build.
        try folder.write("note.txt", "Note\n\nBody one.\n", modified: 1_700_000_000)
        clock.advance(by: 86_400)
        let (first, _) = try entry(folder, "note.txt", store: store, clock: clock)
        #expect(first.published == Timestamp(secondsSinceEpoch: 1_700_000_000))
        #expect(first.id == "tag:example.com,2023-11-14:/note")

        clock.advance(by: 86_400 * 3)
        try folder.write("note.txt", "Note\n\nBody two.\n")
        let (edited, _) = try entry(folder, "note.txt", store: store, clock: clock)
        #expect(edited.published == first.published)
        #expect(edited.id == first.id)
        #expect(edited.updated == clock.current)
    }

    @Test func explicitDatesGiveTheSameIdsAfterTheStoreIsDeleted() async throws {
        let folder = try TestFolder()
        try folder.write("a.md", "---\ntitle: A\ndate: 2024-03-05 10:00\n---\nBody\n")
        try folder.write("2024-01-02-b.txt", "B\n\nBody.\n")
        try folder.write("c.html", "<html><head><meta property=\"article:published_time\" content=\"2024-02-01\"></head><body><p>C</p></body></html>")
        let storeURL = StateStore.location(forSource: folder.url)

        let clock = TestClock()
        let before = Ingester(source: folder.url, config: .test(), store: try StateStore(path: storeURL), clock: clock.function).ingestAll()
        #expect(FileManager.default.fileExists(atPath: storeURL.path))
        try FileManager.default.removeItem(at: storeURL.deletingLastPathComponent())

        clock.advance(by: 86_400 * 400)
        let after = Ingester(source: folder.url, config: .test(), store: try StateStore(path: storeURL), clock: clock.function).ingestAll()
        #expect(before.entries.count == 3)
        #expect(after.entries.map(\.id) == before.entries.map(\.id))
        #expect(after.entries.map(\.published) == before.entries.map(\.published))
        #expect(
            before.entries.map(\.id) == [
                "tag:example.com,2024-01-02:/2024-01-02-b", "tag:example.com,2024-03-05:/a", "tag:example.com,2024-02-01:/c",
            ])
    }

    @Test func sameTitleAndDateGiveDistinctIds() async throws {
        let folder = try TestFolder()
        let text = "---\ntitle: Weekly notes\ndate: 2024-03-05\n---\nBody\n"
        try folder.write("2024/notes.md", text)
        try folder.write("2025/notes.md", text)
        try folder.write("notes.md", text)
        let result = Ingester(source: folder.url, config: .test(), store: try StateStore.inMemory()).ingestAll()
        let ids = result.entries.map(\.id)
        #expect(ids.count == 3)
        #expect(Set(ids).count == 3)
    }

    @Test func statedIdWinsAndCollidingFilesAreAllRead() async throws {
        let folder = try TestFolder()
        try folder.write("x.md", "---\nid: urn:uuid:1234\ndate: 2024-01-01\n---\nBody\n")
        try folder.write("y.md", "---\ndate: 2024-01-01\n---\nY\n")
        try folder.write("y.txt", "Y again\n\nDate clash with y.md.\n")
        let result = Ingester(source: folder.url, config: .test(), store: try StateStore.inMemory()).ingestAll()
        #expect(result.entries.first?.id == "urn:uuid:1234")
        // y.txt has no explicit date, so it gets a first-seen date and a different id: both are kept.
        #expect(result.entries.count == 3)

        try folder.write("z.md", "---\ndate: 2024-01-01\n---\nZ\n")
        try folder.write("z.txt", "Title: Z\nDate: 2024-01-01\n\nBody.\n")
        let clash = Ingester(source: folder.url, config: .test(), store: try StateStore.inMemory()).ingestAll()
        // Both are read; which one is published is the pipeline's call (PipelineTests: the older keeps it).
        #expect(clash.failed.isEmpty)
        #expect(clash.entryPaths.filter { $0.hasPrefix("z.") } == ["z.md", "z.txt"])
        #expect(Set(clash.entries.filter { $0.id.hasSuffix(":/z") }.map(\.id)).count == 1)
    }

    @Test func updatedFromFrontMatterWins() throws {
        let folder = try TestFolder()
        try folder.write("a.md", "---\ndate: 2024-03-05\nupdated: 2024-04-01T08:00:00+02:00\n---\nBody\n")
        let (entry, _) = try entry(folder, "a.md")
        #expect(entry.updated.rfc3339 == "2024-04-01T08:00:00+02:00")
    }

    @Test func permalinkPatternUsesTheDate() throws {
        let folder = try TestFolder()
        try folder.write("My Post!.md", "---\ndate: 2024-03-05T23:30:00-02:00\n---\nBody\n")
        let config = SiteConfig(title: "T", baseURL: "https://example.com/blog", permalink: "/{year}/{month}/{day}/{slug}.html")
        let (entry, _) = try entry(folder, "My Post!.md", config: config)
        #expect(entry.link == "https://example.com/blog/2024/03/05/my-post.html")
        #expect(entry.id == "tag:example.com,2024-03-05:/my-post")
    }
}
