import FeedModel
import Foundation
import Parallel
import Validation
import XML

/// One document to validate while it is assembled: its head and tail, and the prepared entries between them.
struct CheckedDocument: Sendable {
    var frame: DocumentFrame
    var separator: [UInt8]
    /// Positions in the prepared entries, in document order.
    var positions: [Int]
    /// The fragments' variant, as numbered by the publish's `FragmentStore`.
    var variant: Int
    var format: FeedFormat
    /// Whether the fragments carry the entries' HTML bodies (full content), which the session checks ahead.
    var carriesBodies: Bool
    /// The head's judgements, as numbered by `CheckedFragments`.
    var judgements: Int
    /// The head's judgements as a `ContentKey`, for a `PublishMemory`'s verdicts; nil without one.
    var judgementsKey: ContentKey?
}

/// Validates documents a window of entries at a time with `AssembledDocumentCheck`, skipping fragments that
/// already passed under the same judgements, and falling back to a full check wherever the shortcut saw anything.
///
/// Every document is checked: its head and tail (each batch parses them around its entries), its first entry
/// always (so the head is judged with an entry in it, as readers see it), and every fragment not known to have
/// passed in a document making the same judgements (`EntryJudgements`). What spans entries is checked over the
/// whole document here, from the entries themselves: their order, and that no two share an id or an `updated`
/// instant (what the validator checks across a document, `DuplicateEntries` and `DuplicateUpdated`).
///
/// The shortcut only ever decides that a document is clean. When it finds anything at all (an error, a warning,
/// or a broken cross-entry rule), the document is checked again in full, every fragment included, and that
/// report is the one used: so findings, their lines and messages are always those of a full check.
struct DocumentsCheck {
    private let documents: [CheckedDocument]
    private let store: FragmentStore
    /// Each entry's identity (`PreparedFeed.fragmentKeys`).
    private let keys: [UInt64]
    private let session: ValidationSession
    private let passed: CheckedFragments?
    private var checks: [AssembledDocumentCheck]
    /// Per document, per entry: the fragment is skipped.
    private let skips: [[Bool]]

    /// Starts checking documents.
    /// - Parameter passed: the fragments known to pass; nil checks every fragment.
    init(
        _ documents: [CheckedDocument], store: FragmentStore, keys: [UInt64], session: ValidationSession,
        passed: CheckedFragments?
    ) {
        self.documents = documents
        self.store = store
        self.keys = keys
        self.session = session
        self.passed = passed
        checks = documents.map { AssembledDocumentCheck(head: $0.frame.head, tail: $0.frame.tail, separator: $0.separator, session: session) }
        skips = documents.map { document in
            guard let passed, document.positions.count > 1 else { return Array(repeating: false, count: document.positions.count) }
            var known = passed.passed(document.positions.map { keys[$0] }, judgements: document.judgements)
            // Verdicts of earlier processes, by the fragments' content (`PublishMemory`).
            if let remembered = store.remembered, let judgements = document.judgementsKey {
                let before = remembered.memory.passed(document.positions.map { remembered.keys[$0] }, judgements: judgements)
                for index in known.indices where before[index] { known[index] = true }
            }
            known[0] = false
            return known
        }
    }

    /// How many windows the longest document has.
    var windowCount: Int {
        max(1, documents.map { ($0.positions.count + PreparedFeed.windowSize - 1) / PreparedFeed.windowSize }.max() ?? 1)
    }

    /// The entry indices of window `window` of document `index`.
    func window(_ window: Int, of index: Int) -> Range<Int> {
        let count = documents[index].positions.count
        let start = min(window * PreparedFeed.windowSize, count)
        return start..<min(start + PreparedFeed.windowSize, count)
    }

    /// Checks window `window` of every document (those that have one), all batches side by side on all cores.
    mutating func check(window: Int) {
        var pieces: [[[UInt8]]] = []
        var bodies: [String] = []
        for (index, document) in documents.enumerated() {
            let wanted = self.window(window, of: index).filter { !skips[index][$0] }.map { document.positions[$0] }
            pieces.append(store.fragments(wanted, variant: document.variant))
            if document.carriesBodies { bodies += wanted.map { store.entries[$0].contentHTML } }
        }
        guard pieces.contains(where: { !$0.isEmpty }) else { return }
        // Each body once, on all cores, before the batches that carry it (in every format) look it up.
        if !bodies.isEmpty { session.check(htmlBodies: bodies) }
        AssembledDocumentCheck.add(pieces, to: &checks)
        session.forgetBodies()
    }

    /// Each document's report, once every window was checked; documents that passed have their fragments
    /// recorded as passed under their judgements.
    func finish() -> [ValidationReport] {
        let checks = self.checks
        var reports = Parallel.map(checks[...]) { $0.finish() }
        let shortcut = documents.indices.filter { skips[$0].contains(true) }
        // Each entry's id as written, worked out once for every document that needs it (three formats of a
        // 10,000-entry feed asked for the same 10,000 ids three times), and only for the entries those documents
        // hold: the daemon's update of a 50-entry page asked for all 10,000 of the site's.
        let ids = shortcut.isEmpty ? [] : writtenIDs(at: shortcut.map { documents[$0].positions })
        // The documents side by side: each is a set of its 10,000 ids at 10,000 articles with `limit: 0`.
        let (checked, store) = (documents, self.store)
        let holding = Parallel.map(shortcut[...], run: 1) { index in Self.holdsAcrossEntries(checked[index], ids: ids, store: store) }
        for (index, holds) in zip(shortcut, holding) where !reports[index].findings.isEmpty || !holds {
            reports[index] = fullReport(documents[index])
        }
        if let passed {
            for (document, report) in zip(documents, reports) where report.findings.isEmpty {
                passed.record(document.positions.map { keys[$0] }, judgements: document.judgements)
            }
        }
        return reports
    }

    /// Every fragment of a document checked, as if no shortcut existed.
    private func fullReport(_ document: CheckedDocument) -> ValidationReport {
        var check = AssembledDocumentCheck(
            head: document.frame.head, tail: document.frame.tail, separator: document.separator, session: session)
        var start = 0
        while start < document.positions.count {
            let window = document.positions[start..<min(start + PreparedFeed.windowSize, document.positions.count)]
            // Written fragments were released (`FragmentUses`); rendering them again gives the same bytes, and
            // cannot fail where it succeeded for the same entries before.
            try? store.render(window.map { (position: $0, variant: document.variant) })
            if document.carriesBodies { session.check(htmlBodies: window.map { store.entries[$0].contentHTML }) }
            check.add(store.fragments(window, variant: document.variant))
            session.forgetBodies()
            start += window.count
        }
        return check.finish()
    }

    /// The document's entries are in feed order (newest first: positions ascending) and none shares an id or
    /// (in Atom, where the validator compares them) an `updated` instant with another. Ids are compared as
    /// written (what the writer drops removed, spaces trimmed), loosely rather than strictly: a false alarm
    /// costs a full check, a miss would not.
    private static func holdsAcrossEntries(_ document: CheckedDocument, ids written: [String?], store: FragmentStore) -> Bool {
        let positions = document.positions
        for index in positions.indices.dropFirst() where positions[index] <= positions[index - 1] { return false }
        var ids = Set<String>(minimumCapacity: positions.count)
        var instants = Set<Int64>(minimumCapacity: positions.count)
        for position in positions {
            guard let id = written[position], ids.insert(id).inserted else { return false }
            if document.format == .atom, !instants.insert(store.entries[position].entry.updated.secondsSinceEpoch).inserted { return false }
        }
        return true
    }

    /// The id of each entry at `positions` as the validator compares it (what the writer drops removed, white
    /// space trimmed), by position in the store; nil for the entries no document asked about.
    private func writtenIDs(at positions: [[Int]]) -> [String?] {
        var wanted = [Bool](repeating: false, count: store.entries.count)
        for list in positions { for position in list { wanted[position] = true } }
        let needed = wanted.indices.filter { wanted[$0] }
        let store = self.store
        // By position, not by value: handing each `PreparedEntry` to the closure copied (retained) every field.
        let computed = Parallel.map(needed[...], run: 256) { Self.writtenID(store.entries[$0].entry.id) }
        var ids = [String?](repeating: nil, count: store.entries.count)
        for (position, id) in zip(needed, computed) { ids[position] = id }
        return ids
    }

    /// An id as the validator compares it.
    private static func writtenID(_ stated: String) -> String {
        let id = XMLCharacters.publishable(stated)
        // Foundation's trimming reads the text as UTF-16; an id that starts and ends with a visible ASCII
        // character (nearly all) has nothing to trim.
        var copy = id
        let untrimmed = copy.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
        }
        return untrimmed ? id : id.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
