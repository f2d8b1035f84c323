extension Finding {
    /// One line on how to fix what was found, in Crier's words; empty when there is none.
    public var hint: String {
        Rule.named(rule)?.hint ?? ""
    }

    /// A page explaining the rule at length: the W3C Feed Validation Service's documentation for its own
    /// classes, the JSON Feed specification for JSON Feed rules; nil for Crier's other rules.
    public var documentationURL: String? {
        Rule.named(rule)?.documentationURL
    }
}
