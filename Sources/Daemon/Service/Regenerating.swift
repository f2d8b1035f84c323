public import FeedModel

/// What the watch service drives: something that can rebuild all feeds, update them for changed files, and
/// reload its configuration. `Pipeline.Site` conforms (see `Site+Regenerating.swift`); tests use a fake.
public protocol Regenerating: Sendable {
    /// Reads every article and publishes the feeds.
    func regenerateAll() async throws -> RegenerationReport
    /// Re-reads the given files (relative paths; a missing file was deleted) and republishes. What it remembers for
    /// the next start (a cache) it may leave for `saveDeferred()`.
    func regenerate(changedPaths: Set<String>) async throws -> RegenerationReport
    /// Re-reads the configuration, then rebuilds everything.
    func reloadAndRegenerate() async throws -> RegenerationReport
    /// The feeds currently published: format, file name and public URL.
    func currentFeeds() async -> [FeedOutput]
    /// The WebSub hubs currently configured.
    func currentHubs() async -> [String]
    /// Every feed published, with its kind and title, for the index page; empty lists `currentFeeds()` as the
    /// site's.
    func currentCatalogue() async -> [PublishedFeed]
    /// Saves what regenerations left unsaved; the service calls it once changes have stopped for a while, and
    /// before it stops, so saving never delays the publish of a change.
    func saveDeferred() async
}

extension Regenerating {
    /// No catalogue: the index page lists `currentFeeds()` as the site's feeds.
    public func currentCatalogue() async -> [PublishedFeed] { [] }

    /// Nothing is ever left unsaved.
    public func saveDeferred() async {}
}

/// What one regeneration did, as far as the daemon cares.
public struct RegenerationReport: Sendable, Equatable {
    /// The number of entries in the feeds.
    public var entryCount: Int
    /// Output files written because their content changed.
    public var written: [String]
    /// Output files removed.
    public var removed: [String]
    /// How long the regeneration took.
    public var milliseconds: Int
    /// A one-line human summary (entries, failed files, files written) for the log.
    public var summary: String

    /// Creates a report.
    public init(entryCount: Int, written: [String], removed: [String] = [], milliseconds: Int, summary: String) {
        self.entryCount = entryCount
        self.written = written
        self.removed = removed
        self.milliseconds = milliseconds
        self.summary = summary
    }
}
