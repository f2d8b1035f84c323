import FeedModel
import Foundation
import Parallel

/// Validates a feed document while it is assembled from a head, entry fragments and a tail, a batch of
/// entries at a time on all cores: the bytes are checked before they are written, and the whole document
/// never has to be in memory or parsed in one piece.
///
/// Each batch is validated as a document of its own, made of the head, the batch's fragments and the tail.
/// The XML parser is told how many lines of the assembled document lie between the head and the batch, and
/// the rules count entries from the batch's first one, so findings name the lines and entry numbers of the
/// assembled document. What no batch can see alone is checked across batches: entry identifiers must be
/// unique in the whole document, and a finding about the head or tail, which every batch repeats, is
/// reported once.
///
/// Why the assembled document is valid when every batch is: every batch parses the same head and tail
/// bytes, and each fragment in the same context (the elements of the head are open around it, with their
/// namespace declarations), so each fragment is well-formed there and so is their concatenation. Both
/// formats let entries repeat independently (any number of `entry` after the feed's other children, of
/// `item` in the channel), and the checks judge each entry on its own given the head, except identifier
/// uniqueness, which is checked here over the whole document.
public struct AssembledDocumentCheck: Sendable {
    /// How many entries each batch holds. Each batch re-reads the head and tail, so a batch should be large
    /// against them; and batches run side by side, several per core, so there should be many of them. A small
    /// hundred serves both.
    public static let batchSize = 100

    /// What every batch is checked with; kept apart from the state below, which grows with the document,
    /// so the batches running side by side share nothing that is mutated afterwards (a copy of the state
    /// would make each later insertion into `identifiers` copy the whole registry first).
    private let batches: BatchChecker
    /// Newlines in the head, and in the fragments and separators added so far: where the next batch starts.
    private var linesBefore: Int
    private var entriesBefore = 0
    private var findings = FindingList()
    /// Findings already reported by an earlier batch (the head's, repeated by every batch).
    private var reported: Set<Finding> = []
    private var identifiers = IdentifierRegistry()
    private var format: FeedFormat?
    private var formatKnown = false
    /// Findings about the tail (logged at or after its first byte: a channel's or feed's end checks), kept
    /// from the latest batch only and reported last: every batch checks the tail after its own entries, and
    /// only the last batch has seen them all.
    private var tailFindings = FindingList()
    /// What the first batch logged at the start of its first entry (a feed's metadata is judged there): a
    /// later batch logging the same there is judging the head again, not its entry.
    private var firstEntryJudgements: Set<String> = []

    /// Starts checking a document.
    /// - Parameters:
    ///   - head: every byte before the first entry.
    ///   - tail: every byte after the last entry.
    ///   - separator: the bytes between two entries (`,` and a newline in JSON, nothing in XML).
    ///   - session: markup findings of HTML bodies already checked in this publish.
    public init(head: [UInt8], tail: [UInt8], separator: [UInt8], session: ValidationSession?) {
        batches = BatchChecker(
            head: head, tail: tail, separator: separator, session: session,
            isXML: !FormatDetection.looksLikeJSON(head), headLines: ByteSearch.newlines(in: head))
        linesBefore = batches.headLines
    }

    /// Checks the next entries of the document, in document order, on all cores.
    public mutating func add(_ fragments: [[UInt8]]) {
        let work = plan(fragments).map { (document: 0, batch: $0) }
        for (_, result) in Self.check(work, with: [batches], fragments: [fragments]) { merge(result.checked, regions: result.regions) }
    }

    /// Checks the next entries of several documents at once (`fragments[i]` continues `checks[i]`), all
    /// their batches side by side on all cores: one wait for the slowest batch instead of one per document.
    public static func add(_ fragments: [[[UInt8]]], to checks: inout [AssembledDocumentCheck]) {
        precondition(fragments.count == checks.count, "one list of fragments per document")
        var work: [(document: Int, batch: BatchChecker.Batch)] = []
        for index in checks.indices {
            for batch in checks[index].plan(fragments[index]) { work.append((index, batch)) }
        }
        for (document, result) in check(work, with: checks.map(\.batches), fragments: fragments) {
            checks[document].merge(result.checked, regions: result.regions)
        }
    }

    /// Runs planned batches side by side and returns each result with its document, in the order given.
    private static func check(
        _ work: [(document: Int, batch: BatchChecker.Batch)], with checkers: [BatchChecker],
        fragments: [[[UInt8]]]
    ) -> [(document: Int, result: BatchChecker.Result)] {
        Parallel.map(work[...]) { item in (item.document, checkers[item.document].check(item.batch, of: fragments[item.document])) }
    }

    /// Splits the next fragments into batches, each knowing where it stands in the document.
    private mutating func plan(_ fragments: [[UInt8]]) -> [BatchChecker.Batch] {
        var planned: [BatchChecker.Batch] = []
        var start = 0
        while start < fragments.count {
            let end = min(start + Self.batchSize, fragments.count)
            let batch = BatchChecker.Batch(range: start..<end, linesBefore: linesBefore, entriesBefore: entriesBefore + start)
            for index in batch.range {
                if entriesBefore + index > 0 { linesBefore += ByteSearch.newlines(in: batches.separator) }
                linesBefore += ByteSearch.newlines(in: fragments[index])
            }
            planned.append(batch)
            start = end
        }
        entriesBefore += fragments.count
        return planned
    }

    /// The report for the whole document once every entry was added.
    public func finish() -> ValidationReport {
        var document = self
        if entriesBefore == 0 {
            // No entry: the head and tail are the whole document.
            document.merge(FeedValidator.check(bytes: batches.head + batches.tail, session: batches.session, part: .whole), regions: nil)
        }
        var list = document.findings
        for finding in document.tailFindings.findings { list.add(finding) }
        list.addCutOffCounts(of: document.tailFindings)
        let finished = list.finish()
        return ValidationReport(
            format: document.format,
            findings: finished)
    }

    private mutating func merge(_ checked: FeedValidator.Checked, regions: BatchChecker.Regions?) {
        if !formatKnown {
            format = checked.format
            formatKnown = true
        } else if format != checked.format {
            format = nil
        }
        // The part's findings in order, each duplicate identifier found across parts in the place the
        // whole document's validation would report it.
        let found = checked.outcome.findings.findings
        let seen = checked.outcome.identifiers
        var nextIdentifier = 0
        var tail = FindingList()
        for position in 0...found.count {
            while nextIdentifier < seen.count && seen[nextIdentifier].findingsBefore <= position {
                identifiers.check(seen[nextIdentifier], into: &findings)
                nextIdentifier += 1
            }
            guard position < found.count else { break }
            let finding = found[position]
            if let regions {
                if regions.isTail(finding) {
                    tail.add(finding)
                    continue
                }
                if regions.isFirstEntryStart(finding) {
                    let judgement = finding.rule + "\u{0}" + finding.message
                    if regions.isFirstBatch {
                        firstEntryJudgements.insert(judgement)
                    } else if firstEntryJudgements.contains(judgement) {
                        continue
                    }
                }
            }
            // A finding an earlier part reported is one about the head, which every part repeats.
            if !reported.contains(finding) { findings.add(finding) }
        }
        findings.addCutOffCounts(of: checked.outcome.findings)
        reported.formUnion(found)
        if regions != nil { tailFindings = tail }
    }

}

/// Checks one batch of an assembled document as a document of its own (see `AssembledDocumentCheck`).
private struct BatchChecker: Sendable {
    let head: [UInt8]
    let tail: [UInt8]
    let separator: [UInt8]
    let session: ValidationSession?
    let isXML: Bool
    let headLines: Int

    /// Where, in the assembled document, a batch's first entry and its copy of the tail begin.
    struct Regions: Sendable {
        var firstEntryLine: Int
        var firstEntryColumn: Int
        var tailLine: Int
        var tailColumn: Int
        var isFirstBatch: Bool

        func isTail(_ finding: Finding) -> Bool {
            finding.line > tailLine || (finding.line == tailLine && finding.column >= tailColumn)
        }

        func isFirstEntryStart(_ finding: Finding) -> Bool {
            finding.line == firstEntryLine && finding.column == firstEntryColumn
        }
    }

    /// What checking a batch gives: its findings, and for XML where its regions lie.
    struct Result: Sendable {
        var checked: FeedValidator.Checked
        var regions: Regions?
    }

    /// One batch's entries and where they stand in the document.
    struct Batch: Sendable {
        var range: Range<Int>
        /// Newlines before the batch's first fragment (and its separator).
        var linesBefore: Int
        var entriesBefore: Int
    }

    func check(_ batch: Batch, of fragments: [[UInt8]]) -> Result {
        let part = DocumentPart(entriesBefore: batch.entriesBefore, defersUniqueness: true)
        if isXML {
            // The push parser reads the pieces in place and counts the lines of the entries before the batch
            // without reading them.
            var pieces: [[UInt8]] = [head]
            pieces.reserveCapacity(batch.range.count * 2 + 2)
            for index in batch.range {
                if index > batch.range.lowerBound && !separator.isEmpty { pieces.append(separator) }
                pieces.append(fragments[index])
            }
            pieces.append(tail)
            let checked = FeedValidator.check(
                xmlPieces: pieces, linesSkipped: batch.linesBefore - headLines,
                session: session, part: part)
            return Result(checked: checked, regions: regions(of: batch, in: fragments))
        }
        // JSON Feed findings name paths (items[N]), not lines: the batch is parsed as one document.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(head.count + fragments[batch.range].reduce(0) { $0 + $1.count + separator.count } + tail.count)
        bytes += head
        for index in batch.range {
            if index > batch.range.lowerBound { bytes += separator }
            bytes += fragments[index]
        }
        bytes += tail
        return Result(checked: FeedValidator.check(bytes: bytes, session: session, part: part), regions: nil)
    }

    /// The lines and columns (characters before, on the line, as findings count them) where the batch's
    /// first fragment and its tail start in the assembled document.
    private func regions(of batch: Batch, in fragments: [[UInt8]]) -> Regions {
        var tailLine = batch.linesBefore + 1
        for index in batch.range { tailLine += ByteSearch.newlines(in: fragments[index]) }
        return Regions(
            firstEntryLine: batch.linesBefore + 1,
            firstEntryColumn: column(before: batch.range.lowerBound, in: fragments),
            tailLine: tailLine, tailColumn: column(before: batch.range.upperBound, in: fragments),
            isFirstBatch: batch.entriesBefore == 0)
    }

    /// Characters after the last newline of the head and the fragments before `end`: the column the next
    /// byte has. Fragments end with a newline in practice, so this reads one byte.
    private func column(before end: Int, in fragments: [[UInt8]]) -> Int {
        var count = 0
        for index in stride(from: end - 1, through: -1, by: -1) {
            let piece = index >= 0 ? fragments[index] : head
            for byte in piece.reversed() {
                if byte == UInt8(ascii: "\n") { return count }
                if byte & 0xC0 != 0x80 { count += 1 }
            }
        }
        return count
    }
}
