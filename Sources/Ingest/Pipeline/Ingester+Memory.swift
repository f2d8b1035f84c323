import Parallel
import Platform
import Synchronization

extension Ingester {
    /// What `ingestAll(listing:remembering:cache:progress:)` did.
    public struct RememberingResult: Sendable {
        /// The entries, failures and files left out, as `ingestAll(progress:)` gives them.
        public var result: IngestResult
        /// What the next build should remember.
        public var memory: ArticleMemory
        /// How many files were taken from the cache rather than read and parsed.
        public var reused: Int
    }

    /// Ingests the files of `listing` like `ingestAll(progress:)`, taking the parse of each file `remembered`
    /// with the same stamp from the cache's pack instead of reading the file (an unsure stamp is confirmed by
    /// the hash of the file's bytes first). Every id and date is still settled against the state store, so a
    /// remembered parse gives exactly the entry a fresh one would.
    public func ingestAll(
        listing: SourceListing, remembering remembered: ArticleMemory?, cache: BuildCache?,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> RememberingResult {
        let stampsMatch = listing.paths.indices.contains { index in
            listing.stamps[index].map { remembered?.files[listing.paths[index]]?.stamp == $0 } ?? false
        }
        let pack = stampsMatch ? remembered.flatMap { cache?.pack(for: $0) } : nil
        let done = Mutex<Int>(0)
        let total = listing.paths.count
        let items = Parallel.map(count: total, run: ParallelReading.runLength) { index in
            let outcome = read(listing.paths[index], stamp: listing.stamps[index], lookedAt: listing.lookedAt, remembered: remembered, pack: pack)
            if let progress {
                done.withLock { done in
                    done += 1
                    progress(done, total)
                }
            }
            return outcome
        }
        var memory = ArticleMemory()
        memory.packID = remembered?.packID ?? 0
        memory.files.reserveCapacity(items.count)
        var reused = 0
        for (path, item) in zip(listing.paths, items) {
            if let file = item.file { memory.files[path] = file }
            if item.reused { reused += 1 }
        }
        return RememberingResult(result: collect(items.map(\.result), refused: listing.refused), memory: memory, reused: reused)
    }

    /// Ingests one file like `ingest(relativePath:)` and records it in `memory` (for the daemon, which keeps
    /// the cache up to date as files change).
    public func ingest(relativePath path: String, remembering memory: inout ArticleMemory) -> IngestOutcome {
        let lookedAt = SourceStamp.now()
        let stamp = SourceStamp(regularFileAt: source.appendingPathComponent(path).path)
        let item = read(path, stamp: stamp, lookedAt: lookedAt, remembered: nil, pack: nil)
        memory.files[path] = item.file
        switch item.result {
        case .parsed(let file): return settle([file])[0]
        case .leftOut(let issue): return .leftOut(issue)
        case .failed(let issue): return .failed(issue)
        }
    }

    private struct Item: Sendable {
        var result: ArticleReader.Result
        var file: ArticleMemory.File?
        var reused: Bool
    }

    /// One file: from the pack when its stamp (and, when unsure, its hash) matches what is remembered, else
    /// read and parsed, with the record the next build needs.
    private func read(
        _ path: String, stamp: SourceStamp?, lookedAt: Double, remembered: ArticleMemory?, pack: BuildCache.Pack?
    ) -> Item {
        if let stamp, let old = remembered?.files[path], old.stamp == stamp, let pack,
            case .stored(let offset, let length, let checksum) = old.payload,
            old.isSure || ArticleMemory.hashOfFile(source.appendingPathComponent(path).path) == old.contentHash
        {
            let modified = reader.plausibleModification(stamp.modifiedSeconds)
            let result = pack.withPayload(offset: offset, length: length, checksum: checksum) { bytes in
                ArticleReader.Result(cacheBytes: bytes, path: path, contentHash: old.contentHash, modified: modified)
            }
            if let result {
                var file = old
                file.isSure = stamp.isSure(lookedAt: lookedAt)
                return Item(result: result, file: file, reused: true)
            }
        }
        let (result, contentHash) = reader.readRemembering(path)
        guard let stamp, let contentHash else { return Item(result: result, file: nil, reused: false) }
        let file = ArticleMemory.File(
            stamp: stamp, isSure: stamp.isSure(lookedAt: lookedAt), contentHash: contentHash, payload: .fresh(result.cacheBytes()))
        return Item(result: result, file: file, reused: false)
    }
}
