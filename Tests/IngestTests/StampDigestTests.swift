import Foundation
import Platform
import Testing

@testable import Ingest

/// The digest that lets a build with nothing changed skip the cache's per-file records: it must see every field
/// the per-file comparison sees, and the manifest must fall back to that comparison whenever it cannot vouch.
@Suite struct StampDigestTests {
    static let stamp = SourceStamp(
        device: 11, inode: 22, size: 33, modifiedSeconds: 1_700_000_000, modifiedNanoseconds: 5,
        changedSeconds: 1_700_000_001, changedNanoseconds: 7)

    /// The stamp with one field moved by one, for each field; a new field in `FileStamp` must be added here.
    static let oneFieldChanged: [(field: String, stamp: SourceStamp)] = {
        var changes: [(String, SourceStamp)] = []
        func changed(_ field: String, _ change: (inout SourceStamp) -> Void) {
            var stamp = Self.stamp
            change(&stamp)
            changes.append((field, stamp))
        }
        changed("device") { $0.device += 1 }
        changed("inode") { $0.inode += 1 }
        changed("size") { $0.size += 1 }
        changed("modifiedSeconds") { $0.modifiedSeconds += 1 }
        changed("modifiedNanoseconds") { $0.modifiedNanoseconds += 1 }
        changed("changedSeconds") { $0.changedSeconds += 1 }
        changed("changedNanoseconds") { $0.changedNanoseconds += 1 }
        return changes
    }()

    static func digest(_ files: [(String, SourceStamp)]) -> StampDigest {
        var digest = StampDigest()
        for (path, stamp) in files { digest.add(path: path, stamp: stamp) }
        return digest
    }

    @Test func everyFieldAndThePathMoveTheDigest() {
        let files = (0..<20).map { ("post\($0).md", Self.stamp) }
        let base = Self.digest(files)
        #expect(Self.oneFieldChanged.count == 7)
        for (field, stamp) in Self.oneFieldChanged {
            var changed = files
            changed[7].1 = stamp
            #expect(Self.digest(changed) != base, "\(field)")
        }
        var renamed = files
        renamed[3].0 = "post3.markdown"
        #expect(Self.digest(renamed) != base)
        // The path's length is part of what is hashed: moving a byte between path and stamp is another record.
        #expect(Self.digest([("a", Self.stamp)]) != Self.digest([("a\u{0B}", Self.stamp)]))
        // A file more, a file less, or one file twice is another digest too.
        #expect(Self.digest(files + [("post20.md", Self.stamp)]) != base)
        #expect(Self.digest(Array(files.dropLast())) != base)
        #expect(Self.digest(files + [files[0]]) != base)
    }

    @Test func theOrderOfTheFilesDoesNotMatter() {
        var random = SystemRandomNumberGenerator()
        let files = (0..<200).map { index -> (String, SourceStamp) in
            var stamp = Self.stamp
            stamp.inode = UInt64(index)
            return ("d\(index % 7)/p\(index).md", stamp)
        }
        let listing = SourceListing(paths: files.map(\.0), stamps: files.map(\.1), refused: [], lookedAt: 0)
        #expect(StampDigest.of(listing) == Self.digest(files))
        #expect(Self.digest(files.shuffled(using: &random)) == Self.digest(files))
        var withSymlink = listing
        withSymlink.stamps[5] = nil
        #expect(StampDigest.of(withSymlink) == nil)
    }

    /// A saved memory of `count` files, all with sure stamps, as a build in another process would load it.
    static func savedMemory(in folder: TestFolder, count: Int, unsureAt: Int? = nil) throws -> (BuildCache, SourceListing) {
        let cache = BuildCache(statePath: folder.url.appendingPathComponent("state.sqlite"))
        var memory = ArticleMemory()
        var paths: [String] = []
        var stamps: [SourceStamp?] = []
        for index in 0..<count {
            var stamp = Self.stamp
            stamp.inode = UInt64(100 + index)
            let path = "p\(index).md"
            memory.files[path] = ArticleMemory.File(
                stamp: stamp, isSure: index != unsureAt, contentHash: "h\(index)", payload: .fresh(Array("payload \(index)".utf8)))
            paths.append(path)
            stamps.append(stamp)
        }
        try cache.save(&memory, extra: [], key: "key")
        return (cache, SourceListing(paths: paths.reversed(), stamps: stamps.reversed(), refused: [], lookedAt: 2_000_000_000))
    }

    @Test func anUnchangedListingMatchesWithoutDecodingTheRecords() throws {
        let folder = try TestFolder()
        let (cache, listing) = try Self.savedMemory(in: folder, count: 30)
        var loaded = try #require(cache.load(key: "key")).articles
        #expect(loaded.storedDigest != nil)
        let matched = loaded.matches(listing, source: folder.url)
        #expect(matched)
        // Still not decoded: the digest alone told.
        #expect(loaded.storedDigest != nil)
        // The records decode on demand to what was saved.
        #expect(loaded.files.count == 30 && loaded.files["p4.md"]?.contentHash == "h4")
        #expect(loaded.digest == StampDigest.of(listing))
    }

    @Test func anyFieldOfAnyStampChangedIsCaught() throws {
        let folder = try TestFolder()
        let (cache, listing) = try Self.savedMemory(in: folder, count: 30)
        for (field, stamp) in Self.oneFieldChanged {
            for position in [0, 17, 29] {
                var changed = listing
                var moved = stamp
                moved.inode = listing.stamps[position]!.inode + (field == "inode" ? 1 : 0)
                changed.stamps[position] = moved
                var loaded = try #require(cache.load(key: "key")).articles
                let matched = loaded.matches(changed, source: folder.url)
                #expect(!matched, "\(field) at \(position)")
            }
        }
        var renamed = listing
        renamed.paths[3] = "q.md"
        var loaded = try #require(cache.load(key: "key")).articles
        let matched = loaded.matches(renamed, source: folder.url)
        #expect(!matched)
        var symlinked = listing
        symlinked.stamps[3] = nil
        loaded = try #require(cache.load(key: "key")).articles
        let symlinkMatched = loaded.matches(symlinked, source: folder.url)
        #expect(!symlinkMatched)
    }

    @Test func aStoredDigestThatDisagreesIsNoMatchAndTheRecordsStillServe() throws {
        let folder = try TestFolder()
        let (cache, listing) = try Self.savedMemory(in: folder, count: 12)
        let digest = try #require(cache.load(key: "key")).articles.digest
        // The digest's high word changed, and the manifest's checksum made to fit, as a bug or a hand would.
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: cache.manifestPath)))
        let high = (0..<8).map { UInt8(truncatingIfNeeded: digest.high >> UInt64($0 * 8)) }
        let at = try #require((0...(bytes.count - 8)).first { Array(bytes[$0..<$0 + 8]) == high })
        bytes[at] ^= 0x01
        let checksum = FastChecksum.of(Array(bytes.dropLast(8)))
        for index in 0..<8 { bytes[bytes.count - 8 + index] = UInt8(truncatingIfNeeded: checksum >> UInt64(index * 8)) }
        var loaded = try #require(BuildCache.decodeManifest(bytes, key: "key")).articles
        #expect(loaded.storedDigest != nil && loaded.storedDigest != digest)
        // No match, so the build compares file by file; the records themselves still decode and are all there.
        let matched = loaded.matches(listing, source: folder.url)
        #expect(!matched)
        #expect(loaded.files.count == 12 && loaded.digest == digest)
    }

    @Test func anUnsureStampIsStillConfirmedByItsHash() throws {
        let folder = try TestFolder()
        let (cache, listing) = try Self.savedMemory(in: folder, count: 10, unsureAt: 4)
        var loaded = try #require(cache.load(key: "key")).articles
        #expect(loaded.unsureCount == 1)
        // The stamps agree, but p4.md's is unsure and its hash ("h4") is not that of the file (missing): no match,
        // found by decoding the records, not by the digest.
        let matched = loaded.matches(listing, source: folder.url)
        #expect(!matched)
        // Decoded to compare, the stored digest kept for the ingest that follows: it still describes the records.
        #expect(loaded.storedDigest == loaded.digest)
    }

    @Test func theStoredDigestOutlivesDecodingButNotAChangedStamp() throws {
        let folder = try TestFolder()
        let (cache, listing) = try Self.savedMemory(in: folder, count: 10)
        var loaded = try #require(cache.load(key: "key")).articles
        loaded.markScreened(["p3.md"])
        #expect(loaded.storedDigest == StampDigest.of(listing))
        loaded.files["p3.md"]?.stamp.size += 1
        #expect(loaded.storedDigest == nil)
    }
}
