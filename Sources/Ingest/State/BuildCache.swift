public import Foundation
import Platform

/// The folder where a site's builds remember their work between runs, so an unchanged article is not read and
/// parsed again, and a build with nothing changed publishes nothing.
///
/// It lives beside the state store, named after it (`SOURCE/.crier/state.cache/` by default, `DIR/NAME.cache/`
/// for `--state DIR/NAME.sqlite`): what it remembers was settled against that store, a folder the daemon may
/// write to anyway, and deleting the store with its folder deletes the cache too. Two files and a lock:
///
/// - `articles.pack`: each article file's parse (`ArticleReader.Result`), appended as files change; a random
///   number in its header names it. When dead payloads (of files since changed or deleted) outweigh the live
///   ones, it is rewritten whole, through a temp file and a rename.
/// - `manifest`: the key the cache was made under, each file's stamp, content hash and payload location with
///   a checksum, its row in the state store (first seen, changed, id) and whether its entry passed the
///   pipeline's screening, the state store's mark when those rows were read (`StateStore.Mark`: a row is
///   trusted only while the store keeps that mark), and the pipeline's record of the last build (`extra`),
///   followed by a checksum of the whole. The header also holds a digest of every path and stamp
///   (`StampDigest`) and how many stamps are unsure, so a build with nothing changed can tell it without
///   decoding a record (they are decoded on demand: `ArticleMemory.files`).
///   It is replaced through a temp file and a rename after the pack is written, so a build killed at any
///   moment leaves the old manifest, which names only payloads already complete.
///
/// Nothing here is trusted without checking: a manifest whose checksum, format or key does not match, a pack
/// with another number, a payload out of range or with another checksum, is ignored, and what it stood for
/// is read from the articles again (and rewritten). A full disk or an unwritable folder only means the cache
/// is not saved; the build itself does not depend on it.
public struct BuildCache: Sendable {
    /// The cache folder.
    public let folder: URL

    /// The cache of the state store at `statePath`: `NAME.cache` beside it, `NAME` its file name without the
    /// extension.
    public init(statePath: URL) {
        let name = statePath.deletingPathExtension().lastPathComponent
        folder = statePath.deletingLastPathComponent().appendingPathComponent(name + ".cache", isDirectory: true)
    }

    /// What a previous build left.
    public struct Remembered: Sendable {
        /// The article files it read.
        public var articles: ArticleMemory
        /// The pipeline's own record (what it published).
        public var extra: [UInt8]
    }

    private static let manifestMagic = Array("CRIERMF4".utf8)
    private static let packMagic = Array("CRIERPK1".utf8)
    /// Header of the pack: magic and its number.
    static let packHeaderLength = 16

    var manifestPath: String { folder.appendingPathComponent("manifest").path }
    var packPath: String { folder.appendingPathComponent("articles.pack").path }
    private var lockPath: String { folder.appendingPathComponent("lock").path }

    /// Loads the manifest; nil when there is none, it is damaged, or it was made under another `key` (another
    /// Crier binary, configuration, source or state store).
    public func load(key: String) -> Remembered? {
        guard let file = try? FileDescriptor.open(readingAt: manifestPath) else { return nil }
        defer { try? file.close() }
        guard let bytes = try? file.readToEnd() else { return nil }
        return Self.decodeManifest(bytes, key: key)
    }

    static func decodeManifest(_ bytes: [UInt8], key: String) -> Remembered? {
        guard bytes.count >= manifestMagic.count + 8, bytes.starts(with: manifestMagic) else { return nil }
        return bytes.withUnsafeBytes { buffer -> Remembered? in
            let body = UnsafeRawBufferPointer(rebasing: buffer[0..<buffer.count - 8])
            var trailer = CacheReader(buffer, offset: buffer.count - 8)
            guard trailer.word() == FastChecksum.of(body) else { return nil }
            var reader = CacheReader(body, offset: manifestMagic.count)
            guard reader.string() == key, let packID = reader.word(), let count = reader.int(), count >= 0,
                let high = reader.word(), let low = reader.word(), let unsure = reader.int(), unsure >= 0, unsure <= count,
                let recordsLength = reader.int(), recordsLength >= 0, recordsLength <= body.count - reader.offset
            else { return nil }
            // The records are checked (by the checksum above) but decoded only when needed (`ArticleMemory.files`).
            let records = reader.offset..<reader.offset + recordsLength
            reader = CacheReader(body, offset: records.upperBound)
            guard let mark = reader.mark(), let extra = reader.byteArray(), reader.isAtEnd else { return nil }
            var memory = ArticleMemory(
                pending: PendingFiles(
                    manifest: bytes, records: records, count: count, unsure: unsure, digest: StampDigest(high: high, low: low)))
            memory.packID = packID
            memory.storeMark = mark
            return Remembered(articles: memory, extra: extra)
        }
    }

    /// Decodes the records of `count` files that `save` wrote at `records` in `manifest`; nil when damaged.
    static func decodeFiles(_ manifest: [UInt8], records: Range<Int>, count: Int) -> [String: ArticleMemory.File]? {
        manifest.withUnsafeBytes { buffer -> [String: ArticleMemory.File]? in
            guard records.lowerBound >= 0, records.upperBound <= buffer.count else { return nil }
            var reader = CacheReader(UnsafeRawBufferPointer(rebasing: buffer[..<records.upperBound]), offset: records.lowerBound)
            var files: [String: ArticleMemory.File] = [:]
            files.reserveCapacity(count)
            for _ in 0..<count {
                guard let path = reader.string(), let stamp = reader.stamp(), let isSure = reader.bool(),
                    let hash = reader.string(), let offset = reader.int(), let length = reader.int(), let checksum = reader.word(),
                    offset >= packHeaderLength, length >= 0, let state = reader.state(path: path, contentHash: hash),
                    let screened = reader.bool(), let bodyName = reader.contentName()
                else { return nil }
                files[path] = ArticleMemory.File(
                    stamp: stamp, isSure: isSure, contentHash: hash, payload: .stored(offset: offset, length: length, checksum: checksum),
                    state: state, screened: screened, bodyName: bodyName)
            }
            return reader.isAtEnd && files.count == count ? files : nil
        }
    }

    /// The pack file's bytes when it is the one `memory` refers to; nil otherwise (missing, replaced, damaged).
    /// Mapped, not read: a warm build touches every payload once, and copying tens of megabytes into the heap
    /// first cost more than decoding them.
    func pack(for memory: ArticleMemory) -> Pack? {
        guard memory.packID != 0, let file = try? MappedFile(readingAt: packPath) else { return nil }
        let id = file.withUnsafeBytes { buffer -> UInt64? in
            guard buffer.count >= Self.packHeaderLength, buffer.starts(with: Self.packMagic) else { return nil }
            var reader = CacheReader(buffer, offset: Self.packMagic.count)
            return reader.word()
        }
        return id == memory.packID ? Pack(file: file) : nil
    }

    /// The payloads of a pack file.
    struct Pack: Sendable {
        let file: MappedFile

        /// Calls `body` with the payload's bytes when they are within the file and have the checksum;
        /// returns nil otherwise.
        func withPayload<T>(offset: Int, length: Int, checksum: UInt64, _ body: (UnsafeRawBufferPointer) -> T?) -> T? {
            file.withUnsafeBytes { buffer in
                guard offset >= BuildCache.packHeaderLength, length >= 0, offset <= buffer.count - length else { return nil }
                let payload = UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + length])
                guard FastChecksum.of(payload) == checksum else { return nil }
                return body(payload)
            }
        }
    }

    /// Writes what `articles` holds that the pack does not have yet, then the manifest with `extra`, under
    /// `key`. On return every payload of `articles` is stored. Skips saving (returns false) when another
    /// process is saving this cache at the same moment.
    /// - Throws: a `SystemError` when a file cannot be written (a full disk); the previous manifest stays.
    @discardableResult
    public func save(_ articles: inout ArticleMemory, extra: [UInt8], key: String) throws -> Bool {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lock = try FileDescriptor.open(creatingAt: lockPath)
        defer { try? lock.close() }
        guard lock.tryLockExclusively() else { return false }
        defer { lock.unlock() }
        removeLeftovers()
        articles.materialize()
        try writePack(&articles)
        let files = articles.files
        // Known after an ingest (`ArticleMemory.Known`): one changed article need not have every path hashed and
        // sorted again.
        let known = articles.known.flatMap { $0.sortedPaths.count == files.count ? $0 : nil }
        var records = CacheWriter(capacity: 256 + files.count * 260)
        var digest = StampDigest()
        var buffer: [UInt8] = []
        var count = 0
        var unsure = 0
        for path in known?.sortedPaths ?? files.keys.sorted() {
            guard let file = files[path], case .stored(let offset, let length, let checksum) = file.payload else { continue }
            if known == nil { digest.add(path: path, stamp: file.stamp, buffer: &buffer) }
            count += 1
            if !file.isSure { unsure += 1 }
            records.write(path)
            records.write(file.stamp)
            records.write(file.isSure)
            records.write(file.contentHash)
            records.write(offset)
            records.write(length)
            records.writeWord(checksum)
            records.write(file.state)
            records.write(file.screened)
            records.write(file.bodyName)
        }
        if let known {
            if count == files.count {
                digest = known.digest
            } else {
                // A file without a stored payload is not recorded (none is, once the pack is written): the digest
                // is of the files recorded.
                for path in known.sortedPaths {
                    guard let file = files[path], case .stored = file.payload else { continue }
                    digest.add(path: path, stamp: file.stamp, buffer: &buffer)
                }
            }
        }
        var writer = CacheWriter(capacity: 256 + records.bytes.count + extra.count)
        writer.append(raw: Self.manifestMagic)
        writer.write(key)
        writer.writeWord(articles.packID)
        writer.write(count)
        writer.writeWord(digest.high)
        writer.writeWord(digest.low)
        writer.write(unsure)
        writer.write(records.bytes.count)
        writer.append(raw: records.bytes)
        writer.write(articles.storeMark)
        writer.write(bytes: extra)
        writer.writeWord(FastChecksum.of(writer.bytes))
        try replace(manifestPath, with: writer.bytes)
        return true
    }

    /// Appends fresh payloads to the pack, or writes a new pack when there is none usable or it is more than
    /// half dead bytes.
    private func writePack(_ articles: inout ArticleMemory) throws {
        var fresh: [String] = []
        var freshBytes = 0
        var live = 0
        for (path, file) in articles.files {
            switch file.payload {
            case .fresh(let bytes):
                fresh.append(path)
                freshBytes += bytes.count
            case .stored(_, let length, _): live += length
            }
        }
        if let size = packSize(for: articles), size + freshBytes <= 2 * (live + freshBytes) + (1 << 20) {
            guard !fresh.isEmpty else { return }
            try append(fresh.sorted(), at: size, to: &articles)
            return
        }
        try rewritePack(&articles, from: pack(for: articles))
    }

    /// The size of the pack file when it is the one `articles` refers to (read from its header alone).
    private func packSize(for articles: ArticleMemory) -> Int? {
        guard articles.packID != 0, let status = FileStatus(linkAt: packPath), status.kind == .regular,
            let file = try? FileDescriptor.open(readingAt: packPath)
        else { return nil }
        defer { try? file.close() }
        var header = [UInt8](repeating: 0, count: Self.packHeaderLength)
        let count = header.withUnsafeMutableBytes { buffer in (try? file.read(into: buffer)) ?? 0 }
        guard count == Self.packHeaderLength, header.starts(with: Self.packMagic) else { return nil }
        let id = header.withUnsafeBytes { buffer in
            var reader = CacheReader(buffer, offset: Self.packMagic.count)
            return reader.word()
        }
        return id == articles.packID ? status.size : nil
    }

    private func append(_ fresh: [String], at end: Int, to articles: inout ArticleMemory) throws {
        let file = try FileDescriptor.open(appendingAt: packPath)
        defer { try? file.close() }
        // The file may have grown past what we read (bytes a killed save appended); append after them.
        guard let size = FileStatus(linkAt: packPath)?.size, size >= end else { throw CacheWriteError(path: packPath) }
        var output = ChunkedOutput(file: file, offset: size)
        for path in fresh {
            guard case .fresh(let bytes) = articles.files[path]?.payload else { continue }
            let offset = output.offset
            try bytes.withUnsafeBytes { try output.write($0) }
            articles.setPayload(.stored(offset: offset, length: bytes.count, checksum: FastChecksum.of(bytes)), for: path)
        }
        try output.flush()
    }

    /// Writes a new pack of every payload through a temp file, a megabyte at a time: the whole pack in one
    /// buffer (35 MB at 10,000 articles, twice that while the buffer grew) was a cold build's peak of memory.
    /// Each fresh payload is let go once written.
    private func rewritePack(_ articles: inout ArticleMemory, from existing: Pack?) throws {
        var id: UInt64 = 0
        while id == 0 || id == articles.packID { id = UInt64.random(in: 1...UInt64.max) }
        var header = CacheWriter(capacity: Self.packHeaderLength)
        header.append(raw: Self.packMagic)
        header.writeWord(id)
        let temporary = try FileDescriptor.makeUnique(template: packPath + ".tmp-XXXXXX", mode: 0o644)
        do {
            var output = ChunkedOutput(file: temporary, offset: 0)
            try header.bytes.withUnsafeBytes { try output.write($0) }
            for path in articles.files.keys.sorted() {
                guard let file = articles.files[path] else { continue }
                let offset = output.offset
                let stored: ArticleMemory.Payload?
                switch file.payload {
                case .fresh(let fresh):
                    try fresh.withUnsafeBytes { try output.write($0) }
                    stored = .stored(offset: offset, length: fresh.count, checksum: FastChecksum.of(fresh))
                case .stored(let oldOffset, let length, let checksum):
                    var failure: (any Error)?
                    let copied = existing?.withPayload(offset: oldOffset, length: length, checksum: checksum) { bytes -> Bool? in
                        do { try output.write(bytes) } catch { failure = error }
                        return true
                    }
                    if let failure { throw failure }
                    stored = copied == true ? .stored(offset: offset, length: length, checksum: checksum) : nil
                }
                if let stored {
                    articles.setPayload(stored, for: path)
                } else {
                    articles.files[path] = nil
                }
            }
            try output.flush()
            try temporary.close()
        } catch {
            try? temporary.close()
            try? FileSystem.removeFile(temporary.path)
            throw error
        }
        do {
            try FileSystem.rename(temporary.path, to: packPath)
        } catch {
            try? FileSystem.removeFile(temporary.path)
            throw error
        }
        articles.packID = id
    }

    /// Replaces `path` by a file holding `bytes`, through a temp file and a rename, so a reader (or a build
    /// after a `kill -9`) sees the old file or the new one, never a part.
    private func replace(_ path: String, with bytes: [UInt8]) throws {
        let temporary = try FileDescriptor.makeUnique(template: path + ".tmp-XXXXXX", mode: 0o644)
        do {
            try bytes.withUnsafeBytes { buffer in try temporary.write(buffer) }
        } catch {
            try? temporary.close()
            try? FileSystem.removeFile(temporary.path)
            throw error
        }
        do {
            try temporary.close()
            try FileSystem.rename(temporary.path, to: path)
        } catch {
            try? FileSystem.removeFile(temporary.path)
            throw error
        }
    }

    /// Removes the cache folder's temp files a killed save left (under the lock, so none is another's).
    private func removeLeftovers() {
        guard let names = try? FileSystem.names(inDirectory: folder.path) else { return }
        for name in names where name.contains(".tmp-") {
            try? FileSystem.removeFile(folder.appendingPathComponent(name).path)
        }
    }
}

extension CacheWriter {
    /// Writes an article's settled state, or its absence: its path and content hash are the file's own.
    fileprivate mutating func write(_ state: ArticleState?) {
        write(state != nil)
        guard let state else { return }
        write(state.firstSeen)
        write(state.changed)
        write(state.assignedID)
    }
}

extension CacheReader {
    /// Reads what `write(_: ArticleState?)` wrote for the file at `path`: `.some(nil)` for none, nil when damaged.
    fileprivate mutating func state(path: String, contentHash: String) -> ArticleState?? {
        guard let present = bool() else { return nil }
        if !present { return .some(nil) }
        guard let firstSeen = timestamp(), let changed = optionalTimestamp(), let assignedID = string() else { return nil }
        return .some(ArticleState(path: path, firstSeen: firstSeen, contentHash: contentHash, changed: changed, assignedID: assignedID))
    }
}

/// Bytes on their way to a file, written a megabyte at a time.
private struct ChunkedOutput {
    let file: FileDescriptor
    /// Where the next byte lands in the file.
    private(set) var offset: Int
    private var buffer: [UInt8] = []
    private static let chunk = 1 << 20

    init(file: FileDescriptor, offset: Int) {
        self.file = file
        self.offset = offset
        buffer.reserveCapacity(Self.chunk)
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        if buffer.count + bytes.count > Self.chunk { try flush() }
        if bytes.count >= Self.chunk {
            try file.write(bytes)
        } else {
            buffer.append(contentsOf: bytes)
        }
        offset += bytes.count
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try file.write($0) }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A cache file that could not be written as expected.
struct CacheWriteError: Error, CustomStringConvertible {
    var path: String
    var description: String { "\(path): cannot write the build cache" }
}
