/// Rules of Crier's own, for what the W3C service has no class for.
extension Rule {
    /// Not a feed format Crier reads (RSS 0.90–2.0, RSS 1.0, Atom 1.0, JSON Feed 1.x): nothing else can be
    /// checked, so an error.
    static let unknownFormat = Rule("UnknownFormat", .error)
    /// A document that is not well-formed JSON (the W3C service's `SAXError` is about XML).
    static let notWellFormed = Rule("NotWellFormed", .error)
    /// A grammar error the legacy RELAX NG path could not name precisely.
    static let schemaViolation = Rule("SchemaViolation", .error)

    /// Crier's rules, for lookups by name.
    static let crierRules: [Rule] = [unknownFormat, notWellFormed, schemaViolation]
}
