public import FeedModel
public import Foundation
public import Validation
import Parallel

/// Builds every document of a feed, validates all of them, and only then puts them in place atomically.
///
/// A publish is all or nothing: each document is streamed to a hidden temp file beside its target, a window
/// of entries at a time, and every window is validated (`AssembledDocumentCheck`, the rules and grammars of
/// `FeedValidator`) on all cores before its bytes are written; if any document has an error finding, every
/// temp file is removed and the previous feeds stay as they were. Documents whose bytes equal the file already there are not renamed,
/// so their mtime (and HTTP `Last-Modified`) does not change. Archive pages that are no longer needed
/// (entries were deleted) are removed afterwards.
///
/// Given a `PreparedEntryCache`, a publisher also remembers (in memory, shared by its copies) what each page
/// was built from and the file it left on disk. A page whose inputs and file are both unchanged since then
/// is neither rendered nor validated again: its bytes would equal the validated file already there. This is
/// what keeps `crier watch` fast at 10,000 articles, where one edit changes the main feeds and one archive
/// page. Without a cache, or with a caller's `validate`, every page is rendered and checked every time.
public struct FeedPublisher: Sendable {
    /// The builder producing the documents.
    public var builder: FeedBuilder
    /// The folder feeds are written to; created when missing.
    public var outputDirectory: URL
    /// Checks each document before it may be published. Nil (the default) means `FeedValidator` with one
    /// `ValidationSession` per publish, so a body carried by RSS, Atom and JSON Feed is parsed once; a caller
    /// (a test, a stricter site policy) may supply another check.
    public var validate: (@Sendable ([UInt8]) -> ValidationReport)?
    /// Cleaned entries kept across publishes; nil cleans and renders everything every time.
    public var cache: PreparedEntryCache?
    /// The pages this publisher (or a copy of it) last put on disk.
    private let history = PageHistory()

    /// Creates a publisher.
    /// - Parameters:
    ///   - description: the feed.
    ///   - outputDirectory: where the documents go.
    ///   - generator: the program named in the feeds.
    ///   - cache: cleaned entries to reuse; with one, unchanged pages are also skipped on later publishes.
    public init(description: FeedDescription, outputDirectory: URL, generator: FeedGenerator = .crier,
                cache: PreparedEntryCache? = nil) {
        self.builder = FeedBuilder(description: description, generator: generator)
        self.outputDirectory = outputDirectory
        self.cache = cache
    }

    /// Builds, validates and publishes every page of every output.
    /// - Returns: which files were written, left unchanged and removed, and any validation warnings.
    /// - Throws: `PublishError` for bad input, validation errors (each finding with file, rule and line) or a
    ///   failing file-system call; nothing of this publish is in place then.
    public func publish(_ entries: [Entry]) throws(PublishError) -> PublishReport {
        var phases: [PhaseTiming] = []
        let cache = self.cache
        let feed = try PhaseTiming.measure("clean", into: &phases) { () throws(PublishError) in
            try builder.prepare(entries, cache: cache)
        }
        var directory = outputDirectory.path(percentEncoded: false)
        while directory.count > 1 && directory.hasSuffix("/") { directory.removeLast() }
        try AtomicFile.createDirectory(directory)
        removeLeftoverTemporaries(of: feed, in: directory)

        var staged: [StagedDocument] = []
        defer {
            // Every path out of this function, error or success, leaves no temp file behind.
            for document in staged { document.temporary?.discard() }
        }
        var report = PublishReport()
        report.cleaned = feed.cleanedCount
        var errors: [DocumentFinding] = []
        // A caller's check cannot be compared with the one a file was validated with: never skip then.
        let context = validate == nil ? PageContext(description: feed.description, generator: feed.generator) : nil
        // The default check validates each window of entries on all cores as it is rendered, before its
        // bytes are written; a body carried by RSS, Atom and JSON Feed is parsed once for all three.
        let session = validate == nil ? ValidationSession() : nil
        for page in feed.pages {
            let target = directory + "/" + page.fileName
            let inputs = context.flatMap { feed.inputs(of: page, context: $0) }
            if let inputs, history.isUnchanged(inputs, stamp: AtomicFile.stamp(of: target)) {
                report.unchanged.append(page.fileName)
                continue
            }
            history.forget(page.fileName)
            try AtomicFile.createDirectory(AtomicFile.split(target).directory)
            let temporary = try AtomicFile.temporary(for: target)
            staged.append(StagedDocument(page: page, target: target, temporary: temporary, inputs: inputs))
        }
        // Pages holding the same entries (each format's main feed, each format's archive page N) are rendered
        // side by side, a window of entries at a time, so the session forgets each window's bodies once every
        // format has checked them.
        var groups: [(range: Range<Int>, members: [Int])] = []
        for (index, document) in staged.enumerated() {
            if let group = groups.firstIndex(where: { $0.range == document.page.entryRange }) {
                groups[group].members.append(index)
            } else {
                groups.append((document.page.entryRange, [index]))
            }
        }
        for group in groups {
            let members = group.members
            let names = members.map { staged[$0].page.fileName }.joined(separator: ", ")
            let phase = session == nil ? "render \(names)" : "render and validate \(names)"
            var sizes = Array(repeating: 0, count: members.count)
            let temporaries = members.map { staged[$0].temporary }
            let reports = try PhaseTiming.measure(phase, into: &phases) { () throws(PublishError) in
                let writer = ChunkWriter()
                let reports: [ValidationReport?]
                do throws(PublishError) {
                    reports = try feed.render(members.map { staged[$0].page }, validatingWith: session) { position, chunk in
                        sizes[position] += chunk.count
                        if let temporary = temporaries[position] { writer.write(chunk, to: temporary) }
                    }
                } catch {
                    // Let queued writes finish before the temp files are discarded.
                    try? writer.finish()
                    throw error
                }
                try writer.finish()
                return reports
            }
            for (position, index) in members.enumerated() {
                staged[index].size = sizes[position]
                staged[index].report = reports[position]
            }
        }
        let validate = self.validate
        let start = ContinuousClock.now
        var outcomes: [CheckOutcome] = []
        // A caller's check gets each document's bytes, so its batches stay bounded in memory.
        let budget = validate == nil ? Int.max : Self.parallelValidationBudget
        for batch in Self.batches(staged.map(\.size), budget: budget) {
            let checks = batch.map {
                PendingCheck(temporaryPath: staged[$0].temporary?.path ?? "", target: staged[$0].target, report: staged[$0].report)
            }
            // Documents are independent: each task reads and compares its own (libxml2 objects are per task).
            outcomes += try Parallel.map(checks[...]) { pending throws(PublishError) in
                let documentStart = ContinuousClock.now
                var findings = pending.report?.findings ?? []
                if let validate {
                    // Validate what is on disk, the bytes that will be served.
                    findings = validate(try AtomicFile.contents(of: pending.temporaryPath) ?? []).findings
                }
                return CheckOutcome(findings: findings, unchanged: AtomicFile.file(pending.target, equalsFile: pending.temporaryPath),
                                    milliseconds: (ContinuousClock.now - documentStart).milliseconds)
            }
        }
        for (index, outcome) in outcomes.enumerated() {
            let fileName = staged[index].page.fileName
            phases.append(PhaseTiming(name: (validate == nil ? "compare " : "validate and compare ") + fileName,
                                      milliseconds: outcome.milliseconds))
            for finding in outcome.findings {
                let located = DocumentFinding(fileName: fileName, finding: finding)
                if finding.severity == .error { errors.append(located) } else { report.warnings.append(located) }
            }
            guard let temporary = staged[index].temporary else { continue }
            if outcome.unchanged {
                temporary.discard()
                staged[index].temporary = nil
                report.unchanged.append(fileName)
            } else {
                try temporary.syncAndClose()
            }
        }
        phases.append(PhaseTiming(name: validate == nil ? "compare (all documents)" : "validate and compare (all documents)", milliseconds: (ContinuousClock.now - start).milliseconds))
        if !errors.isEmpty {
            throw PublishError(.invalidDocuments(errors))
        }

        var touchedDirectories: Set<String> = []
        for index in staged.indices {
            guard let temporary = staged[index].temporary else { continue }
            try AtomicFile.rename(temporary.path, to: staged[index].target)
            staged[index].temporary = nil
            report.written.append(staged[index].page.fileName)
            touchedDirectories.insert(AtomicFile.split(staged[index].target).directory)
        }
        report.removed = try removeStaleArchives(of: feed, in: directory, touching: &touchedDirectories)
        for touched in touchedDirectories.sorted() {
            try AtomicFile.syncDirectory(touched)
        }
        // Only now is every rendered page validated and in place (written, or already there byte for byte).
        for document in staged {
            if let inputs = document.inputs { history.remember(inputs, target: document.target) }
        }
        history.keepOnly(Set(feed.pages.map(\.fileName)))
        report.rendered = staged.map(\.page.fileName).sorted()
        report.written.sort()
        report.unchanged.sort()
        report.phases = phases
        return report
    }

    /// Deletes temp files (`.NAME.tmp-XXXXXX`) of our outputs that a killed publish left behind.
    ///
    /// The caller holds the output folder's lock (`OutputLock`), so no other publish can own them; without
    /// this, every `kill -9` mid-publish would leave a feed-sized file forever and a small disk would fill up.
    /// Best effort: a leftover that cannot be removed does not stop the publish.
    private func removeLeftoverTemporaries(of feed: PreparedFeed, in directory: String) {
        for output in feed.description.outputs {
            let (subdirectory, name) = AtomicFile.split(output.fileName)
            let folder = subdirectory == "." ? directory : directory + "/" + subdirectory
            guard let names = try? AtomicFile.names(in: folder) else { continue }
            for candidate in names where candidate.hasPrefix(".") {
                guard let marker = candidate.range(of: ".tmp-", options: .backwards),
                      candidate.distance(from: marker.upperBound, to: candidate.endIndex) == 6 else { continue }
                let target = String(candidate[candidate.index(after: candidate.startIndex)..<marker.lowerBound])
                guard target == name || FeedPage.archiveNumber(of: target, for: name) != nil else { continue }
                try? AtomicFile.remove(folder + "/" + candidate)
            }
        }
    }

    /// How many bytes of documents may be validated at the same time. A parsed document takes about five
    /// times its size (the bytes, libxml2's tree, the text pulled out of it), so small feeds and archive pages
    /// are checked side by side on all cores while a large feed is checked alone: peak memory then follows
    /// the largest document, not the sum of them.
    static let parallelValidationBudget = 24 << 20

    /// Consecutive runs of document indices whose sizes add up to at most `budget` (a larger document is
    /// a run of its own), in order.
    static func batches(_ sizes: [Int], budget: Int) -> [[Int]] {
        var batches: [[Int]] = []
        var current: [Int] = []
        var total = 0
        for (index, size) in sizes.enumerated() {
            if !current.isEmpty && total + size > budget {
                batches.append(current)
                current = []
                total = 0
            }
            current.append(index)
            total += size
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }

    /// Deletes `NAME-archive-N.EXT` files of our outputs that this publish did not produce.
    private func removeStaleArchives(of feed: PreparedFeed, in directory: String,
                                     touching touched: inout Set<String>) throws(PublishError) -> [String] {
        let produced = Set(feed.pages.map(\.fileName))
        var removed: [String] = []
        for output in feed.description.outputs {
            let (subdirectory, name) = AtomicFile.split(output.fileName)
            let folder = subdirectory == "." ? directory : directory + "/" + subdirectory
            for candidate in try AtomicFile.names(in: folder) {
                let relative = subdirectory == "." ? candidate : subdirectory + "/" + candidate
                // The cheap test first: nearly every file there is a page just produced, and parsing its name
                // (`archiveNumber`, character by character) for 600 pages cost more than the listing.
                guard !produced.contains(relative), FeedPage.archiveNumber(of: candidate, for: name) != nil else { continue }
                try AtomicFile.remove(folder + "/" + candidate)
                removed.append(relative)
                touched.insert(folder)
            }
        }
        return removed.sorted()
    }
}

/// A rendered document waiting for the all-or-nothing rename.
private struct StagedDocument {
    var page: FeedPage
    var target: String
    /// Nil once renamed into place or discarded as unchanged.
    var temporary: AtomicFile.Temporary?
    /// Bytes rendered.
    var size = 0
    /// What it was rendered from; nil when it cannot be recognised later (no cache, a caller's check).
    var inputs: PageInputs?
    /// The default validation's report, made while rendering; nil with a caller's check.
    var report: ValidationReport?

    init(page: FeedPage, target: String, temporary: AtomicFile.Temporary?, inputs: PageInputs?) {
        self.page = page
        self.target = target
        self.temporary = temporary
        self.inputs = inputs
    }
}

/// What a validation task needs: where the rendered document is and where it will go.
private struct PendingCheck: Sendable {
    var temporaryPath: String
    var target: String
    var report: ValidationReport?
}

/// What a validation task found.
private struct CheckOutcome: Sendable {
    var findings: [Finding]
    /// True when the file in place already has these bytes.
    var unchanged: Bool
    var milliseconds: Double
}
