public import FeedModel
public import Foundation

/// Turns the article files of a source folder into entries, with ids and dates that stay put across runs.
///
/// Parsing is pure and runs on all cores (`ParallelReading`, runs of files per core); settling ids and dates
/// against the state store happens afterwards in path order, in one transaction, so results do not depend on
/// which core finished first.
public struct Ingester: Sendable {
    /// The source folder.
    public let source: URL
    /// The site's settings.
    public let config: SiteConfig
    /// Where first-seen times, content hashes and ids are kept.
    public let store: StateStore
    /// The current time; injectable so tests control "first seen" and "changed" times.
    public let clock: @Sendable () -> Timestamp
    /// Built once: it resolves the source folder's path, which costs more than parsing a short article.
    let reader: ArticleReader

    /// Creates an ingester.
    /// - Parameters:
    ///   - source: The folder holding the articles.
    ///   - config: The site's settings (time zone, base URL, permalink pattern).
    ///   - store: The state store, usually `StateStore(path: StateStore.location(forSource: source))`.
    ///   - clock: The current time; defaults to the system clock at the site's zone offset.
    public init(source: URL, config: SiteConfig, store: StateStore, clock: (@Sendable () -> Timestamp)? = nil) {
        self.source = source
        self.config = config
        self.store = store
        self.clock = clock ?? Self.systemClock(zone: config.timeZone)
        reader = ArticleReader(source: source, config: config)
    }

    /// The system clock, with the offset the zone has now.
    public static func systemClock(zone: ZoneSetting) -> @Sendable () -> Timestamp {
        {
            let seconds = Int64(Date().timeIntervalSince1970.rounded(.down))
            let utc = Timestamp(secondsSinceEpoch: seconds)
            return Timestamp(secondsSinceEpoch: seconds, utcOffsetSeconds: zone.offsetSeconds(at: utc.localCivilTime))
        }
    }

    /// Ingests every article file under the source folder.
    ///
    /// Files are read and parsed on all cores, blocking the caller until every file is done. Entries come back
    /// in the order of their relative paths, every one of them: two files that would share an id or a link
    /// (`a.md` and `a.txt`) are both here, and the pipeline decides which is published (Pipeline's
    /// `EntryTable.publishable()`: the older one).
    ///
    /// - Parameter progress: called after each file is parsed with (files done, files in all), from whichever
    ///   thread parsed it, never twice at once; `crier build` draws its progress bar with it.
    public func ingestAll(progress: (@Sendable (Int, Int) -> Void)? = nil) -> IngestResult {
        let paths: [String]
        let refused: [IngestIssue]
        do {
            (paths, refused) = try ArticleFiles.scan(source)
        } catch {
            return IngestResult(failed: [IngestIssue(file: source.path, message: "cannot list the source folder (\(error.localizedDescription))")])
        }
        let results = ParallelReading.read(paths, with: reader, progress: progress)
        return collect(results, refused: refused)
    }

    /// Sorts read files into entries (settled against the state store), failures and files left out.
    func collect(_ results: [ArticleReader.Result], refused: [IngestIssue]) -> IngestResult {
        var result = IngestResult(leftOut: refused)
        var parsed: [ArticleReader.Parsed] = []
        for item in results {
            switch item {
            case .parsed(let file): parsed.append(file)
            case .leftOut(let issue): result.leftOut.append(issue)
            case .failed(let issue): result.failed.append(issue)
            }
        }
        for (file, outcome) in zip(parsed, settle(parsed).outcomes) {
            switch outcome {
            case .entry(let entry, let warnings):
                result.entries.append(entry)
                result.entryPaths.append(file.path)
                result.warnings += warnings
            case .leftOut(let issue): result.leftOut.append(issue)
            case .failed(let issue): result.failed.append(issue)
            }
        }
        return result
    }

    /// Ingests one file, for the folder watcher.
    /// - Parameter relativePath: The file's path relative to the source folder.
    public func ingest(relativePath: String) -> IngestOutcome {
        switch reader.read(relativePath) {
        case .parsed(let file): settle([file]).outcomes[0]
        case .leftOut(let issue): .leftOut(issue)
        case .failed(let issue): .failed(issue)
        }
    }

    /// Gives parsed files their ids and dates from the state store, in one transaction.
    /// Returns each file's state as well (all nil when the store failed), and whether the store may have been
    /// written (it is not when every file is as recorded).
    func settle(_ files: [ArticleReader.Parsed]) -> (outcomes: [IngestOutcome], states: [ArticleState?], wrote: Bool) {
        guard !files.isEmpty else { return ([], [], false) }
        let identity = reader.identity
        let observations = files.map {
            StateStore.Observation(path: $0.path, contentHash: $0.contentHash, fixedID: $0.identity.fixedID, modified: $0.modified)
        }
        let states: [ArticleState]
        do {
            states = try store.record(observations, now: clock()) { path, firstSeen in identity.tagURI(path: path, published: firstSeen) }
        } catch {
            return (files.map { .failed(IngestIssue(file: $0.path, message: error.description)) }, files.map { _ in nil }, true)
        }
        return (zip(files, states).map { entry($0, state: $1, identity: identity) }, states, true)
    }

    /// True when `state`, an article's row as the build cache remembers it, is what recording `file` would
    /// leave: the same path and content hash, and no stated or date-derived id other than the one kept.
    static func state(_ state: ArticleState, fits file: ArticleReader.Parsed) -> Bool {
        state.path == file.path && state.contentHash == file.contentHash && (file.identity.fixedID ?? state.assignedID) == state.assignedID
    }

    /// The entry of a parsed file given its settled state.
    func entry(_ file: ArticleReader.Parsed, state: ArticleState, identity: EntryIdentity) -> IngestOutcome {
        let explicit = file.identity.explicitDate
        let article = file.article
        let published = explicit ?? state.firstSeen
        let updated = article.updated ?? max(published, state.changed ?? published)
        let entry = Entry(
            id: state.assignedID,
            title: article.title,
            link: file.identity.link ?? identity.link(stated: article.link, path: file.path, slug: file.identity.slug, published: published),
            published: published,
            updated: updated,
            authors: article.authors,
            summary: article.summary.flatMap { FastText.isBlank($0) ? nil : $0 },
            contentHTML: article.contentHTML,
            tags: article.tags,
            language: article.language.flatMap { $0.isEmpty ? nil : $0 },
            imageURL: article.image.map { URLText.absolute($0, base: config.baseURL) },
            contentIsSelfContained: article.contentIsSelfContained
        )
        return .entry(entry, warnings: file.warnings)
    }
}
