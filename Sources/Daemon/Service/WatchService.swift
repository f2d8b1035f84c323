import Ingest
public import Logging
public import ServiceLifecycle
import Synchronization

/// The service behind `crier watch`: a full build at start, then one regeneration per burst of changes.
///
/// watcher → debouncer → `regenerate(changedPaths:)` (or `regenerateAll()` on a rescan) → server allow-list
/// refresh → hub notification. Regenerations run one at a time, in order; changes that arrive during one are
/// merged into the next. SIGHUP reloads the configuration. What a regeneration leaves unsaved (the build cache) is
/// saved once no change has come for `saveDelay`, and before the service stops.
/// On graceful shutdown (SIGINT/SIGTERM through a `ServiceGroup`) the regeneration in progress finishes,
/// since the pipeline writes atomically but a half-done batch would be lost, and then `run()` returns.
public struct WatchService<Site: Regenerating>: Service {
    private let site: Site
    private let watcher: any ChangeWatcher
    private let debouncer: ChangeDebouncer
    private let notifier: HubNotifier?
    private let server: FeedServer?
    private let reloadRequests: AsyncStream<Void>?
    private let isRelevant: @Sendable (String) -> Bool
    private let saveDelay: Duration
    private let logger: Logger

    /// Creates the service.
    /// - Parameters:
    ///   - site: What regenerates the feeds.
    ///   - watcher: `FolderWatcher` or `PollingWatcher` on the site's source folder.
    ///   - debouncer: How changes are grouped; by default a batch goes after 10 ms of quiet, or 100 ms after
    ///     its first change while changes keep coming.
    ///   - notifier: Pings the configured WebSub hubs when feeds change; `nil` to never ping.
    ///   - server: A feed server whose allow-list and feed list follow the output (for `crier serve --watch`).
    ///   - reloadRequests: Each element reloads the configuration; `nil` (the default) means SIGHUP.
    ///   - isRelevant: Whether a changed file's relative path can matter to the feeds; others are dropped
    ///     before debouncing, so vim's swap files or an atomic write's temporary file do not cause a
    ///     regeneration of their own. `WatchDaemon` passes `ArticleFiles.isArticlePath`; nil (the default)
    ///     drops only what `ArticleFiles.isIgnored` names (hidden parts and editor leftovers).
    ///   - saveDelay: How long after the last regeneration, with no change waiting, `Regenerating.saveDeferred()`
    ///     runs; 1 s by default. A writer saving every few hundred milliseconds then costs one save at the end
    ///     instead of one (30-60 ms of CPU at 10,000 articles) after every publish.
    ///   - logger: Gets one line per regeneration.
    public init(
        site: Site,
        watcher: any ChangeWatcher,
        debouncer: ChangeDebouncer = ChangeDebouncer(),
        notifier: HubNotifier? = nil,
        server: FeedServer? = nil,
        reloadRequests: AsyncStream<Void>? = nil,
        isRelevant: (@Sendable (String) -> Bool)? = nil,
        saveDelay: Duration = .seconds(1),
        logger: Logger
    ) {
        self.site = site
        self.watcher = watcher
        self.debouncer = debouncer
        self.notifier = notifier
        self.server = server
        self.reloadRequests = reloadRequests
        self.isRelevant = isRelevant ?? { !ArticleFiles.isIgnored($0) }
        self.saveDelay = max(saveDelay, .zero)
        self.logger = logger
    }

    /// What the loop reacts to.
    private enum Trigger: Sendable {
        /// Changes are waiting in the `PendingBatch`.
        case changes
        case reload
        /// `saveDelay` has passed since regeneration number `after` ended.
        case quiet(after: Int)
    }

    /// Builds everything, then regenerates on changes until graceful shutdown or cancellation.
    /// - Throws: The initial build's error, or the watcher's if the folder cannot be watched. Errors of later
    ///   regenerations are logged and the service keeps watching: the next save may fix them.
    public func run() async throws {
        // Start watching, and catching SIGHUP, before the first build so nothing saved (and no reload asked
        // for) during it is missed.
        let events = try watcher.events()
        let reloads = reloadRequests ?? HangupSignal.stream()
        let initial = try await site.regenerateAll()
        await published(initial, trigger: "start")

        let (triggers, input) = AsyncStream.makeStream(of: Trigger.self)
        let stopping = StopFlag()
        let pending = PendingBatch()
        let isRelevant = isRelevant
        let batches = debouncer.batches(
            of: events.filter { event in
                switch event {
                case .changed(let path), .written(let path): isRelevant(path)
                case .folderRemoved, .rescan: true
                }
            })
        let forwarders = [
            Task {
                // Batches that come while a regeneration runs are merged into one waiting batch, so a burst
                // longer than the debouncer's window still costs one regeneration after the one in progress.
                for await batch in batches where pending.add(batch) { input.yield(.changes) }
                input.finish()
            },
            Task {
                for await _ in reloads { input.yield(.reload) }
            },
        ]
        defer {
            for task in forwarders { task.cancel() }
            notifier?.cancelAll()
        }

        let saveDelay = saveDelay
        await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                // Regenerations so far, and the timer that asks for a save once the latest is `saveDelay` old.
                var regenerations = 0
                var saveTimer: Task<Void, Never>?
                defer { saveTimer?.cancel() }
                for await trigger in triggers {
                    // Work queued behind the write in progress is dropped on shutdown.
                    if stopping.isSet { break }
                    if case .quiet(let after) = trigger {
                        // A change that came since, or waits, brings its own timer: saving now would delay it.
                        if after == regenerations && !pending.isWaiting { await site.saveDeferred() }
                        continue
                    }
                    saveTimer?.cancel()
                    await handle(trigger, pending: pending)
                    regenerations += 1
                    let after = regenerations
                    saveTimer = Task {
                        guard (try? await Task.sleep(for: saveDelay)) != nil else { return }
                        input.yield(.quiet(after: after))
                    }
                }
            } onCancel: {
                input.finish()
            }
        } onGracefulShutdown: {
            stopping.set()
            input.finish()
        }
        // Stopping (or cancelled) with nothing more to publish: what is unsaved is saved now.
        await site.saveDeferred()
    }

    private func handle(_ trigger: Trigger, pending: PendingBatch) async {
        let description: String
        let report: RegenerationReport
        do {
            switch trigger {
            case .changes:
                switch pending.take() {
                case .paths(let paths):
                    description = Self.describe(paths)
                    report = try await site.regenerate(changedPaths: paths)
                case .rescan:
                    description = "rescan"
                    report = try await site.regenerateAll()
                case nil:
                    return
                }
            case .reload:
                description = "configuration reload"
                report = try await site.reloadAndRegenerate()
            case .quiet:
                return
            }
        } catch {
            logger.error("Regeneration failed; still watching", metadata: ["error": "\(error)"])
            return
        }
        await published(report, trigger: description)
    }

    private func published(_ report: RegenerationReport, trigger: String) async {
        logger.info(
            "\(trigger): \(report.summary)",
            metadata: [
                "entries": "\(report.entryCount)", "ms": "\(report.milliseconds)",
                "written": "\(report.written.joined(separator: ","))",
            ])
        // Every publish may add or remove derived feeds (a new tag, a section folder removed), and a reload may
        // change everything: the server's feed list follows each one.
        if let server {
            server.update(feeds: await site.currentFeeds(), hubs: await site.currentHubs(), catalogue: await site.currentCatalogue())
        }
        guard let notifier, !report.written.isEmpty || !report.removed.isEmpty else { return }
        let changedFiles = Set(report.written + report.removed)
        let changedFeeds = await site.currentFeeds().filter { changedFiles.contains($0.fileName) }.map(\.url)
        let hubs = await site.currentHubs()
        if !changedFeeds.isEmpty && !hubs.isEmpty {
            notifier.publish(changedFeeds, to: hubs)
        }
    }

    /// `3 files: a.md, b.md, c.md`, shortened after five names.
    static func describe(_ paths: Set<String>) -> String {
        let sorted = paths.sorted()
        let shown = sorted.prefix(5).joined(separator: ", ")
        let more = sorted.count > 5 ? ", and \(sorted.count - 5) more" : ""
        return "\(sorted.count) \(sorted.count == 1 ? "file" : "files"): \(shown)\(more)"
    }
}

/// The changes waiting for the regeneration loop, merged: paths add up, and a rescan covers every path.
private final class PendingBatch: Sendable {
    private let batch = Mutex<ChangeBatch?>(nil)

    /// Merges `next` into what is waiting; true when nothing was waiting, so the loop must be told.
    func add(_ next: ChangeBatch) -> Bool {
        batch.withLock { batch in
            switch (batch, next) {
            case (nil, _):
                batch = next
                return true
            case (.rescan, _), (_, .rescan):
                batch = .rescan
            case (.paths(let waiting), .paths(let more)):
                batch = .paths(waiting.union(more))
            }
            return false
        }
    }

    /// Whether changes are waiting.
    var isWaiting: Bool { batch.withLock { $0 != nil } }

    /// Removes and returns what is waiting.
    func take() -> ChangeBatch? {
        batch.withLock { batch in
            defer { batch = nil }
            return batch
        }
    }
}

/// Set once when graceful shutdown begins.
private final class StopFlag: Sendable {
    private let flag = Mutex(false)
    var isSet: Bool { flag.withLock { $0 } }
    func set() { flag.withLock { $0 = true } }
}
