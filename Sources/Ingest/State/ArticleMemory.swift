public import Foundation
public import Platform

/// What the build cache remembers about the article files of a source folder: for each path, the stamp the
/// file had when it was read, the hash of its bytes, and where the result of parsing them is kept.
///
/// A remembered parse is used only for a file whose stamp is the same now (device, inode, size, both times
/// to the nanosecond). When the stamp was taken too soon after the file's last change to vouch for its bytes
/// (`SourceStamp.isSure(lookedAt:)`), the file is read and hashed first, and the parse is used only if the
/// hash matches. Anything else is read and parsed again.
public struct ArticleMemory: Sendable {
    /// One article file as it was last read.
    struct File: Sendable {
        var stamp: SourceStamp
        /// False when the stamp alone cannot vouch for the bytes (see above).
        var isSure: Bool
        /// The SHA-256 of the bytes, as `ContentHash.hex` gives it.
        var contentHash: String
        var payload: Payload
        /// The article's row in the state store (first seen, changed, id) as this build left it, when the
        /// parse gave an entry; trusted only while the store has `ArticleMemory.storeMark`.
        var state: ArticleState? = nil
        /// True when the entry this file gave, with `state`, passed the pipeline's screening of its values with
        /// nothing to say (`markScreened(_:)`): the same parse and state give the same entry and the same verdict.
        var screened = false
        /// The feed builder's name for the body of the entry this file gave (`setBodyNames(_:for:)`), kept while
        /// the file's parse and `state` are the ones the entry was made from: the same parse and state give the
        /// same entry, so the next build hands the name back instead of having the body hashed again. Opaque here.
        var bodyName: ContentName? = nil
    }

    /// Where a file's parse is kept.
    enum Payload: Sendable {
        /// In the cache's pack file: a range and the checksum its bytes must have.
        case stored(offset: Int, length: Int, checksum: UInt64)
        /// Made by this process and not yet written.
        case fresh([UInt8])
    }

    /// Remembered files by relative path. While the manifest's records of them are not decoded yet (`pending`),
    /// reading this decodes them each time (a copy), and changing it decodes them once, for good.
    /// Changing it any way forgets `known`.
    var files: [String: File] {
        get { pending.map { $0.decode() ?? [:] } ?? decoded }
        _modify {
            materialize()
            known = nil
            decodedDigest = nil
            yield &decoded
        }
        set {
            pending = nil
            known = nil
            decodedDigest = nil
            decoded = newValue
        }
    }
    private var decoded: [String: File] = [:]
    /// The manifest's digest of the paths and stamps of `decoded`, kept from the records it was decoded from
    /// until `files` changes (`storedDigest`).
    private var decodedDigest: StampDigest?
    /// What is known of `files` without working it out from them again, while nothing but their payloads, states
    /// and screening changed (see `Known`).
    private(set) var known: Known?
    /// The manifest's records of `files`, not decoded yet: a build that finds nothing changed compares the
    /// listing with `digest` and never needs them.
    private var pending: PendingFiles?
    /// The pack file the stored payloads are in, named by the random number in its header; 0 for none.
    var packID: UInt64 = 0
    /// The state store's mark just after the `state`s of `files` were read or recorded; nil when they cannot be
    /// trusted (see `StateStore.Mark`).
    var storeMark: StateStore.Mark?

    /// An empty memory.
    public init() {}

    /// How many article files are remembered.
    public var count: Int { pending?.count ?? decoded.count }

    /// The digest of every remembered path and stamp, as the manifest stored it, also once the records are
    /// decoded, until `files` changes; nil when it was never loaded. See `matches(_:source:)`.
    var storedDigest: StampDigest? { pending?.digest ?? decodedDigest }

    /// The digest of every remembered path and stamp: `known`'s, else computed from the records (decoding them if
    /// need be).
    var digest: StampDigest {
        if let known { return known.digest }
        var digest = StampDigest()
        var buffer: [UInt8] = []
        for (path, file) in files { digest.add(path: path, stamp: file.stamp, buffer: &buffer) }
        return digest
    }

    /// A memory of `count` files (`unsure` of them with unsure stamps) whose records `decode` will give on demand.
    init(pending: PendingFiles) {
        self.pending = pending
    }

    /// Decodes the pending records now; a memory whose records turn out damaged forgets every file.
    mutating func materialize() {
        guard let pending else { return }
        self.pending = nil
        guard let files = pending.decode() else {
            decoded = [:]
            return
        }
        decoded = files
        decodedDigest = pending.digest
    }

    /// True when the payloads refer to nothing but `packID`'s pack, so nothing needs writing but the manifest.
    var hasFreshPayloads: Bool {
        pending == nil && decoded.values.contains { if case .fresh = $0.payload { true } else { false } }
    }

    /// Forgets every file whose path satisfies `predicate` (deleted files, a folder moved out).
    public mutating func forget(where predicate: (String) -> Bool) {
        files = files.filter { !predicate($0.key) }
    }

    /// True when the file at `path` gave the entry it gives now, and that entry passed the pipeline's screening
    /// with nothing to say (the pipeline need not screen it again).
    public func isScreened(_ path: String) -> Bool {
        files[path]?.screened ?? false
    }

    /// Records that the entries of the files at `paths` passed the pipeline's screening with nothing to say.
    public mutating func markScreened(_ paths: [String]) {
        materialize()
        for path in paths { decoded[path]?.screened = true }
    }

    /// Forgets every file's state, when the state store changed behind the memory's back.
    mutating func forgetStates() {
        storeMark = nil
        materialize()
        for path in decoded.keys {
            decoded[path]?.state = nil
            decoded[path]?.bodyName = nil
        }
    }

    /// The name of the body of the entry each file at `paths` gave, as the feed builder last named it; nil for a
    /// file not remembered or without one.
    public func bodyNames(for paths: [String]) -> [ContentName?] {
        let files = self.files
        return paths.map { files[$0]?.bodyName }
    }

    /// Records the names the feed builder gave the bodies of the entries the files at `paths` gave (same
    /// positions). The caller must pass names made from the entries these very records gave: the ones published
    /// since the files were last ingested.
    public mutating func setBodyNames(_ names: [ContentName], for paths: [String]) {
        materialize()
        for (path, name) in zip(paths, names) { decoded[path]?.bodyName = name }
    }

    /// Records where the file at `path` has its payload now (the cache wrote it), keeping `known`.
    mutating func setPayload(_ payload: Payload, for path: String) {
        materialize()
        decoded[path]?.payload = payload
    }

    /// Records what `Ingester.ingestAll` worked out about `files` as it made them.
    mutating func setKnown(_ known: Known) {
        self.known = known
    }

    /// How many files are remembered with a stamp that is not sure.
    public var unsureCount: Int {
        pending?.unsure ?? decoded.values.reduce(0) { $0 + ($1.isSure ? 0 : 1) }
    }
}

extension ArticleMemory {
    /// What a build knows about the files it remembers without hashing or sorting them all again: saving the cache
    /// after one article changed needs the digest of every path and stamp, and the paths in order.
    struct Known: Sendable {
        /// The digest of every path and stamp (`StampDigest`).
        var digest: StampDigest
        /// Every path, sorted.
        var sortedPaths: [String]
    }
}

/// The records of a manifest's article files, kept as the manifest's bytes until something needs them (see
/// `ArticleMemory.files`), with what its header says of them.
struct PendingFiles: Sendable {
    /// The whole manifest, its checksum already checked.
    var manifest: [UInt8]
    /// Where the records are in it.
    var records: Range<Int>
    /// How many files, and how many of those with unsure stamps.
    var count: Int
    var unsure: Int
    /// The digest of every path and stamp.
    var digest: StampDigest

    /// The records decoded; nil when they do not decode to `count` files.
    func decode() -> [String: ArticleMemory.File]? {
        BuildCache.decodeFiles(manifest, records: records, count: count)
    }
}

extension ArticleMemory {
    /// True when `listing` names exactly the remembered files, each with its remembered stamp, and every file
    /// whose stamp was unsure still hashes to what was remembered; such a file is marked sure when its stamp
    /// has settled by the time of `listing`.
    ///
    /// While the records are not decoded and no stamp was unsure, the listing's digest (`StampDigest`) is compared
    /// with the one stored, and no record is decoded at all: the same files with the same stamps always give the
    /// same digest, so one that differs (or none, for a symlinked article) means something changed, and the
    /// build that follows compares file by file anyway. With an unsure stamp, the records are decoded and
    /// compared path by path, as that stamp's hash must be confirmed.
    public mutating func matches(_ listing: SourceListing, source: URL) -> Bool {
        guard listing.paths.count == count else { return false }
        if let pending, pending.unsure == 0 { return StampDigest.of(listing) == pending.digest }
        materialize()
        var unsure: [String] = []
        for (path, stamp) in zip(listing.paths, listing.stamps) {
            guard let stamp, let file = files[path], file.stamp == stamp else { return false }
            if !file.isSure { unsure.append(path) }
        }
        for path in unsure {
            guard let file = files[path], Self.hashOfFile(source.appendingPathComponent(path).path) == file.contentHash else { return false }
            // Not through `files`: the paths and stamps stay as they were, and so does their digest.
            decoded[path]?.isSure = file.stamp.isSure(lookedAt: listing.lookedAt)
        }
        return true
    }

    /// The content hash of the file at `path` now; nil when it cannot be read.
    static func hashOfFile(_ path: String) -> String? {
        guard let file = try? FileDescriptor.open(readingAt: path) else { return nil }
        defer { try? file.close() }
        return (try? file.readToEnd()).map { ContentHash.hex($0) }
    }
}
