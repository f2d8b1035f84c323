import Parallel
import Platform
import Synchronization

extension Ingester {
    /// What `ingestAll(listing:remembering:cache:progress:)` did.
    public struct RememberingResult: Sendable {
        /// The entries, failures and files left out, as `ingestAll(progress:)` gives them.
        public var result: IngestResult
        /// What the next build should remember, with its paths in order and their digest worked out from the
        /// remembered one and the files that changed (`ArticleMemory.Known`), for the cache to save.
        public var memory: ArticleMemory
        /// How many files were taken from the cache rather than read and parsed.
        public var reused: Int
    }

    /// Ingests the files of `listing` like `ingestAll(progress:)`, taking the parse of each file `remembered`
    /// with the same stamp from the cache's pack instead of reading the file (an unsure stamp is confirmed by
    /// the hash of the file's bytes first). Every id and date is settled as a fresh parse's would be: from the
    /// state the cache remembers for the file while the store still has the mark it had then
    /// (`StateStore.Mark`), so an unchanged article costs no look-up and no write; else from the store, in
    /// one transaction, in path order, as `ingestAll(progress:)` does.
    public func ingestAll(
        listing: SourceListing, remembering remembered: ArticleMemory?, cache: BuildCache?,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> RememberingResult {
        // The dictionary alone: reached through the optional memory, each look-up copied the whole value.
        let rememberedFiles = remembered?.files ?? [:]
        let stampsMatch = listing.paths.indices.contains { index in
            listing.stamps[index].map { rememberedFiles[listing.paths[index]]?.stamp == $0 } ?? false
        }
        let pack = stampsMatch ? remembered.flatMap { cache?.pack(for: $0) } : nil
        let mark = store.mark()
        let statesHold = mark != nil && remembered?.storeMark == mark
        // The digest of the remembered paths and stamps, which the one of this listing's files differs from by
        // the files added, changed and deleted alone (see `ArticleMemory.Known`); nil when it is not known.
        let rememberedDigest: StampDigest? =
            if let remembered {
                remembered.count == rememberedFiles.count ? remembered.storedDigest ?? remembered.known?.digest : nil
            } else {
                StampDigest()
            }
        let done = Mutex<Int>(0)
        let total = listing.paths.count
        var items = Parallel.map(count: total, run: ParallelReading.runLength) { index in
            let path = listing.paths[index]
            let old = rememberedFiles[path]
            var outcome = read(path, stamp: listing.stamps[index], lookedAt: listing.lookedAt, old: old, pack: pack, statesHold: statesHold)
            outcome.remembered = old != nil
            if rememberedDigest != nil { outcome.digestChange = Self.digestChange(path: path, from: old?.stamp, to: outcome.file?.stamp) }
            if let progress {
                done.withLock { done in
                    done += 1
                    progress(done, total)
                }
            }
            return outcome
        }
        // The files not settled from memory, settled against the store together.
        var unsettled: [ArticleReader.Parsed] = []
        for index in items.indices where items[index].needsSettling {
            if case .read(.parsed(let file)) = items[index].outcome { unsettled.append(file) }
        }
        let settled = settle(unsettled)
        unsettled = []

        var result = IngestResult(leftOut: listing.refused)
        result.entries.reserveCapacity(items.count)
        result.entryPaths.reserveCapacity(items.count)
        var memory = ArticleMemory()
        memory.packID = remembered?.packID ?? 0
        memory.storeMark = settled.wrote ? store.mark() : mark
        memory.files.reserveCapacity(items.count)
        var reused = 0
        var next = 0
        var digest = rememberedDigest
        var listedRemembered = 0
        var sortedPaths: [String] = []
        sortedPaths.reserveCapacity(items.count)
        // Each item is moved out of the array (a harmless placeholder moved in), so its strings move into the
        // result instead of being copied and released.
        let placeholder = Item(outcome: .read(.leftOut(IngestIssue(file: "", message: ""))), file: nil, reused: false)
        // The listing is sorted, so `sortedPaths` is too; checked as it is made, as `Known` relies on it.
        var inOrder = true
        for (index, path) in listing.paths.enumerated() {
            let item = items.withUnsafeMutableBufferPointer { buffer in
                let slot = buffer.baseAddress! + index
                defer { slot.initialize(to: placeholder) }
                return slot.move()
            }
            var outcome: IngestOutcome?
            var state: ArticleState?
            switch item.outcome {
            case .settled(let remembered, let rememberedState):
                (outcome, state) = (remembered, rememberedState)
            case .read(.parsed):
                (outcome, state) = (settled.outcomes[next], settled.states[next])
                next += 1
            case .read(.leftOut(let issue)):
                result.leftOut.append(issue)
            case .read(.failed(let issue)):
                result.failed.append(issue)
            }
            switch outcome {
            case .entry(let entry, let warnings):
                result.entries.append(entry)
                result.entryPaths.append(path)
                result.warnings += warnings
            case .failed(let issue): result.failed.append(issue)
            case .leftOut(let issue): result.leftOut.append(issue)
            case nil: break
            }
            if var file = item.file {
                // Another state may give another entry: the pipeline screens it again, and the body is named again.
                if state == nil || state != file.state {
                    file.screened = false
                    file.bodyName = nil
                }
                file.state = state
                memory.files[path] = file
                if let last = sortedPaths.last, !(last < path) { inOrder = false }
                sortedPaths.append(path)
            }
            if item.reused { reused += 1 }
            if item.remembered { listedRemembered += 1 }
            if let change = item.digestChange { digest?.add(change) }
        }
        if var known = digest, inOrder {
            if listedRemembered != rememberedFiles.count {
                // Files deleted since: their share of the remembered digest goes too.
                let listed = Set(listing.paths)
                var buffer: [UInt8] = []
                for (path, file) in rememberedFiles where !listed.contains(path) {
                    known.subtract(StampDigest.of(path: path, stamp: file.stamp, buffer: &buffer))
                }
            }
            memory.setKnown(ArticleMemory.Known(digest: known, sortedPaths: sortedPaths))
        }
        return RememberingResult(result: result, memory: memory, reused: reused)
    }

    /// Ingests one file like `ingest(relativePath:)` and records it in `memory` (for the daemon, which keeps
    /// the cache up to date as files change).
    public func ingest(relativePath path: String, remembering memory: inout ArticleMemory) -> IngestOutcome {
        let lookedAt = SourceStamp.now()
        let stamp = SourceStamp(regularFileAt: source.appendingPathComponent(path).path)
        let item = read(path, stamp: stamp, lookedAt: lookedAt, old: nil, pack: nil)
        memory.files[path] = item.file
        guard case .read(let result) = item.outcome else { return .failed(IngestIssue(file: path, message: "cannot be read")) }
        switch result {
        case .leftOut(let issue): return .leftOut(issue)
        case .failed(let issue): return .failed(issue)
        case .parsed(let file):
            // The states remembered for other files hold only while nothing but this process wrote the store.
            let before = store.mark()
            if before == nil || memory.storeMark != before { memory.forgetStates() }
            let settled = settle([file])
            memory.files[path]?.state = settled.states[0]
            memory.storeMark = settled.wrote ? store.mark() : before
            return settled.outcomes[0]
        }
    }

    /// What a file's change does to the digest of the remembered files (`StampDigest`): its share with `old`
    /// taken away, its share with `new` added; nil when the two are the same (the same stamp, or neither).
    private static func digestChange(path: String, from old: SourceStamp?, to new: SourceStamp?) -> StampDigest? {
        guard old != new else { return nil }
        var buffer: [UInt8] = []
        var change = new.map { StampDigest.of(path: path, stamp: $0, buffer: &buffer) } ?? StampDigest()
        if let old { change.subtract(StampDigest.of(path: path, stamp: old, buffer: &buffer)) }
        return change
    }

    private struct Item: Sendable {
        var outcome: Outcome
        var file: ArticleMemory.File?
        var reused: Bool
        /// True when the build cache remembered the file.
        var remembered = false
        /// What the file's change does to the digest of the remembered files, when known and not nothing.
        var digestChange: StampDigest?

        /// True for a parsed file still to be settled against the store.
        var needsSettling: Bool {
            if case .read(.parsed) = outcome { true } else { false }
        }
    }

    private enum Outcome: Sendable {
        /// Read or taken from the pack; parsed files still to be settled against the store.
        case read(ArticleReader.Result)
        /// Taken from the pack and settled with the state the cache remembers.
        case settled(IngestOutcome, ArticleState)
    }

    /// One file: from the pack when its stamp (and, when unsure, its hash) matches what is remembered, and
    /// then, when `statesHold`, settled with its remembered state (see `state(_:fits:)`) right here, on all
    /// cores; else read and parsed, with the record the next build needs.
    private func read(
        _ path: String, stamp: SourceStamp?, lookedAt: Double, old: ArticleMemory.File?, pack: BuildCache.Pack?,
        statesHold: Bool = false
    ) -> Item {
        if let stamp, let old, old.stamp == stamp, let pack,
            case .stored(let offset, let length, let checksum) = old.payload,
            old.isSure || ArticleMemory.hashOfFile(source.appendingPathComponent(path).path) == old.contentHash
        {
            let result = pack.withPayload(offset: offset, length: length, checksum: checksum) { bytes in
                // Only a new file's first-seen time needs its modification time; settled from memory, it has one.
                ArticleReader.Result(cacheBytes: bytes, path: path, contentHash: old.contentHash, modified: nil)
            }
            if var result {
                var file = old
                file.isSure = stamp.isSure(lookedAt: lookedAt)
                if case .parsed(var parsed) = result {
                    if statesHold, let state = old.state, Self.state(state, fits: parsed) {
                        return Item(outcome: .settled(entry(parsed, state: state, identity: reader.identity), state), file: file, reused: true)
                    }
                    parsed.modified = reader.plausibleModification(stamp.modifiedSeconds)
                    result = .parsed(parsed)
                }
                return Item(outcome: .read(result), file: file, reused: true)
            }
        }
        let (result, contentHash) = reader.readRemembering(path)
        guard let stamp, let contentHash else { return Item(outcome: .read(result), file: nil, reused: false) }
        let file = ArticleMemory.File(
            stamp: stamp, isSure: stamp.isSure(lookedAt: lookedAt), contentHash: contentHash, payload: .fresh(result.cacheBytes()))
        return Item(outcome: .read(result), file: file, reused: false)
    }
}
