public import FeedModel
public import Foundation
public import Platform
public import Validation

/// Builds every document of a feed, validates all of them, and only then puts them in place atomically.
///
/// A publish is all or nothing, in three steps, each in a file of its own:
/// 1. **stage** (`FeedPublisher+Stage.swift`): decide which pages must be rendered and open a hidden temp file
///    beside each one's target;
/// 2. **render and validate** (`FeedPublisher+Render.swift`): stream each document into its temp file a
///    window of entries at a time, checking every window (or, with a caller's `validate`, each finished
///    file) before its bytes count;
/// 3. **commit** (`FeedPublisher+Commit.swift`): if any document has an error finding, stop with nothing
///    renamed; otherwise rename every document whose bytes changed over its target, remove archive pages no
///    longer needed, and sync the folders. Documents whose bytes equal the file already there are not
///    renamed, so their mtime (and HTTP `Last-Modified`) does not change.
///
/// Every temp file is removed on the way out, error or not, so the previous feeds stay as they were when a
/// publish fails.
///
/// Given a `PreparedEntryCache`, a publisher also remembers (in memory, shared by its copies) what each page
/// was built from and the file it left on disk. A page whose inputs and file are both unchanged since then
/// is neither rendered nor validated again: its bytes would equal the validated file already there. This is
/// what keeps `crier watch` fast at 10,000 articles, where one edit changes the main feeds and one archive
/// page. Without a cache, or with a caller's `validate`, every page is rendered and checked every time.
public struct FeedPublisher: Sendable {
    /// The builder producing the documents.
    public var builder: FeedBuilder
    /// The folder feeds are written to; created when missing.
    public var outputDirectory: URL
    /// Checks each document before it may be published. Nil (the default) means `FeedValidator` with one
    /// `ValidationSession` per publish, so a body carried by RSS, Atom and JSON Feed is parsed once; a caller
    /// (a test, a stricter site policy) may supply another check.
    public var validate: (@Sendable ([UInt8]) -> ValidationReport)?
    /// Cleaned entries kept across publishes; nil cleans and renders everything every time.
    public var cache: PreparedEntryCache?
    /// Whether each publish writes `feeds.opml` and the hidden list of feeds (`FeedCatalogue`), and removes
    /// the feeds a previous publish listed that are no longer produced. On for a site (`crier build`, `crier
    /// watch`); off by default, so a publisher used on its own writes only the feed's documents.
    public var writesCatalogue = false
    /// What earlier publishes, in this process or another, put in the output folder, fragment by fragment
    /// (`PublishMemory`): with one, unchanged entries are neither rendered nor checked again, and the memory
    /// is brought up to date by every successful publish (saving it is the caller's business). Nil renders
    /// and checks every fragment a publisher has not kept in memory itself.
    public var memory: PublishMemory?
    /// Tells this publisher which files of the output folder may have changed since its last publish (the
    /// daemon's, on inotify); without one, every page this publisher may skip is examined on disk first.
    public var observer: (any OutputObserver)?
    /// The pages this publisher (or a copy of it) last put on disk.
    let history = PageHistory()
    /// The fragments that passed validation, kept across publishes by this publisher and its copies.
    let checked = CheckedFragments()

    /// Creates a publisher.
    /// - Parameters:
    ///   - description: the feed.
    ///   - outputDirectory: where the documents go.
    ///   - generator: the program named in the feeds.
    ///   - cache: cleaned entries to reuse; with one, unchanged pages are also skipped on later publishes.
    public init(
        description: FeedDescription, outputDirectory: URL, generator: FeedGenerator = .crier,
        cache: PreparedEntryCache? = nil
    ) {
        self.builder = FeedBuilder(description: description, generator: generator)
        self.outputDirectory = outputDirectory
        self.cache = cache
    }

    /// Builds, validates and publishes every page of every output of the site feed and of each derived feed,
    /// all of them or none.
    /// - Parameters:
    ///   - entries: every entry of the site.
    ///   - derived: feeds made of some of them (sections, tags, authors, languages).
    ///   - bodyHints: per entry, the name of its body from an earlier publish's `PublishReport.bodyNames`, where
    ///     the caller vouches that the entry's body, summary and link are the ones that name was made from (the
    ///     pipeline does while the article file's parse and state are unchanged); nil where unknown. Used only
    ///     with a `memory`.
    /// - Returns: which files were written, left unchanged and removed, and any validation warnings.
    /// - Throws: `PublishError` for bad input, validation errors (each finding with file, rule and line) or a
    ///   failing file-system call; nothing of this publish is in place then.
    public func publish(
        _ entries: [Entry], derived: [DerivedFeed] = [], bodyHints: [ContentName?]? = nil
    ) throws(PublishError) -> PublishReport {
        var phases: [PhaseTiming] = []
        let cache = self.cache
        // A memory of another folder's documents has nothing to give here (and must not be updated from here).
        let memory = self.memory.flatMap { $0.outputDirectory == outputDirectory.standardizedFileURL.path ? $0 : nil }
        // Files opened to take fragments from are closed however the publish ends.
        defer { memory?.closeFiles() }
        let takenBefore = memory?.taken ?? 0
        let feed = try PhaseTiming.measure("clean and plan", into: &phases) { () throws(PublishError) in
            try builder.prepare(entries, derived: derived, cache: cache, memory: memory, bodyHints: bodyHints)
        }
        let check = DocumentCheck(validate)
        var stage = try PhaseTiming.measure("stage", into: &phases) { () throws(PublishError) in try self.stage(feed, checkedBy: check) }
        // Every path out of this function, error or success, leaves no temp file behind.
        defer { stage.discardTemporaries() }
        let findings = try renderAndValidate(feed, into: &stage, checkedBy: check, phases: &phases)
        var report = try commit(stage, findings: findings, of: feed, phases: &phases)
        report.cleaned = feed.cleanedCount
        report.fragmentsRendered = feed.store.renderedCount
        report.fragmentsFromFiles = (memory?.taken ?? 0) - takenBefore
        report.oversized = feed.oversized
        report.feeds = feed.feeds.map(\.published)
        report.bodyNames = feed.bodyNames
        report.phases = phases
        return report
    }
}
