public import FeedBuilder
public import FeedModel
public import Foundation
import Ingest
public import Logging
import Platform

/// One site: a source folder of articles, its configuration, its state store and its published feeds.
///
/// `crier build` calls `buildAll()` once; `crier watch` calls it at start and then `update(changedPaths:)` for
/// each batch of changed files, so both share one pipeline: files → ingest → entries → feed builder →
/// validated bytes → atomic write. Entries of unchanged files stay in memory between updates, and an article
/// that turns bad keeps its last good entry until it is fixed or deleted.
public actor Site {
    /// The folder the articles are read from.
    public nonisolated let source: URL
    /// The folder the feeds are written to.
    public nonisolated let outputDirectory: URL
    private let configFile: URL?
    private let statePath: URL
    private let logger: Logger

    private var config: SiteConfig
    private var store: StateStore
    private var entries = EntryTable()
    /// Files that failed, by path; a file that failed keeps its last good entry in `entries`.
    private var failures: [String: IngestIssue] = [:]
    private var warnings: [String: [IngestIssue]] = [:]
    /// Kept across updates: it remembers the cleaned entries and the pages it put on disk, so an update
    /// cleans only changed entries and renders and validates only the pages they are on.
    private var publisher: FeedPublisher?
    /// Tells the publisher which feed files changed since its last publish (`crier watch`'s `OutputWatch`).
    private var outputObserver: (any OutputObserver)?
    /// The articles the last publish left out because an older one has their link or id.
    private var withheld: [WithheldEntry] = []
    /// Works out the section, tag, author and language feeds of each publish.
    private var derivedFeeds: SiteFeeds
    /// Every feed the last publish put in place, site feed first; empty before the first.
    private var catalogue: [PublishedFeed] = []
    /// Where builds remember their work between runs (see `BuildCache`), beside the state store.
    private let cache: BuildCache
    /// What the cache holds about the article files, kept up to date by `update(changedPaths:)`.
    private var memory = ArticleMemory()
    /// The key the cache was last loaded or saved under; nil when it cannot be used (no readable `crier.yml`).
    private var cacheKey: String?
    /// True after a build found nothing changed and published nothing without loading a single entry: the
    /// next update must load every entry (from the cache) before it can republish.
    private var needsFullLoad = false
    /// The bytes of `crier.yml` that `config` was read from; nil when they changed while being read (no cache
    /// is used then).
    private var configBytes: Data?
    /// The symlinks the last full build refused (the daemon's updates do not list the whole folder again; a
    /// start that lists a different set builds in full).
    private var refused: [IngestIssue] = []
    /// What updates that deferred their saving (`update(changedPaths:defersSaving:)`) left for `saveDeferred()`;
    /// nil when the cache and the publish memory on disk are those of the last publish.
    private var unsaved: UnsavedWork?
    /// The feed builder's names for the bodies of the entries the last publish put out, by article path, for
    /// `memory` to keep at its next save (`ArticleMemory.setBodyNames(_:for:)`); nil once `memory` has changed
    /// since (an update read files), so a name is never kept beside a record it was not made from.
    private var publishedBodyNames: (paths: [String], names: [ContentName])?
    /// The record (`LastBuild`) of this process's last publish, which the next update's record is made from
    /// (`LastBuild.init(updating:…)`); nil before the first publish and after one that failed.
    private var lastRecord: LastBuild?

    /// Opens a site: reads the configuration and opens the state store.
    ///
    /// - Parameters:
    ///   - source: the folder of articles.
    ///   - output: where feeds are written.
    ///   - configFile: the configuration; `crier.yml` in `source` when nil.
    ///   - statePath: the state database; `StateStore.location(forSource:)` when nil.
    public init(source: URL, output: URL, configFile: URL? = nil, statePath: URL? = nil, logger: Logger) throws(PipelineError) {
        self.source = source.standardizedFileURL
        self.outputDirectory = output.standardizedFileURL
        self.configFile = configFile
        self.statePath = statePath ?? StateStore.location(forSource: source)
        self.logger = logger
        let configBytes = Self.configBytes(source: source, configFile: configFile)
        let config = try Self.configuration(source: source, configFile: configFile)
        self.config = config
        self.configBytes = Self.configBytes(source: source, configFile: configFile) == configBytes ? configBytes : nil
        derivedFeeds = SiteFeeds(config: config, configName: configFile?.lastPathComponent ?? "crier.yml")
        store = try Self.openStore(at: self.statePath)
        cache = BuildCache(statePath: self.statePath)
    }

    /// Lets `observer` tell the publisher which files of the output folder changed between publishes, so pages
    /// whose files nobody touched are not examined one by one (`OutputObserver`).
    public func observeOutput(with observer: any OutputObserver) {
        outputObserver = observer
        publisher?.observer = observer
    }

    /// What the site publishes, from its configuration alone: for serving a folder built earlier, without
    /// reading an article or opening the state store.
    /// - Parameters:
    ///   - source: the folder of articles.
    ///   - configFile: the configuration; `crier.yml` in `source` when nil.
    ///   - output: the output folder; the feeds its last publish listed (`FeedCatalogue`) are served too, when
    ///     it lists any.
    public static func publication(source: URL, configFile: URL? = nil, output: URL? = nil) throws(PipelineError) -> SitePublication {
        let config = try configuration(source: source, configFile: configFile)
        return SitePublication(config, catalogue: output.flatMap(FeedCatalogue.read(from:)) ?? [])
    }

    /// What the site publishes now (after any configuration reload): after a publish, every feed it put in place.
    public func publication() -> SitePublication {
        SitePublication(config, catalogue: catalogue)
    }

    /// Reads the configuration of the site in `source`, which must be a folder.
    /// The bytes of the configuration file, for the cache key.
    private static func configBytes(source: URL, configFile: URL?) -> Data? {
        try? Data(contentsOf: configFile ?? source.appendingPathComponent("crier.yml"))
    }

    private static func configuration(source: URL, configFile: URL?) throws(PipelineError) -> SiteConfig {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .source(path: source.path, message: "no such folder")
        }
        return try loadConfiguration(configFile ?? source.appendingPathComponent("crier.yml"))
    }

    private static func loadConfiguration(_ file: URL) throws(PipelineError) -> SiteConfig {
        do {
            return try SiteConfig.load(from: file)
        } catch {
            throw .configuration(error)
        }
    }

    private static func openStore(at path: URL) throws(PipelineError) -> StateStore {
        do {
            return try StateStore(path: path)
        } catch {
            throw .stateStore(error)
        }
    }

    /// The feeds this site publishes: format, file name and URL.
    public func publishedFeeds() -> [FeedOutput] {
        publication().feeds
    }

    /// The WebSub hubs the configuration names.
    public func hubs() -> [String] {
        config.feedDescription().hubs
    }

    /// Takes the output folder's lock (see `OutputLock`), so no other `crier` writes the same feeds; hold it
    /// for as long as this process may publish there.
    public static func lockOutput(_ outputDirectory: URL) throws(PipelineError) -> OutputLock {
        do {
            return try OutputLock.acquire(outputDirectory: outputDirectory)
        } catch {
            throw PipelineError(error)
        }
    }

    /// Reads every article and publishes the feeds.
    ///
    /// - Parameters:
    ///   - strict: when true, any failed file fails the build before anything is written (an article left out
    ///     for sharing a link or an id with an older one counts as failed).
    ///   - logsWithheld: log each article left out for sharing a link or an id with an older one (the daemon
    ///     does; `crier build` prints the report's failures itself).
    ///   - progress: called with (articles read, articles in all) while reading.
    public func buildAll(
        strict: Bool = false, logsWithheld: Bool = false, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws(PipelineError) -> BuildReport {
        try buildAll(strict: strict, logsWithheld: logsWithheld, mayReuseOutput: true, progress: progress)
    }

    /// `buildAll`; with `mayReuseOutput`, a build that finds nothing changed since the last one (`LastBuild`)
    /// publishes nothing and returns the last report.
    private func buildAll(
        strict: Bool, logsWithheld: Bool, mayReuseOutput: Bool, progress: (@Sendable (Int, Int) -> Void)?
    ) throws(PipelineError) -> BuildReport {
        let start = ContinuousClock.now
        try requireSource()
        // A full build saves what it finds itself; an update's unsaved record would only be older.
        unsaved = nil
        publishedBodyNames = nil
        // Its record examines every published file (and this build may fail part way through its renames).
        lastRecord = nil
        let ingester = Ingester(source: source, config: config, store: store)
        // The bytes `config` was read from, not the file now: a daemon keeps its configuration until SIGHUP.
        cacheKey = configBytes.flatMap {
            CacheKey.make(source: source, configFile: configFile ?? source.appendingPathComponent("crier.yml"), configBytes: $0, statePath: statePath)
        }
        var listing: SourceListing
        do {
            // Unsorted until a build is needed: telling that nothing changed needs no order.
            listing = try ArticleFiles.listing(of: source, sorted: false)
        } catch {
            // As `Ingester.ingestAll` reports it; nothing is remembered from a folder that cannot be listed.
            let failed = IngestIssue(file: source.path, message: "cannot list the source folder (\(error.localizedDescription))")
            return try finishBuild(
                IngestResult(failed: [failed]), refused: [], memory: ArticleMemory(), strict: strict, logsWithheld: logsWithheld,
                since: start)
        }
        // A variable: records `isUnchanged` decodes to compare stamps stay decoded for the ingest that follows.
        var remembered = cacheKey.flatMap { cache.load(key: $0) }
        let unsure = remembered?.articles.unsureCount ?? 0
        if mayReuseOutput, let extra = remembered?.extra, let previous = LastBuild(bytes: extra),
            previous.isUnchanged(listing: listing, articles: &remembered!.articles, source: source, output: outputDirectory, statePath: statePath),
            let last = remembered
        {
            if strict && !previous.failed.isEmpty { throw .strict(failed: previous.failed.count) }
            if logsWithheld { for issue in previous.withheld { logger.error("\(issue)") } }
            entries = EntryTable()
            failures = [:]
            warnings = [:]
            withheld = []
            publisher = nil
            needsFullLoad = true
            memory = last.articles
            refused = previous.refused
            // Nothing was published: the feeds in place are the ones the last build listed beside them.
            catalogue = FeedCatalogue.read(from: outputDirectory) ?? []
            // Files whose unsure stamps were confirmed by their hash may now be sure: remember that.
            if last.articles.unsureCount != unsure { saveCache(extra: last.extra) }
            let elapsed = ContinuousClock.now - start
            logger.debug("nothing changed since the last build: \(Self.formatted(elapsed.milliseconds)) ms")
            return previous.report(milliseconds: Int(elapsed.milliseconds))
        }
        listing.sort()
        var ingested = ingester.ingestAll(listing: listing, remembering: remembered?.articles, cache: cache, progress: progress)
        var memory = ingested.memory
        ingested.memory = ArticleMemory()
        // Entries the cache gives unchanged, which passed before, are not screened again.
        let clean = EntryScreening.screen(&ingested.result, alreadyScreened: memory.isScreened)
        memory.markScreened(clean)
        logger.debug(
            "phase ingest: \(Self.formatted((ContinuousClock.now - start).milliseconds)) ms for \(ingested.result.entries.count) entries, \(ingested.reused) from the build cache"
        )
        return try finishBuild(
            ingested.result, refused: listing.refused, memory: memory, strict: strict, logsWithheld: logsWithheld, since: start)
    }

    /// The rest of a full build: the entry table from what was ingested, then the publish, then the cache.
    private func finishBuild(
        _ result: IngestResult, refused: [IngestIssue], memory: consuming ArticleMemory, strict: Bool, logsWithheld: Bool,
        since start: ContinuousClock.Instant
    ) throws(PipelineError) -> BuildReport {
        needsFullLoad = false
        self.memory = consume memory
        entries = EntryTable(paths: result.entryPaths, entries: result.entries)
        failures = [:]
        warnings = [:]
        for issue in result.failed { failures[issue.file] = issue }
        for warning in result.warnings { warnings[warning.file, default: []].append(warning) }
        withheld = []
        if strict {
            let failed = failures.count + entries.publishable().withheld.count
            if failed > 0 { throw .strict(failed: failed) }
        }
        var report = try publish(
            articlesRead: result.entries.count + result.failed.count + result.leftOut.count, since: start, logsWithheld: logsWithheld)
        report.leftOut = result.leftOut.sorted { $0.file < $1.file }
        remember(report, refused: refused)
        return report
    }

    /// Saves what this build read and published to the cache, so the next one can skip it.
    private func remember(_ report: BuildReport, refused: [IngestIssue]) {
        saveCache(extra: record(of: report, refused: refused).bytes)
    }

    /// The record of the publish that gave `report` (`LastBuild`), for the cache; taken right after that publish,
    /// so a feed file changed later by someone else does not pass for the one published. A full build examines
    /// every published file; an update (`updating`) starts from the record of the publish before it.
    private func record(of report: BuildReport, refused: [IngestIssue], updating: Bool = false) -> LastBuild {
        self.refused = refused
        let withheld = withheld.map(\.issue)
        let record =
            if updating, let lastRecord {
                LastBuild(updating: lastRecord, output: outputDirectory, statePath: statePath, report: report, refused: refused, withheld: withheld)
            } else {
                LastBuild(output: outputDirectory, statePath: statePath, report: report, refused: refused, withheld: withheld)
            }
        lastRecord = record
        return record
    }

    /// Writes the cache; a failure (a full disk, a read-only folder) costs the next build time, never a feed.
    private func saveCache(extra: [UInt8]) {
        guard let cacheKey else { return }
        if let published = publishedBodyNames {
            publishedBodyNames = nil
            memory.setBodyNames(published.names, for: published.paths)
        }
        timedSave(phase: "cache", of: "the build cache", failing: "the next build reads every article again") {
            try cache.save(&memory, extra: extra, key: cacheKey)
        }
    }

    /// Runs one save into the cache folder and logs its time as `phase` (then `detail`), or, when it fails, a
    /// warning naming `what` and the `consequence`: a save that fails costs the next build time, never a feed.
    private func timedSave(phase: String, detail: String = "", of what: String, failing consequence: String, _ save: () throws -> Void) {
        let start = ContinuousClock.now
        do {
            try save()
        } catch {
            logger.warning("cannot save \(what) in \(cache.folder.path) (\(error)); \(consequence)")
            return
        }
        logger.debug("phase \(phase): \(Self.formatted((ContinuousClock.now - start).milliseconds)) ms\(detail)")
    }

    /// Re-reads the given article paths (relative to the source folder) and republishes.
    ///
    /// A path that no longer exists removes its entry (and every entry under it, for a folder). A folder that
    /// appeared has its articles read. A file that fails to parse keeps its previous entry and is reported.
    /// - Parameters:
    ///   - changedPaths: article paths, relative to the source folder.
    ///   - defersSaving: leave the build cache and the publish memory unsaved until `saveDeferred()`. Saving them
    ///     takes longer than most updates (30-60 ms at 10,000 articles), and `crier watch` saves once it is quiet
    ///     instead of after every save of an article. A process killed before that leaves the files of an earlier
    ///     publish, which the next start checks against the articles and feeds on disk like any other.
    public func update(changedPaths: Set<String>, defersSaving: Bool = false) throws(PipelineError) -> BuildReport {
        // After a build that published nothing, no entry is in memory yet: a full build (from the cache) reads
        // these changes with everything else.
        if needsFullLoad { return try buildAll(strict: false, logsWithheld: true, mayReuseOutput: false, progress: nil) }
        let start = ContinuousClock.now
        try requireSource()
        publishedBodyNames = nil
        let ingester = Ingester(source: source, config: config, store: store)
        var toRead: [String] = []
        for path in changedPaths.sorted() {
            let url = source.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
                if isDirectory.boolValue {
                    // A folder created or moved in: read every article under it.
                    let inside = (try? ArticleFiles.list(in: url)) ?? []
                    toRead += inside.map { path + "/" + $0 }
                } else if ArticleFiles.isArticlePath(path) {
                    toRead.append(path)
                }
            } else {
                forget(pathOrFolder: path)
            }
        }
        for path in toRead {
            warnings[path] = nil
            switch EntryScreening.screen(ingester.ingest(relativePath: path, remembering: &memory), path: path) {
            case .entry(let entry, let fileWarnings):
                entries[path] = entry
                failures[path] = nil
                if !fileWarnings.isEmpty { warnings[path] = fileWarnings }
            case .leftOut:
                // A draft, or a title without a body: deliberately not in the feeds.
                entries[path] = nil
                failures[path] = nil
            case .failed(let issue):
                failures[path] = issue
                if entries[path] != nil {
                    logger.error("\(issue) (keeping its last good version in the feeds)")
                } else {
                    logger.error("\(issue)")
                }
            }
        }
        let report: BuildReport
        do throws(PipelineError) {
            report = try publish(articlesRead: toRead.count, since: start, logsWithheld: true, defersSaving: defersSaving)
        } catch {
            // The articles just read are remembered but not published: a record of the last publish saved beside
            // them would let the next start take feeds without them as current.
            unsaved?.record = nil
            // Some of its files may be in place: the next record examines every file again.
            lastRecord = nil
            throw error
        }
        // Made whatever is saved, so the next update's record can start from it.
        let made = record(of: report, refused: refused, updating: true)
        // A failed file keeps its last good entry in the feeds, which a build from the files would not publish:
        // the next start must build, not take these feeds as they are (no record).
        let lastBuild = failures.keys.contains(where: { entries[$0] != nil }) ? nil : made
        if defersSaving {
            unsaved = UnsavedWork(record: lastBuild)
        } else {
            saveCache(extra: lastBuild?.bytes ?? [])
        }
        return report
    }

    /// Saves what updates left unsaved (`update(changedPaths:defersSaving:)`): the publish memory, then the build
    /// cache with the record of the last publish. Does nothing when nothing is waiting.
    public func saveDeferred() {
        guard let work = unsaved else { return }
        unsaved = nil
        if let publisher { savePublishMemory(of: publisher, fragmentsFromFiles: nil) }
        saveCache(extra: work.record?.bytes ?? [])
    }

    /// Reads the configuration again (SIGHUP) and rebuilds everything.
    public func reloadConfiguration() throws(PipelineError) -> BuildReport {
        let configBytes = Self.configBytes(source: source, configFile: configFile)
        config = try Self.configuration(source: source, configFile: configFile)
        derivedFeeds = SiteFeeds(config: config, configName: configFile?.lastPathComponent ?? "crier.yml")
        self.configBytes = Self.configBytes(source: source, configFile: configFile) == configBytes ? configBytes : nil
        return try buildAll(logsWithheld: true)
    }

    /// Refuses to publish while the source folder is missing (removed, renamed, an unmounted disk): every
    /// article would look deleted and the feeds would be emptied. The feeds already published stay as they are.
    private func requireSource() throws(PipelineError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .source(path: source.path, message: "the source folder is missing; the published feeds are left as they are")
        }
    }

    private func forget(pathOrFolder path: String) {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        for key in entries.paths where key == path || key.hasPrefix(prefix) { entries[key] = nil }
        for key in failures.keys where key == path || key.hasPrefix(prefix) { failures[key] = nil }
        for key in warnings.keys where key == path || key.hasPrefix(prefix) { warnings[key] = nil }
        memory.forget { $0 == path || $0.hasPrefix(prefix) }
    }

    /// Publishes the entries the table allows (`EntryTable.publishable()`); with `logsWithheld`, each article
    /// newly left out for sharing a link or an id is logged as an error naming both files.
    private func publish(
        articlesRead: Int, since start: ContinuousClock.Instant, logsWithheld: Bool, defersSaving: Bool = false
    ) throws(PipelineError) -> BuildReport {
        let (publishable, paths, withheld) = entries.publishable()
        if logsWithheld {
            for entry in withheld where !self.withheld.contains(entry) { logger.error("\(entry.issue)") }
        }
        self.withheld = withheld
        // The same value every publish, so the publisher recognises the description by identity.
        let description = derivedFeeds.siteDescription
        var publisher: FeedPublisher
        // A new publisher has prepared nothing yet: every entry's key is to be worked out, and the names kept
        // beside unchanged article files spare hashing their bodies (`ArticleMemory`). A publisher that has
        // published knows its unchanged entries by identity already.
        let bodyHints = self.publisher == nil ? memory.bodyNames(for: paths) : nil
        if let bodyHints { logger.debug("body names from the cache: \(bodyHints.count { $0 != nil }) of \(paths.count)") }
        if let existing = self.publisher {
            publisher = existing
        } else {
            publisher = FeedPublisher(description: description, outputDirectory: outputDirectory, cache: PreparedEntryCache())
            // What the last process published, fragment by fragment: unchanged entries are taken from the files.
            publisher.memory = cacheKey.map { PublishMemory.load(from: cache.folder, key: $0, outputDirectory: outputDirectory) }
        }
        // The configuration may have been reloaded; a changed description makes every page render again.
        publisher.builder.description = description
        publisher.writesCatalogue = true
        publisher.observer = outputObserver
        self.publisher = publisher
        let derived: [DerivedFeed]
        let deriving = ContinuousClock.now
        do {
            derived = try derivedFeeds.derived(publishable, paths: paths)
        } catch {
            throw .configuration(error)
        }
        logger.debug(
            "phase before publishing: \(Self.formatted((deriving - start).milliseconds)) ms, derived feeds: \(Self.formatted((ContinuousClock.now - deriving).milliseconds)) ms"
        )
        let published: PublishReport
        do {
            published = try publisher.publish(publishable, derived: derived, bodyHints: bodyHints)
        } catch {
            throw PipelineError(error)
        }
        // An article that failed keeps its last good entry in the feeds, which its record no longer gave.
        if let names = published.bodyNames, names.count == paths.count {
            // Nearly always no failure: the arrays as they are, not a list of every position first (each update).
            let kept = failures.isEmpty ? nil : paths.indices.filter { failures[paths[$0]] == nil }
            publishedBodyNames = kept.map { kept in (kept.map { paths[$0] }, kept.map { names[$0] }) } ?? (paths, names)
        }
        catalogue = published.feeds
        for phase in published.phases {
            logger.debug("phase \(phase.name): \(Self.formatted(phase.milliseconds)) ms")
        }
        if !defersSaving { savePublishMemory(of: publisher, fragmentsFromFiles: published.fragmentsFromFiles) }
        let pageCount = published.written.count + published.unchanged.count
        logger.debug("publish: \(published.cleaned) entries cleaned, \(published.rendered.count) of \(pageCount) documents rendered and validated")
        let elapsed = ContinuousClock.now - start
        logger.debug("phase total: \(Self.formatted(elapsed.milliseconds)) ms")
        let failed = failures.merging(withheld.map { ($0.path, $0.issue) }) { failure, _ in failure }
        var warnings = self.warnings
        if !published.oversized.isEmpty {
            // Named by file: the id means nothing to the person who has to shorten the article.
            let pathsByID = Dictionary(zip(publishable.map(\.id), paths), uniquingKeysWith: { first, _ in first })
            for oversized in published.oversized {
                let path = pathsByID[oversized.entryID] ?? oversized.entryID
                warnings[path, default: []].append(
                    IngestIssue(
                        file: path,
                        message: "left out of \(oversized.feedFileName): alone it takes \(oversized.bytes) bytes, over that feed's max_bytes "
                            + "of \(oversized.maxBytes); shorten it, give it a summary and use content: summary, or raise max_bytes"))
            }
        }
        var report = BuildReport(
            entryCount: publishable.count,
            failed: failed.keys.sorted().compactMap { failed[$0] },
            warnings: warnings.keys.sorted().flatMap { warnings[$0] ?? [] },
            written: published.written,
            unchanged: published.unchanged,
            removed: published.removed,
            articlesRead: articlesRead,
            milliseconds: Int(elapsed.milliseconds)
        )
        report.rendered = published.rendered
        return report
    }

    /// Saves what the publisher's documents hold beside the build cache; a failure costs the next build time.
    private func savePublishMemory(of publisher: FeedPublisher, fragmentsFromFiles: Int?) {
        guard let memory = publisher.memory, let cacheKey else { return }
        let taken = fragmentsFromFiles.map { ", \($0) fragments taken from the published files" } ?? ""
        timedSave(phase: "publish memory", detail: taken, of: "what was published", failing: "the next build renders every entry again") {
            try memory.save(in: cache.folder, key: cacheKey)
        }
    }

    /// Milliseconds with one decimal, for the phase log.
    private static func formatted(_ milliseconds: Double) -> String {
        String(format: "%.1f", milliseconds)
    }
}

/// What `Site.update(changedPaths:defersSaving:)` left for `Site.saveDeferred()`, besides the publisher's memory.
private struct UnsavedWork {
    /// The record of the last publish (`LastBuild`, taken right after it) to save with the cache; nil when that
    /// publish kept a failed file's last good entry, which a build from the files would not publish, or when the
    /// articles in memory are no longer those published. Turned into bytes only when saved.
    var record: LastBuild?
}
