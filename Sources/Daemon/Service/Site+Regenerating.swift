public import FeedModel
public import Pipeline

extension Site: Regenerating {
    /// `buildAll()`, reported for the daemon.
    public func regenerateAll() async throws -> RegenerationReport {
        RegenerationReport(try buildAll(logsWithheld: true))
    }

    /// `update(changedPaths:)`, reported for the daemon; the build cache and the publish memory are saved by
    /// `saveDeferred()`, once the daemon is quiet.
    public func regenerate(changedPaths: Set<String>) async throws -> RegenerationReport {
        RegenerationReport(try update(changedPaths: changedPaths, defersSaving: true))
    }

    /// `reloadConfiguration()`, reported for the daemon.
    public func reloadAndRegenerate() async throws -> RegenerationReport {
        RegenerationReport(try reloadConfiguration())
    }

    /// `publishedFeeds()`.
    public func currentFeeds() async -> [FeedOutput] {
        publishedFeeds()
    }

    /// `hubs()`.
    public func currentHubs() async -> [String] {
        hubs()
    }

    /// `publication().catalogue`: the feeds of the last publish, derived ones included.
    public func currentCatalogue() async -> [PublishedFeed] {
        publication().catalogue
    }
}

extension RegenerationReport {
    /// The parts of a pipeline build report the daemon uses.
    public init(_ report: BuildReport) {
        self.init(
            entryCount: report.entryCount, written: report.written, removed: report.removed,
            milliseconds: report.milliseconds, summary: report.summary)
    }
}
