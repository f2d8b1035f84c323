public import Foundation
import Platform

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
    }

    /// Where a file's parse is kept.
    enum Payload: Sendable {
        /// In the cache's pack file: a range and the checksum its bytes must have.
        case stored(offset: Int, length: Int, checksum: UInt64)
        /// Made by this process and not yet written.
        case fresh([UInt8])
    }

    /// Remembered files by relative path.
    var files: [String: File] = [:]
    /// The pack file the stored payloads are in, named by the random number in its header; 0 for none.
    var packID: UInt64 = 0
    /// The state store's mark just after the `state`s of `files` were read or recorded; nil when they cannot be
    /// trusted (see `StateStore.Mark`).
    var storeMark: StateStore.Mark?

    /// An empty memory.
    public init() {}

    /// How many article files are remembered.
    public var count: Int { files.count }

    /// True when the payloads refer to nothing but `packID`'s pack, so nothing needs writing but the manifest.
    var hasFreshPayloads: Bool {
        files.values.contains { if case .fresh = $0.payload { true } else { false } }
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
        for path in paths { files[path]?.screened = true }
    }

    /// Forgets every file's state, when the state store changed behind the memory's back.
    mutating func forgetStates() {
        storeMark = nil
        for path in files.keys { files[path]?.state = nil }
    }

    /// How many files are remembered with a stamp that is not sure.
    public var unsureCount: Int {
        files.values.reduce(0) { $0 + ($1.isSure ? 0 : 1) }
    }
}

extension ArticleMemory {
    /// True when `listing` names exactly the remembered files, each with its remembered stamp, and every file
    /// whose stamp was unsure still hashes to what was remembered; such a file is marked sure when its stamp
    /// has settled by the time of `listing`.
    public mutating func matches(_ listing: SourceListing, source: URL) -> Bool {
        guard listing.paths.count == files.count else { return false }
        var unsure: [String] = []
        for (path, stamp) in zip(listing.paths, listing.stamps) {
            guard let stamp, let file = files[path], file.stamp == stamp else { return false }
            if !file.isSure { unsure.append(path) }
        }
        for path in unsure {
            guard let file = files[path], Self.hashOfFile(source.appendingPathComponent(path).path) == file.contentHash else { return false }
            files[path]?.isSure = file.stamp.isSure(lookedAt: listing.lookedAt)
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
