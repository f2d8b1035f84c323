import Foundation
import Testing

@testable import Ingest

/// A warm ingest works out the digest of its files' paths and stamps from the one the cache remembered and the
/// files that changed, and keeps their paths in order (`ArticleMemory.Known`), so a save need not hash and sort
/// every path again. What it works out must be what hashing and sorting them all gives, through every kind of
/// change, or the next build with nothing changed would not see it.
@Suite struct KnownFilesTests {
    /// The digest and order worked out the slow way, from the files themselves.
    static func expectKnownIsExact(_ memory: ArticleMemory, _ comment: Comment) {
        guard let known = memory.known else {
            Issue.record("nothing known: \(comment)")
            return
        }
        var digest = StampDigest()
        for (path, file) in memory.files { digest.add(path: path, stamp: file.stamp) }
        #expect(known.digest == digest, comment)
        #expect(known.sortedPaths == memory.files.keys.sorted(), comment)
    }

    /// The digest of a listing's files that have a stamp (a symlinked article has none, and is not recorded).
    static func stampedDigest(_ listing: SourceListing) -> StampDigest {
        var digest = StampDigest()
        for (path, stamp) in zip(listing.paths, listing.stamps) { if let stamp { digest.add(path: path, stamp: stamp) } }
        return digest
    }

    /// One warm ingest and save, as a build makes them, from what the last save left.
    static func build(_ folder: TestFolder, store: StateStore, cache: BuildCache, _ comment: Comment) throws -> ArticleMemory {
        let remembered = cache.load(key: "key")?.articles
        let ingester = Ingester(source: folder.url, config: .test(), store: store)
        var memory = ingester.ingestAll(listing: try ArticleFiles.listing(of: folder.url), remembering: remembered, cache: cache).memory
        expectKnownIsExact(memory, comment)
        try cache.save(&memory, extra: [], key: "key")
        // What the save wrote is what the next build with nothing changed compares the listing with.
        let saved = try #require(cache.load(key: "key")).articles
        #expect(saved.storedDigest == Self.stampedDigest(try ArticleFiles.listing(of: folder.url)), comment)
        #expect(saved.files.keys.sorted() == memory.files.keys.sorted(), comment)
        return memory
    }

    @Test func everyKindOfChangeKeepsTheDigestAndTheOrderExact() throws {
        let folder = try TestFolder()
        let store = try StateStore(path: folder.url.appendingPathComponent(".crier/state.sqlite"))
        let cache = BuildCache(statePath: folder.url.appendingPathComponent(".crier/state.sqlite"))
        for index in 0..<40 {
            try folder.write("posts/p\(String(format: "%02d", index)).md", "---\ntitle: Post \(index)\n---\n\nBody \(index).\n")
        }
        _ = try Self.build(folder, store: store, cache: cache, "cold")
        _ = try Self.build(folder, store: store, cache: cache, "nothing changed")

        try folder.write("posts/p07.md", "---\ntitle: Post 7, edited\n---\n\nA longer body now.\n")
        _ = try Self.build(folder, store: store, cache: cache, "one edited")

        try folder.write("posts/new.md", "---\ntitle: New\n---\n\nNew.\n")
        try folder.write("a-first.md", "---\ntitle: First by name\n---\n\nFirst.\n")
        _ = try Self.build(folder, store: store, cache: cache, "two added")

        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("posts/p13.md"))
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("posts/p39.md"))
        _ = try Self.build(folder, store: store, cache: cache, "two deleted")

        // Deleted, added and edited at once; one file replaced by a symlink, which has no stamp and is not recorded.
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("posts/p20.md"))
        try folder.write("posts/p21.md", "---\ntitle: Post 21, edited\n---\n\nEdited.\n")
        try folder.write("posts/zz.md", "---\ntitle: Last by name\n---\n\nLast.\n")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("posts/p22.md"))
        try FileManager.default.createSymbolicLink(
            at: folder.url.appendingPathComponent("posts/p22.md"), withDestinationURL: folder.url.appendingPathComponent("posts/p23.md"))
        let memory = try Self.build(folder, store: store, cache: cache, "mixed")
        #expect(memory.files["posts/p22.md"] == nil && memory.files["posts/zz.md"] != nil && memory.files["posts/p20.md"] == nil)

        // A file that cannot be read any more is not recorded either.
        let unreadable = folder.url.appendingPathComponent("posts/p30.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: unreadable.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: unreadable.path) }
        if (try? Data(contentsOf: unreadable)) == nil {
            let after = try Self.build(folder, store: store, cache: cache, "one unreadable")
            #expect(after.files["posts/p30.md"] == nil)
        }
    }

    @Test func aChangeOfPathsOrStampsAfterTheIngestForgetsWhatWasKnown() throws {
        let folder = try TestFolder()
        let store = try StateStore(path: folder.url.appendingPathComponent(".crier/state.sqlite"))
        let cache = BuildCache(statePath: folder.url.appendingPathComponent(".crier/state.sqlite"))
        for index in 0..<5 { try folder.write("p\(index).md", "Post \(index)\n\nBody.\n") }
        var memory = try Self.build(folder, store: store, cache: cache, "cold")
        // Screening and states leave paths and stamps alone: still known.
        memory.markScreened(["p1.md"])
        memory.forgetStates()
        #expect(memory.known != nil)
        memory.forget { $0 == "p2.md" }
        #expect(memory.known == nil)
        // The save works the digest out from the files then, and it still describes them.
        try cache.save(&memory, extra: [], key: "key")
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("p2.md"))
        let saved = try #require(cache.load(key: "key")).articles
        #expect(saved.storedDigest == Self.stampedDigest(try ArticleFiles.listing(of: folder.url)))
    }
}
