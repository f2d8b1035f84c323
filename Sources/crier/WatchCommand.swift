import ArgumentParser
import Daemon

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

    @Option(
        help: ArgumentHelp(
            "Longest a change waits, in milliseconds, while further changes keep arriving.",
            discussion: "A burst of changes (a git checkout, a sync tool) gives one rebuild per this many milliseconds."
        ))
    var debounce: Int = 100

    @Option(
        help: ArgumentHelp(
            "Milliseconds of quiet after the last change before rebuilding (default: 10).",
            discussion:
                "By default a save that ends in a complete file is rebuilt 2 ms after it; a value given here is waited after every change, "
                + "for sync tools that write a folder in slow bursts. Capped by --debounce."
        ))
    var settle: Int?

    @OptionGroup var logging: LoggingOptions

    func run() async throws {
        let daemon = WatchDaemon(
            source: site.sourceURL, output: site.outputURL, configFile: site.configURL, statePath: site.stateURL,
            configuration: WatchDaemon.Configuration(
                serve: serve, pollInterval: poll.map { .milliseconds(Int($0 * 1000)) },
                settle: .milliseconds(settle ?? 10), debounce: .milliseconds(debounce),
                // A settle the user chose is waited after every change, a complete write too.
                settleAfterWrite: .milliseconds(settle ?? 2)),
            logger: logging.makeLogger(label: "crier.watch"))
        try await reportingErrors { try await daemon.runService() }
    }
}
