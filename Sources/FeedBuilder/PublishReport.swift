/// What a publish did, by file name (relative to the output folder), each list sorted.
public struct PublishReport: Sendable, Hashable {
    /// Files written (new or changed content), renamed into place.
    public var written: [String]
    /// Files whose content was already byte-identical; not rewritten, so their mtime is untouched.
    public var unchanged: [String]
    /// Archive files of ours no longer needed (entries were deleted) and removed.
    public var removed: [String]
    /// Validation warnings (errors would have stopped the publish).
    public var warnings: [DocumentFinding]
    /// How long each phase took (cleaning, then rendering and validating each document), in order.
    public var phases: [PhaseTiming] = []

    /// Creates a report.
    public init(written: [String] = [], unchanged: [String] = [], removed: [String] = [], warnings: [DocumentFinding] = []) {
        self.written = written
        self.unchanged = unchanged
        self.removed = removed
        self.warnings = warnings
    }
}
