// Placeholder until the hints are written (branch validator-hints replaces this file).
extension Rule {
    /// One line on how to fix a breach of this rule.
    var hint: String { "" }
    /// Where the rule is explained at length.
    var documentationURL: String? { nil }
}
