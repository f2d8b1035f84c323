public import Foundation
import Parallel
import Platform

/// What the documents of the last publish hold, fragment by fragment, so a later process (the next `crier
/// build`, the daemon after a restart) renders and validates only the entries that changed.
///
/// For each document put in place it keeps the file's stamp after the publish, the variant of its fragments,
/// and each fragment's `ContentKey`, offset, length and checksum; and, when the whole document passed
/// validation without a finding, the judgements (`EntryJudgements`) it passed under. A later publish then:
/// - takes an unchanged entry's fragment as a slice of the published file itself: a slice is used only while
///   the file still has the recorded stamp and the slice the recorded length and checksum (`slices(_:)`), and
///   anything else is rendered again. Neighbouring slices are copied into the new document as one span by the
///   kernel, never read into memory but to be checked (`SourceFile`, `DocumentPart`);
/// - skips checking a fragment whose exact bytes (its key and variant) passed under the same judgements
///   (`passed(_:judgements:)`), as `CheckedFragments` does within a process. The document around it is always
///   checked (`DocumentsCheck`).
///
/// Stored in the build cache's folder (`save(in:key:)`, about 40 bytes a fragment a document) under the
/// build cache's key, which covers Crier's executable (its renderers and rules), `crier.yml`, the source
/// folder and the state store; a file made under another key or for another output folder, or damaged
/// anywhere (its checksum), is ignored whole. Safe to share between threads.
public final class PublishMemory: @unchecked Sendable {
    /// One fragment as it sits in a published file.
    struct Location: Sendable, Equatable {
        var key: ContentKey
        var offset: Int
        var length: Int
        var checksum: UInt64
    }

    /// What a document holds, as rendered.
    struct Contents: Sendable, Equatable {
        /// The key of its head, tail and separator.
        var frame: ContentKey
        /// The bytes between two of its fragments.
        var separator: [UInt8]
        /// The key of its fragments' variant.
        var variant: ContentKey
        /// The judgements its fragments passed under, when the whole document passed without a finding.
        var passedUnder: ContentKey?
        /// Its fragments, in document order.
        var fragments: [Location]
    }

    /// One published document.
    struct Document: Sendable, Equatable {
        /// The file's name, relative to the output folder.
        var fileName: String
        /// The file's stamp once in place.
        var stamp: FileStamp
        var contents: Contents

        var variant: ContentKey { contents.variant }
        var passedUnder: ContentKey? { contents.passedUnder }
        var fragments: [Location] { contents.fragments }
    }

    /// Keys are SHA-256 bits, so one word of each spreads names over a table as well as all four do, at a
    /// quarter of the hashing: these tables hold every fragment of every remembered document (30,000 at 10,000
    /// articles in three formats), built by each process's first publish.
    private struct FragmentName: Hashable {
        var key: ContentKey
        var variant: ContentKey

        func hash(into hasher: inout Hasher) {
            hasher.combine(key.high ^ variant.low)
        }
    }

    private struct Verdict: Hashable {
        var key: ContentKey
        var judgements: ContentKey

        func hash(into hasher: inout Hasher) {
            hasher.combine(key.high ^ judgements.low)
        }
    }

    /// The output folder the documents are in.
    let outputDirectory: String
    // Guards everything below; the unchecked Sendable conformance rests on every access holding it.
    private let lock = NSLock()
    private var documents: [String: Document]
    /// Where each fragment can be found (the file by its place in `documentNames`), worked out on first use.
    private var locations: [FragmentName: (document: Int, location: Location)]?
    private var documentNames: [String] = []
    /// The fragments that passed, worked out on first use.
    private var verdicts: Set<Verdict>?
    /// Files opened to take fragments from in the current publish, nil for one whose stamp no longer matches.
    private var openFiles: [String: SourceFile?] = [:]
    /// The content key and body name of each entry of the latest publishes, by its `PreparedEntryCache` identity:
    /// the daemon's next publish hashes only the entries an edit changed. An identity is never handed out twice in
    /// a process (`EntryIdentity`) and names one entry as prepared, so its key never changes and a key kept for an
    /// identity no longer published is only dead weight: those are dropped when they outweigh the live ones
    /// (`contentKeys(of:identities:bodyHints:)`). Never saved (identities live in one process).
    private var keysByIdentity: [UInt64: Named] = [:]
    /// The identities and keys the latest `contentKeys(of:identities:bodyHints:)` gave, in their order: an edit
    /// leaves nearly every entry at its place, and comparing two numbers there costs less than a lookup in the table.
    private var latestKeys: (identities: [UInt64], named: [Named]) = ([], [])
    /// True until this process's first publish is remembered: from then on the publisher's own in-memory
    /// caches (`PageHistory`, `CarriedFragments`, `CheckedFragments`) know every page it wrote and every
    /// fragment it rendered or checked, and looking documents, slices and verdicts up again here would rebuild
    /// tables of every remembered fragment on each of the daemon's updates (about 30 ms at 10,000 articles in
    /// 10 sections) to find what those caches already give. The record itself is still kept up to date and
    /// saved, for the next process.
    private var consulted = true
    /// How many fragments were taken from published files, and how many were found but failed a check.
    private(set) var taken = 0
    private(set) var rejected = 0

    /// An empty memory for documents in `outputDirectory`.
    public convenience init(outputDirectory: URL) {
        self.init(outputDirectory: outputDirectory.standardizedFileURL.path, documents: [:])
    }

    init(outputDirectory: String, documents: [String: Document]) {
        self.outputDirectory = outputDirectory
        self.documents = documents
    }

    /// How many documents are remembered.
    public var documentCount: Int {
        lock.withLock { documents.count }
    }

    /// The record of the document at `fileName`, if any, for a process's first publish (see `consulted`).
    func document(_ fileName: String) -> Document? {
        lock.withLock { consulted ? documents[fileName] : nil }
    }

    /// Every remembered document, by file name.
    var allDocuments: [String: Document] {
        lock.withLock { documents }
    }

    /// The content key of each prepared entry, and the name of its body (`ContentKey.body(of:)`), hashed only for
    /// identities (same positions) no earlier call gave a key; nil identities (entries prepared without a cache)
    /// hash every entry.
    ///
    /// Only the new keys are added to the table: rebuilding it for every publish cost the daemon a 10,000-entry
    /// dictionary on each save of one article. It is rebuilt from this call's identities alone once the keys of
    /// identities no longer published outweigh the live ones, so it never holds more than about twice the
    /// entries of a publish (and the keys of one publish's new entries).
    ///
    /// - Parameter bodyHints: per entry (same positions), the name an earlier process gave its body, when the
    ///   caller vouches that the entry's body fields are those it was given for: the build cache keeps each
    ///   name beside its article file only while the file's parse and state are the ones the name was made
    ///   from. Such a body is not hashed again (most of an entry's bytes), only the entry's other fields.
    func contentKeys(
        of entries: [PreparedEntry], identities: [UInt64]?, bodyHints: [ContentKey?]? = nil
    ) -> (keys: [ContentKey], bodies: [ContentKey]) {
        let hints = bodyHints.flatMap { $0.count == entries.count ? $0 : nil }
        let name = { @Sendable (index: Int) -> Named in
            let body = hints?[index] ?? ContentKey.body(of: entries[index])
            return Named(key: ContentKey(entries[index], body: body), body: body)
        }
        guard let identities, identities.count == entries.count else {
            let named = Parallel.map(count: entries.count, run: 64, name)
            return (named.map(\.key), named.map(\.body))
        }
        let unknown = Named(key: ContentKey(high: 0, low: 0), body: ContentKey(high: 0, low: 0))
        var named = [Named](repeating: unknown, count: identities.count)
        var missing: [Int] = []
        lock.withLock {
            let latest = latestKeys
            let sameUpTo = min(latest.identities.count, identities.count)
            for (index, identity) in identities.enumerated() {
                if index < sameUpTo && latest.identities[index] == identity {
                    named[index] = latest.named[index]
                } else if let known = keysByIdentity[identity] {
                    named[index] = known
                } else {
                    missing.append(index)
                }
            }
        }
        let hashed = Parallel.map(missing[...], run: 64, name)
        for (index, value) in zip(missing, hashed) { named[index] = value }
        lock.withLock {
            // Added first, so a rebuild below is the only way a key leaves: a key kept is always its entry's.
            for (index, value) in zip(missing, hashed) where keysByIdentity[identities[index]] == nil {
                keysByIdentity[identities[index]] = value
            }
            // More keys than twice this publish's identities: the stale ones (at least the excess over them)
            // outweigh the live ones.
            if keysByIdentity.count > 2 * identities.count {
                keysByIdentity = Dictionary(zip(identities, named), uniquingKeysWith: { first, _ in first })
            }
            latestKeys = (identities, named)
        }
        return (named.map(\.key), named.map(\.body))
    }

    /// An entry's content key and its body's name.
    struct Named: Sendable {
        var key: ContentKey
        var body: ContentKey
    }

    /// How many content keys are kept by identity (`contentKeys(of:identities:bodyHints:)`), for tests.
    var keptContentKeys: Int {
        lock.withLock { keysByIdentity.count }
    }

    /// True for each fragment (by content key) that passed in a document making `judgements`.
    func passed(_ keys: [ContentKey], judgements: ContentKey) -> [Bool] {
        lock.withLock {
            guard consulted else { return keys.map { _ in false } }
            let known = passedFragments()
            return keys.map { known.contains(Verdict(key: $0, judgements: judgements)) }
        }
    }

    /// The fragments (by content key, in a variant) that published files still hold, each checked against its
    /// recorded checksum; nil where none does, or the file or the slice fails a check (then it is rendered again).
    ///
    /// The slices are read a block of neighbours at a time into a buffer that is reused, only to be checked:
    /// their bytes go into the new documents by a copy inside the kernel (`SourceFile`), so 40 MB of a feed kept
    /// as it was cost one read into a small buffer instead of a copy into new arrays, a join and a write.
    func slices(_ wanted: [(key: ContentKey, variant: ContentKey)]) -> [FileSlice?] {
        // Each wanted slice found and its file opened under the lock; read outside it.
        var found: [(source: SourceFile, document: Int, location: Location, index: Int)] = []
        lock.withLock {
            guard consulted else { return }
            let located = lookup()
            // Each document's file looked up by name once, not once per fragment (30,000 string hashes at 10,000
            // articles in three formats).
            var sources = [SourceFile??](repeating: nil, count: documentNames.count)
            for (index, name) in wanted.enumerated() {
                guard let (document, location) = located[FragmentName(key: name.key, variant: name.variant)] else { continue }
                if sources[document] == nil { sources[document] = .some(open(documentNames[document])) }
                guard case .some(.some(let source)) = sources[document] else { continue }
                found.append((source, document, location, index))
            }
        }
        var results = [FileSlice?](repeating: nil, count: wanted.count)
        guard !found.isEmpty else { return results }
        found.sort { ($0.document, $0.location.offset) < ($1.document, $1.location.offset) }
        let blocks = Self.blocks(found.map { ($0.document, $0.location.offset, $0.location.length) })
        let candidates = found
        let verdicts = Parallel.map(count: blocks.count, run: 1) { index -> [Bool] in
            let block = blocks[index]
            let first = candidates[block.lowerBound]
            let start = first.location.offset
            let end = candidates[block].map { $0.location.offset + $0.location.length }.max() ?? start
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: end - start, alignment: 16)
            defer { buffer.deallocate() }
            let read = (try? first.source.file.read(into: buffer, at: start)) ?? 0
            return candidates[block].map { candidate in
                let from = candidate.location.offset - start
                let to = from + candidate.location.length
                return to <= read
                    && FastChecksum.of(UnsafeRawBufferPointer(rebasing: buffer[from..<to])) == candidate.location.checksum
            }
        }
        var accepted = 0
        var failed = 0
        for (block, passed) in zip(blocks, verdicts) {
            for (candidate, passed) in zip(candidates[block], passed) {
                if passed {
                    let location = candidate.location
                    results[candidate.index] = FileSlice(
                        source: candidate.source, offset: location.offset, length: location.length, checksum: location.checksum)
                    accepted += 1
                } else {
                    failed += 1
                }
            }
        }
        lock.withLock {
            taken += accepted
            rejected += failed
        }
        return results
    }

    /// How many bytes of a published file are read at a time to check the slices in them.
    static let blockSize = 1 << 20

    /// Runs of slices (sorted by document, then offset) read together: slices of one document whose span from the
    /// first's start to the last's end stays within `blockSize` (a longer slice is a block of its own).
    static func blocks(_ slices: [(document: Int, offset: Int, length: Int)]) -> [Range<Int>] {
        var blocks: [Range<Int>] = []
        var first = 0
        for index in slices.indices.dropFirst() {
            let start = slices[first]
            if slices[index].document != start.document || slices[index].offset + slices[index].length - start.offset > blockSize {
                blocks.append(first..<index)
                first = index
            }
        }
        if !slices.isEmpty { blocks.append(first..<slices.count) }
        return blocks
    }

    /// Throws unless every file slices were taken from in this publish still has its recorded stamp, and no
    /// slice read from one again failed its checksum: called once every copy from them is done, before the
    /// commit, so a file someone else wrote while it was copied from is never half taken into a new document.
    func confirmSources() throws(PublishError) {
        let sources = lock.withLock { openFiles.values.compactMap { $0 } }
        for source in sources where !source.isIntact {
            throw PublishError(
                .fileSystem(
                    path: source.file.path, operation: "copy",
                    message: "the file changed while this publish copied from it; nothing was published, so run the build again"))
        }
    }

    /// Closes the files opened to take fragments from; called at the end of every publish.
    ///
    /// The closes run on another thread. A file this publish replaced is freed at its last close: its blocks and
    /// its page cache (40 MB a feed at 10,000 articles with `limit: 0`), about 30 ms for three feeds, which then
    /// overlap with what follows a publish (saving this memory and the build cache) instead of preceding it. The
    /// descriptors are taken out of the table first, so nothing here reads from them again.
    func closeFiles() {
        let sources = lock.withLock {
            defer { openFiles = [:] }
            return openFiles.values.compactMap { $0 }
        }
        guard !sources.isEmpty else { return }
        DispatchQueue.global(qos: .utility).async {
            for source in sources { try? source.file.close() }
        }
    }

    /// Remembers the documents a publish put in place, then forgets every document not among `produced` and
    /// every other one it `rendered` (whose record could not be made).
    func remember(_ published: [Document], rendered: [String], produced: Set<String>) {
        lock.withLock {
            for name in rendered { documents[name] = nil }
            for document in published { documents[document.fileName] = document }
            // Nearly always every document is still produced: looking that up costs far less than copying the
            // 2,400 records of a site with sections into a new table on each of the daemon's updates.
            if !documents.keys.allSatisfy(produced.contains) { documents = documents.filter { produced.contains($0.key) } }
            locations = nil
            verdicts = nil
            consulted = false
        }
    }

    // MARK: Under the lock

    private func lookup() -> [FragmentName: (document: Int, location: Location)] {
        if let locations { return locations }
        documentNames = documents.keys.sorted()
        var found: [FragmentName: (document: Int, location: Location)] = [:]
        found.reserveCapacity(documents.values.reduce(0) { $0 + $1.fragments.count })
        for (index, name) in documentNames.enumerated() {
            guard let document = documents[name] else { continue }
            for location in document.fragments {
                let key = FragmentName(key: location.key, variant: document.variant)
                if found[key] == nil { found[key] = (index, location) }
            }
        }
        locations = found
        return found
    }

    private func passedFragments() -> Set<Verdict> {
        if let verdicts { return verdicts }
        var known = Set<Verdict>(minimumCapacity: documents.values.reduce(0) { $0 + ($1.passedUnder == nil ? 0 : $1.fragments.count) })
        for document in documents.values {
            guard let judgements = document.passedUnder else { continue }
            for location in document.fragments { known.insert(Verdict(key: location.key, judgements: judgements)) }
        }
        verdicts = known
        return known
    }

    /// The file of a remembered document, opened once per publish; nil when it is gone or no longer has the
    /// stamp recorded after it was written (someone else wrote it, or another publish replaced it since).
    private func open(_ fileName: String) -> SourceFile? {
        if let opened = openFiles[fileName] { return opened }
        var result: SourceFile?
        if let document = documents[fileName], let file = try? FileDescriptor.open(readingAt: outputDirectory + "/" + fileName) {
            if FileStatus(of: file)?.stamp == document.stamp {
                result = SourceFile(file: file, stamp: document.stamp, separator: document.contents.separator)
            } else {
                try? file.close()
            }
        }
        openFiles[fileName] = result
        return result
    }
}
