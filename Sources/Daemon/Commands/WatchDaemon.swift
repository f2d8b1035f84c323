public import Foundation
import Ingest
public import Logging
import Pipeline

/// `crier watch` as a library call: the site, its folder watcher, the debouncer, the WebSub notifier and
/// optionally the feed server, wired together and run until SIGTERM or SIGINT.
///
/// Like Hummingbird's `Application(…services:)` with `runService()`, the wiring of the long-running service
/// lives here, and the executable only parses options and calls `runService()`.
public struct WatchDaemon: Sendable {
    /// How the daemon watches and what else it does.
    public struct Configuration: Sendable {
        /// Also serve the output folder over HTTP here; nil serves nothing.
        public var serve: ListenAddress?
        /// Scan the folder at this interval instead of using inotify (network file systems); nil uses inotify.
        public var pollInterval: Duration?
        /// Quiet after the last change before a rebuild starts.
        public var settle: Duration
        /// Longest a change waits while further changes keep arriving.
        public var debounce: Duration
        /// Quiet after one file was written completely (`ChangeDebouncer.settleAfterWrite`), never longer than
        /// `settle`.
        public var settleAfterWrite: Duration

        /// Creates a configuration; the defaults rebuild 10 ms after a change (2 ms after one file was written
        /// completely), or every 100 ms during a burst.
        public init(
            serve: ListenAddress? = nil, pollInterval: Duration? = nil, settle: Duration = .milliseconds(10),
            debounce: Duration = .milliseconds(100), settleAfterWrite: Duration = .milliseconds(2)
        ) {
            self.serve = serve
            self.pollInterval = pollInterval
            self.settle = settle
            self.debounce = debounce
            self.settleAfterWrite = settleAfterWrite
        }
    }

    private let source: URL
    private let output: URL
    private let configFile: URL?
    private let statePath: URL?
    private let configuration: Configuration
    private let logger: Logger

    /// Creates the daemon; nothing is opened until `runService()`.
    /// - Parameters:
    ///   - source: the folder of articles.
    ///   - output: where the feeds are written.
    ///   - configFile: the configuration; `crier.yml` in `source` when nil.
    ///   - statePath: the state database; `StateStore.location(forSource:)` when nil.
    ///   - configuration: watching, debouncing and serving.
    ///   - logger: gets one line per rebuild, and the services' starts and stops.
    public init(
        source: URL, output: URL, configFile: URL? = nil, statePath: URL? = nil,
        configuration: Configuration = Configuration(), logger: Logger
    ) {
        self.source = source
        self.output = output
        self.configFile = configFile
        self.statePath = statePath
        self.configuration = configuration
        self.logger = logger
    }

    /// Takes the output folder's lock, opens the site, builds everything, then rebuilds on every change until
    /// SIGTERM or SIGINT; returns after a graceful shutdown.
    /// - Throws: `PipelineError` when the lock is held, the folders or the configuration cannot be used, or the
    ///   first build fails; the watcher's or server's error when the folder cannot be watched or the port bound.
    public func runService() async throws {
        let lock = try Site.lockOutput(output)
        defer { lock.release() }
        let site = try Site(source: source, output: output, configFile: configFile, statePath: statePath, logger: logger)
        // Between updates, the feed files nobody touched are trusted without a `stat` each.
        await site.observeOutput(with: OutputWatch())
        let ignored = FolderWatcher.foldersToIgnore(source: site.source, output: site.outputDirectory)
        let watcher: any ChangeWatcher =
            if let interval = configuration.pollInterval {
                PollingWatcher(root: site.source, interval: interval, ignoredFolders: ignored)
            } else {
                FolderWatcher(root: site.source, ignoredFolders: ignored)
            }
        var server: FeedServer?
        if let address = configuration.serve {
            server = FeedServer(serving: await site.publication(), from: site.outputDirectory, at: address, logger: logger)
        }
        let watch = WatchService(
            site: site,
            watcher: watcher,
            debouncer: ChangeDebouncer(
                settle: max(.zero, configuration.settle), window: max(.zero, configuration.debounce),
                settleAfterWrite: configuration.settleAfterWrite),
            notifier: HubNotifier(logger: logger),
            server: server,
            isRelevant: ArticleFiles.isArticlePath,
            logger: logger
        )
        try await runUntilSignalled(server.map { [$0, watch] } ?? [watch], logger: logger)
    }
}
