public import FeedModel
public import Platform

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
    /// Files rendered and validated in this publish (each then written or found unchanged). Pages whose
    /// inputs and file were unchanged since the publisher's last publish are in `unchanged` only.
    public var rendered: [String] = []
    /// How many entries' bodies were cleaned; the rest came from the publisher's `PreparedEntryCache`.
    public var cleaned = 0
    /// How many entry fragments were rendered: once per entry and variant (format and content mode), however
    /// many feeds hold the entry.
    public var fragmentsRendered = 0
    /// How many entry fragments were taken from files an earlier publish wrote (`PublishMemory`), not rendered.
    public var fragmentsFromFiles = 0
    /// Entries left out of a feed because, alone, they are over its `maxBytes`.
    public var oversized: [OversizedEntry] = []
    /// Every feed published (site feed first), as discovery lists them.
    public var feeds: [PublishedFeed] = []
    /// How long each phase took (cleaning, then rendering and validating each document), in order.
    public var phases: [PhaseTiming] = []
    /// With a `PublishMemory`: the name of each published entry's body, in the order the entries were given.
    /// Kept beside the article file an entry came from while that file's parse and state stay the same, and
    /// given back as a hint (`FeedPublisher.publish(_:derived:bodyHints:)`), it spares the next process hashing
    /// the body again.
    public var bodyNames: [ContentName]?

    /// Creates a report.
    public init(written: [String] = [], unchanged: [String] = [], removed: [String] = [], warnings: [DocumentFinding] = []) {
        self.written = written
        self.unchanged = unchanged
        self.removed = removed
        self.warnings = warnings
    }
}
