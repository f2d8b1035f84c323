import ArgumentParser
import Daemon
import Foundation
import Ingest
import Logging
import Pipeline

/// `crier watch`: build, then keep the feeds current as the folder changes; optionally serve them.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Build the feeds, then rebuild them on every change in the folder.",
        discussion: """
        Changed articles are read again (only those); feeds whose bytes change are rewritten atomically. \
        A rebuild starts --settle ms after the last change, or --debounce ms after the first one while \
        changes keep coming, so a save is published at once and a burst still gives one rebuild. \
        SIGHUP reloads crier.yml; SIGINT or SIGTERM finishes the write in progress and exits 0. \
        Exit status 2 when the configuration is wrong at start, 3 when the folders cannot be used or another \
        crier holds the output lock.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "Also serve the output folder over HTTP at HOST:PORT (e.g. 127.0.0.1:8080).")
    var serve: ListenAddress?

    @Option(help: "Scan the folder every SECONDS instead of using inotify (network filesystems).")
    var poll: Double?

    @Option(help: ArgumentHelp(
        "Longest a change waits, in milliseconds, while further changes keep arriving.",
        discussion: "A burst of changes (a git checkout, a sync tool) gives one rebuild per this many milliseconds."
    ))
    var debounce: Int = 100

    @Option(help: ArgumentHelp(
        "Milliseconds of quiet after the last change before rebuilding.",
        discussion: "A single save is rebuilt this long after it ends; capped by --debounce."
    ))
    var settle: Int = 10

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let logger = logging.makeLogger(label: "crier.watch")
        try await reportingErrors {
            let lock = try OutputLock.acquire(outputDirectory: site.outputURL)
            defer { lock.release() }
            let site = try Site(
                source: self.site.sourceURL, output: self.site.outputURL,
                configFile: self.site.configURL, statePath: self.site.stateURL, logger: logger
            )
            let ignored = FolderWatcher.foldersToIgnore(source: site.source, output: site.outputDirectory)
            let watcher: any ChangeWatcher = if let poll {
                PollingWatcher(root: site.source, interval: .milliseconds(Int(poll * 1000)), ignoredFolders: ignored)
            } else {
                FolderWatcher(root: site.source, ignoredFolders: ignored)
            }
            let server: FeedServer? = if let serve {
                FeedServer(
                    outputDirectory: site.outputDirectory,
                    configuration: FeedServerConfiguration(
                        host: serve.host, port: serve.port, siteTitle: await site.title(),
                        feeds: await site.publishedFeeds(), hubs: await site.hubs()
                    ),
                    logger: logger
                )
            } else {
                nil
            }
            let watch = WatchService(
                site: site,
                watcher: watcher,
                debouncer: ChangeDebouncer(settle: .milliseconds(max(0, settle)), window: .milliseconds(max(0, debounce))),
                notifier: HubNotifier(logger: logger),
                server: server,
                isRelevant: ArticleFiles.isArticlePath,
                logger: logger
            )
            try await runUntilSignalled(server.map { [$0, watch] } ?? [watch], logger: logger)
        }
    }
}
