/// Where a validated document stands in a larger one: the whole document, or one batch of a document
/// assembled from a head, entry fragments and a tail (`AssembledDocumentCheck`).
struct DocumentPart: Sendable {
    /// How many entries come before the first one of this part: entry numbers and `items[N]` paths in
    /// messages count from here, so they name the entry of the whole document.
    var entriesBefore = 0
    /// True when identifiers are only recorded (`FeedChecker.identifiers`) and compared across all parts
    /// afterwards: a duplicate may sit in another part.
    var defersUniqueness = false

    /// A document validated on its own.
    static let whole = DocumentPart()
}

/// An entry identifier as a rule checker met it, for `DuplicateEntries` across parts of a document.
struct SeenIdentifier: Sendable {
    var identifier: String
    /// The line of the element carrying it; 0 in JSON.
    var line: Int
    /// What carries it in messages: `<guid>`, `<id>`, `items[3].id`.
    var what: String
    /// How many findings of its part came before it, so a `DuplicateEntries` finding found later takes the
    /// place it has when the document is validated whole.
    var findingsBefore = 0
}

/// What the rules found in one document or part, before findings are sorted and cut off.
struct RuleOutcome {
    var findings = FindingList()
    var identifiers: [SeenIdentifier] = []
}

/// Entry identifiers met so far in one document, and where each was first used.
struct IdentifierRegistry {
    /// Identifier → where it was first used ("line 12", "items[0].id").
    private var firstUse: [String: String] = [:]

    /// Records an identifier; a second use is `DuplicateEntries` (readers show one entry, or flip between
    /// the two).
    mutating func check(_ seen: SeenIdentifier, into findings: inout FindingList) {
        if let first = firstUse[seen.identifier] {
            findings.add(.duplicateEntries, line: seen.line,
                         "\(seen.what) \"\(seen.identifier.prefix(80))\" was already used at \(first)")
        } else {
            firstUse[seen.identifier] = seen.line > 0 ? "line \(seen.line)" : seen.what
        }
    }
}
