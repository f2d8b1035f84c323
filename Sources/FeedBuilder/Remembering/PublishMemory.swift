public import Foundation
import Parallel
import Platform

/// What the documents of the last publish hold, fragment by fragment, so a later process (the next `crier
/// build`, the daemon after a restart) renders and validates only the entries that changed.
///
/// For each document put in place it keeps the file's stamp after the publish, the variant of its fragments,
/// and each fragment's `ContentKey`, offset, length and checksum; and, when the whole document passed
/// validation without a finding, the judgements (`EntryJudgements`) it passed under. A later publish then:
/// - takes an unchanged entry's fragment as a slice of the published file itself, so nothing is copied to
///   keep it: a slice is used only while the file still has the recorded stamp and the slice the recorded
///   length and checksum (`fragments(_:)`); anything else is rendered again;
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

    private struct FragmentName: Hashable {
        var key: ContentKey
        var variant: ContentKey
    }

    private struct Verdict: Hashable {
        var key: ContentKey
        var judgements: ContentKey
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
    private var openFiles: [String: FileDescriptor?] = [:]
    /// The content key of each entry of the latest publish, by its `PreparedEntryCache` identity: the daemon's
    /// next publish hashes only the entries an edit changed. Never saved (identities live in one process).
    private var keysByIdentity: [UInt64: ContentKey] = [:]
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

    /// The content key of each prepared entry, hashed only for identities (same positions) the latest call did
    /// not see; nil identities (entries prepared without a cache) hash every entry.
    func contentKeys(of entries: [PreparedEntry], identities: [UInt64]?) -> [ContentKey] {
        guard let identities, identities.count == entries.count else {
            return Parallel.map(entries[...], run: 64) { ContentKey($0) }
        }
        let known = lock.withLock { keysByIdentity }
        let missing = identities.indices.filter { known[identities[$0]] == nil }
        let hashed = Parallel.map(missing[...], run: 64) { ContentKey(entries[$0]) }
        var keys = identities.map { known[$0] ?? ContentKey(high: 0, low: 0) }
        for (index, key) in zip(missing, hashed) { keys[index] = key }
        let current = Dictionary(zip(identities, keys), uniquingKeysWith: { first, _ in first })
        lock.withLock { keysByIdentity = current }
        return keys
    }

    /// True for each fragment (by content key) that passed in a document making `judgements`.
    func passed(_ keys: [ContentKey], judgements: ContentKey) -> [Bool] {
        lock.withLock {
            guard consulted else { return keys.map { _ in false } }
            let known = passedFragments()
            return keys.map { known.contains(Verdict(key: $0, judgements: judgements)) }
        }
    }

    /// The fragments (by content key, in a variant) that published files still hold, read from them; nil
    /// where none does, or the file or the slice fails a check (then it is rendered again).
    func fragments(_ wanted: [(key: ContentKey, variant: ContentKey)]) -> [(bytes: [UInt8], checksum: UInt64)?] {
        // Each wanted slice found and its file opened under the lock; read outside it.
        var reads: [(file: FileDescriptor, location: Location, index: Int)] = []
        lock.withLock {
            guard consulted else { return }
            let found = lookup()
            for (index, name) in wanted.enumerated() {
                guard let (document, location) = found[FragmentName(key: name.key, variant: name.variant)],
                    let file = open(documentNames[document])
                else { continue }
                reads.append((file, location, index))
            }
        }
        var results = [(bytes: [UInt8], checksum: UInt64)?](repeating: nil, count: wanted.count)
        guard !reads.isEmpty else { return results }
        let found = reads
        // Each slice read straight into the array that keeps it: one copy from the page cache, no buffer of
        // megabytes in between to fault in and copy out of.
        let slices = Parallel.map(count: found.count, run: 64) { index -> [UInt8]? in
            let (file, location, _) = found[index]
            var complete = false
            let slice = [UInt8](unsafeUninitializedCapacity: location.length) { buffer, initialized in
                initialized = (try? file.read(into: UnsafeMutableRawBufferPointer(buffer), at: location.offset)) ?? 0
                complete = initialized == location.length
            }
            return complete && FastChecksum.of(slice) == location.checksum ? slice : nil
        }
        var accepted = 0
        var failed = 0
        for (read, slice) in zip(found, slices) {
            if let slice {
                results[read.index] = (slice, read.location.checksum)
                accepted += 1
            } else {
                failed += 1
            }
        }
        lock.withLock {
            taken += accepted
            rejected += failed
        }
        return results
    }

    /// Closes the files opened to take fragments from; called at the end of every publish.
    func closeFiles() {
        lock.withLock {
            for case let file? in openFiles.values { try? file.close() }
            openFiles = [:]
        }
    }

    /// Remembers the documents a publish put in place, then forgets every document not among `produced` and
    /// every other one it `rendered` (whose record could not be made).
    func remember(_ published: [Document], rendered: [String], produced: Set<String>) {
        lock.withLock {
            for name in rendered { documents[name] = nil }
            for document in published { documents[document.fileName] = document }
            documents = documents.filter { produced.contains($0.key) }
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
        var known = Set<Verdict>()
        for document in documents.values {
            guard let judgements = document.passedUnder else { continue }
            for location in document.fragments { known.insert(Verdict(key: location.key, judgements: judgements)) }
        }
        verdicts = known
        return known
    }

    /// The file of a remembered document, opened once per publish; nil when it is gone or no longer has the
    /// stamp recorded after it was written (someone else wrote it, or another publish replaced it since).
    private func open(_ fileName: String) -> FileDescriptor? {
        if let opened = openFiles[fileName] { return opened }
        var result: FileDescriptor?
        if let document = documents[fileName], let file = try? FileDescriptor.open(readingAt: outputDirectory + "/" + fileName) {
            if FileStatus(of: file)?.stamp == document.stamp {
                result = file
            } else {
                try? file.close()
            }
        }
        openFiles[fileName] = result
        return result
    }
}
