import FeedModel
import Parallel
import Validation

extension FeedPublisher {
    /// Step 2 of a publish: renders every staged document into its temp file and checks it.
    ///
    /// Every fragment the staged documents hold is rendered first, once per variant however many feeds hold it
    /// (`FragmentStore`). Then the site feed's documents, and after them every derived feed's, are checked a
    /// window of entries at a time side by side (`DocumentsCheck`; a derived feed's fragments passed already in
    /// the site feed are not checked again) while writer threads (one per core) append each window to its temp file.
    /// - Returns: each staged document's findings, in the order of `stage.documents`.
    func renderAndValidate(
        _ feed: PreparedFeed, into stage: inout PublishStage, checkedBy check: DocumentCheck,
        phases: inout [PhaseTiming]
    ) throws(PublishError) -> [[Finding]] {
        let documents = stage.documents
        var jobs: [CheckedDocument] = []
        jobs.reserveCapacity(documents.count)
        for document in documents {
            let planned = feed.feeds[document.feedIndex]
            let renderer = feed.renderer(for: document.page, in: planned)
            let positions = planned.positions(of: document.page)
            let variant = FragmentVariant(format: document.page.format, in: planned.description)
            let needsFallbackAuthor = planned.description.authors.isEmpty && positions.contains { feed.entries[$0].entry.authors.isEmpty }
            let judgements = EntryJudgements(
                variant: variant, description: planned.description, needsFallbackAuthor: needsFallbackAuthor, isEmpty: positions.isEmpty)
            jobs.append(
                CheckedDocument(
                    frame: try PreparedFeed.frame(of: renderer, fileName: document.page.fileName), separator: renderer.separator,
                    positions: positions, variant: feed.store.index(of: variant, fileName: document.page.fileName),
                    format: document.page.format, carriesBodies: variant.content == .full,
                    judgements: checked.number(of: judgements), judgementsKey: feed.store.remembered == nil ? nil : ContentKey(judgements)))
        }
        // Fragments are rendered a window at a time, as the documents reach it, and released after the last
        // document holding them wrote them; small main pages keep theirs for the next publish (`carryOver`).
        var uses = FragmentUses(
            documents: jobs.map { ($0.variant, $0.positions) },
            kept: documents.indices.map { documents[$0].page.role == .current && jobs[$0].positions.count <= PreparedFeed.windowSize },
            entryCount: feed.entries.count)
        let session: ValidationSession? = if case .whileRendering(let session) = check { session } else { nil }
        var reports = [ValidationReport?](repeating: nil, count: documents.count)
        var sizes = Array(repeating: 0, count: documents.count)
        // Where each document's fragments sit in it, for the memory (nil once one could not be recorded).
        var located: [[PublishMemory.Location]?] = documents.map { _ in feed.store.remembered == nil ? nil : [] }
        let writer = ChunkWriters(documents: documents.count)
        let siteDocuments = documents.indices.filter { documents[$0].feedIndex == 0 }
        let derivedDocuments = documents.indices.filter { documents[$0].feedIndex != 0 }
        for (name, members) in [("site feed", siteDocuments), ("derived feeds", derivedDocuments)] where !members.isEmpty {
            let phase = "\(session == nil ? "write" : "validate and write") \(name) (\(members.count) documents)"
            do throws(PublishError) {
                try PhaseTiming.measure(phase, into: &phases) { () throws(PublishError) in
                    var checking = session.map {
                        DocumentsCheck(members.map { jobs[$0] }, store: feed.store, keys: feed.fragmentKeys, session: $0, passed: checked)
                    }
                    let windows = max(
                        1, members.map { (jobs[$0].positions.count + PreparedFeed.windowSize - 1) / PreparedFeed.windowSize }.max() ?? 1)
                    for window in 0..<windows {
                        let pairs = members.flatMap { index in
                            Self.range(window, of: jobs[index]).map { (position: jobs[index].positions[$0], variant: jobs[index].variant) }
                        }
                        try feed.store.render(pairs)
                        checking?.check(window: window)
                        for index in members {
                            let chunks = Self.parts(window, of: jobs[index], store: feed.store)
                            let lastWindow = (jobs[index].positions.count + PreparedFeed.windowSize - 1) / PreparedFeed.windowSize - 1
                            let range = Self.range(window, of: jobs[index])
                            if located[index] != nil, !range.isEmpty {
                                let offset = sizes[index] + (window == 0 ? jobs[index].frame.head.count : 0)
                                let more = feed.store.locations(
                                    jobs[index].positions[range], variant: jobs[index].variant, from: offset,
                                    separator: jobs[index].separator.count, separatorFirst: range.lowerBound > 0)
                                if let more { located[index]?.append(contentsOf: more) } else { located[index] = nil }
                            }
                            for (offset, chunk) in chunks.enumerated() {
                                sizes[index] += chunk.count
                                let closing = window >= lastWindow && offset == chunks.count - 1
                                writer.write(chunk, to: documents[index].temporary, document: index, closing: closing)
                            }
                        }
                        // The chunks hold the fragments' bytes; the store need not.
                        feed.store.release(uses.written(pairs))
                    }
                    if let checking {
                        for (index, report) in zip(members, checking.finish()) { reports[index] = report }
                    }
                }
            } catch {
                // Let queued writes finish before the temp files are discarded.
                try? writer.finish()
                throw error
            }
        }
        try writer.finish()
        // Every span copied from a published file came from the file its slices were checked in.
        try feed.store.remembered?.memory.confirmSources()
        if feed.store.remembered != nil {
            for index in documents.indices {
                guard let fragments = located[index], let variant = feed.store.variantKey(jobs[index].variant) else { continue }
                // A verdict is remembered only from the built-in check, and only for a document with no finding.
                let clean = session != nil && reports[index]?.findings.isEmpty == true
                stage.documents[index].contents = PublishMemory.Contents(
                    frame: ContentKey(jobs[index].frame, separator: jobs[index].separator), separator: jobs[index].separator,
                    variant: variant,
                    passedUnder: clean ? jobs[index].judgementsKey : nil, fragments: fragments)
            }
        }
        // The main pages are what the next edit rewrites: their fragments are kept for it.
        feed.store.carryOver(
            documents.indices.filter { documents[$0].page.role == .current }.flatMap { index in
                jobs[index].positions.map { (position: $0, variant: jobs[index].variant) }
            })
        checked.keepOnly(feed.fragmentKeys, judgementsInUse: Set(jobs.map(\.judgements)).count)
        switch check {
        case .whileRendering:
            return reports.map { $0?.findings ?? [] }
        case .afterRendering(let validate):
            return try Self.validateFiles(documents, sizes: sizes, with: validate, phases: &phases)
        }
    }

    /// The entry indices of window `window` of a document (empty past its last window).
    private static func range(_ window: Int, of job: CheckedDocument) -> Range<Int> {
        let start = min(window * PreparedFeed.windowSize, job.positions.count)
        return start..<min(start + PreparedFeed.windowSize, job.positions.count)
    }

    /// Window `window` of a document as parts to write: the head before the first window's fragments, the tail
    /// after the last window's; none past the document's last window. Fragments found in published files are
    /// copied from there (`DocumentPart`).
    private static func parts(_ window: Int, of job: CheckedDocument, store: FragmentStore) -> [DocumentPart] {
        let count = job.positions.count
        let windows = max(1, (count + PreparedFeed.windowSize - 1) / PreparedFeed.windowSize)
        guard window < windows else { return [] }
        var parts: [DocumentPart] = []
        if window == 0 { parts.append(.rendered(RenderedChunk(pieces: [job.frame.head]))) }
        let start = window * PreparedFeed.windowSize
        let range = start..<min(start + PreparedFeed.windowSize, count)
        if !range.isEmpty {
            parts += DocumentPart.parts(
                of: store.pieces(job.positions[range], variant: job.variant), separator: job.separator, separatorFirst: start > 0)
        }
        if window == windows - 1 { parts.append(.rendered(RenderedChunk(pieces: [job.frame.tail]))) }
        return parts
    }

    /// A caller's check over each document's bytes as written, read back from its temp file: the bytes that
    /// will be served. Documents are independent, so each batch is checked on all cores (libxml2 objects are
    /// per task), and batches are bounded by `parallelValidationBudget` so memory stays bounded too.
    private static func validateFiles(
        _ documents: [StagedDocument], sizes: [Int],
        with validate: @escaping @Sendable ([UInt8]) -> ValidationReport,
        phases: inout [PhaseTiming]
    ) throws(PublishError) -> [[Finding]] {
        var findings: [[Finding]] = []
        for batch in batches(sizes, budget: parallelValidationBudget) {
            let paths = batch.map { documents[$0].temporary.path }
            let checked = try Parallel.map(paths[...]) { path throws(PublishError) in
                let start = ContinuousClock.now
                let report = validate(try AtomicFile.contents(of: path) ?? [])
                return (findings: report.findings, milliseconds: (ContinuousClock.now - start).milliseconds)
            }
            for (index, result) in zip(batch, checked) {
                phases.append(PhaseTiming(name: "validate " + documents[index].page.fileName, milliseconds: result.milliseconds))
                findings.append(result.findings)
            }
        }
        return findings
    }

    /// How many bytes of documents a caller's check may hold at the same time. A parsed document takes about
    /// five times its size (the bytes, libxml2's tree, the text pulled out of it), so small feeds and archive
    /// pages are checked side by side on all cores while a large feed is checked alone: peak memory then
    /// follows the largest document, not the sum of them.
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
}
