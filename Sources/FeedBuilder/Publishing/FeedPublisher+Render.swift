import Parallel
import Validation

extension FeedPublisher {
    /// Step 2 of a publish: renders every staged document into its temp file and checks it.
    ///
    /// Pages holding the same entries (each format's main feed, each format's archive page N) are rendered side
    /// by side, a window of entries at a time, so the validation session forgets each window's bodies once
    /// every format has checked them. A writer thread appends each window to the temp files meanwhile.
    /// - Returns: each staged document's findings, in the order of `stage.documents`.
    func renderAndValidate(
        _ feed: PreparedFeed, into stage: inout PublishStage, checkedBy check: DocumentCheck,
        phases: inout [PhaseTiming]
    ) throws(PublishError) -> [[Finding]] {
        let documents = stage.documents
        var sizes = Array(repeating: 0, count: documents.count)
        var reports = [ValidationReport?](repeating: nil, count: documents.count)
        let session: ValidationSession? = if case .whileRendering(let session) = check { session } else { nil }
        for members in Self.sideBySideGroups(documents.map(\.page)) {
            let names = members.map { documents[$0].page.fileName }.joined(separator: ", ")
            let phase = session == nil ? "render \(names)" : "render and validate \(names)"
            let temporaries = members.map { documents[$0].temporary }
            var groupSizes = Array(repeating: 0, count: members.count)
            let groupReports = try PhaseTiming.measure(phase, into: &phases) { () throws(PublishError) in
                let writer = ChunkWriter()
                let reports: [ValidationReport?]
                do throws(PublishError) {
                    reports = try feed.render(members.map { documents[$0].page }, validatingWith: session) { position, chunk in
                        groupSizes[position] += chunk.count
                        writer.write(chunk, to: temporaries[position])
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
                sizes[index] = groupSizes[position]
                reports[index] = groupReports[position]
            }
        }
        switch check {
        case .whileRendering:
            return reports.map { $0?.findings ?? [] }
        case .afterRendering(let validate):
            return try Self.validateFiles(documents, sizes: sizes, with: validate, phases: &phases)
        }
    }

    /// Positions of pages holding the same entries (`entryRange`), in order of first appearance.
    static func sideBySideGroups(_ pages: [FeedPage]) -> [[Int]] {
        var groups: [(range: Range<Int>, members: [Int])] = []
        for (index, page) in pages.enumerated() {
            if let group = groups.firstIndex(where: { $0.range == page.entryRange }) {
                groups[group].members.append(index)
            } else {
                groups.append((page.entryRange, [index]))
            }
        }
        return groups.map(\.members)
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
