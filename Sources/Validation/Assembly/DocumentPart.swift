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

/// A value that must be unique in the whole document (an entry identifier, an Atom `updated`), as a rule
/// checker met it, for comparing across parts of a document.
struct SeenIdentifier: Sendable {
    var identifier: String
    /// The line of the element carrying it; 0 in JSON.
    var line: Int
    /// What carries it in messages: `<guid>`, `<id>`, `items[3].id`.
    var what: String
    /// How many findings of its part came before it, so a finding for a repeat found later takes the
    /// place it has when the document is validated whole.
    var findingsBefore = 0
    var column = 0
    /// What is compared: values of different kinds never clash.
    var kind = "id"
    /// The finding for a repeat.
    var rule: Rule = .duplicateEntries
    /// The message for a repeat; nil for the default naming the first use.
    var message: String?
}

/// What the rules found in one document or part, before findings are sorted and cut off.
struct RuleOutcome {
    var findings = FindingList()
    var identifiers: [SeenIdentifier] = []
}

/// Values met so far in one document that must be unique, and where each was first used.
struct IdentifierRegistry {
    private struct Key: Hashable {
        var kind: String
        var identifier: String
    }

    /// Kind and value → where it was first used ("line 12", "items[0].id").
    private var firstUse: [Key: String] = [:]

    /// Records a value; a second use of it is logged with the value's rule.
    mutating func check(_ seen: SeenIdentifier, into findings: inout FindingList) {
        let key = Key(kind: seen.kind, identifier: seen.identifier)
        if let first = firstUse[key] {
            findings.add(
                seen.rule, line: seen.line, column: seen.column,
                seen.message ?? "\(seen.what) \"\(seen.identifier.prefix(80))\" was already used at \(first)")
        } else {
            firstUse[key] = seen.line > 0 ? "line \(seen.line)" : seen.what
        }
    }
}
