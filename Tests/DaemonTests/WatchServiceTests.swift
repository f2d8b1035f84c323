import CrierTestHelpers
import Daemon
import FeedModel
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A stand-in for `Pipeline.Site` that records what it was asked to do.
actor FakeSite: Regenerating {
    enum Call: Equatable {
        case all
        case paths(Set<String>)
        case reload
    }

    private(set) var calls: [Call] = []
    private(set) var completed = 0
    /// `saveDeferred()` calls, and the regenerations completed at each.
    private(set) var saves: [Int] = []
    var delay: Duration = .zero
    var failuresLeft = 0
    var written = ["atom.xml"]
    var hubs: [String]
    /// Runs at each regeneration, e.g. to write files into an output folder.
    var sideEffect: (@Sendable (Call) -> Void)?

    init(hubs: [String] = []) { self.hubs = hubs }

    func configure(hubs: [String], sideEffect: (@Sendable (Call) -> Void)?) {
        self.hubs = hubs
        self.sideEffect = sideEffect
    }

    func configure(delay: Duration = .zero, failures: Int = 0, written: [String] = ["atom.xml"]) {
        self.delay = delay
        self.failuresLeft = failures
        self.written = written
    }

    private func record(_ call: Call) async throws -> RegenerationReport {
        calls.append(call)
        if delay > .zero { try? await Task.sleep(for: delay) }
        if failuresLeft > 0 {
            failuresLeft -= 1
            throw FakeFailure()
        }
        sideEffect?(call)
        completed += 1
        return RegenerationReport(entryCount: 3, written: written, milliseconds: 7, summary: "3 entries, 0 failed")
    }

    func regenerateAll() async throws -> RegenerationReport { try await record(.all) }
    func regenerate(changedPaths: Set<String>) async throws -> RegenerationReport { try await record(.paths(changedPaths)) }
    func reloadAndRegenerate() async throws -> RegenerationReport { try await record(.reload) }
    func currentFeeds() async -> [FeedOutput] { testFeeds }
    func currentHubs() async -> [String] { hubs }
    func saveDeferred() async { saves.append(completed) }
}

struct FakeFailure: Error, CustomStringConvertible {
    var description: String { "the fake site failed on purpose" }
}

/// A watcher whose events the test sends by hand.
final class ScriptedWatcher: ChangeWatcher {
    let stream: AsyncStream<WatchEvent>
    let input: AsyncStream<WatchEvent>.Continuation

    init() { (stream, input) = AsyncStream.makeStream(of: WatchEvent.self) }

    func events() throws(WatchError) -> AsyncStream<WatchEvent> { stream }
}

/// Keeps every log message, so a test can check what the daemon tells its operator.
final class LogCapture: Sendable {
    let messages = Mutex<[String]>([])

    var logger: Logger {
        Logger(label: "capture") { _ in CapturingHandler(capture: self) }
    }

    struct CapturingHandler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            capture.messages.withLock { $0.append("\(event.level): \(event.message)") }
        }
    }
}

/// Runs a watch service in a service group until `body` returns, then shuts it down gracefully and waits.
func withWatchService(
    site: FakeSite,
    watcher: any ChangeWatcher,
    notifier: HubNotifier? = nil,
    reloads: AsyncStream<Void>? = AsyncStream { _ in },
    logger: Logger = quietLogger,
    _ body: (ServiceGroup) async throws -> Void
) async throws {
    let service = WatchService(
        site: site, watcher: watcher, debouncer: ChangeDebouncer(settle: .milliseconds(50), window: .seconds(5)), notifier: notifier,
        reloadRequests: reloads, logger: logger)
    let group = ServiceGroup(configuration: .init(services: [service], logger: quietLogger))
    let running = Task { try await group.run() }
    try await body(group)
    await group.triggerGracefulShutdown()
    try await running.value
}

func waitUntil(timeout: Duration = .seconds(30), _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return await condition()
}

@Suite("Watch service")
struct WatchServiceTests {
    @Test("A full build at start, then one update per burst of saved files")
    func buildThenUpdates() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let site = FakeSite()
        try await withWatchService(site: site, watcher: FolderWatcher(root: folder.url)) { _ in
            #expect(await waitUntil { await site.calls == [.all] })
            try folder.write("a.md", "a")
            try folder.write("b.md", "b", atomically: true)
            #expect(await waitUntil { await site.calls.count == 2 })
            // Foundation's temporary file (a hidden name) is filtered out before the site sees the batch.
            #expect(await site.calls == [.all, .paths(["a.md", "b.md"])])
        }
    }

    @Test("A rescan rebuilds everything; a reload request reloads the configuration")
    func rescanAndReload() async throws {
        let site = FakeSite()
        let watcher = ScriptedWatcher()
        let (reloads, reload) = AsyncStream.makeStream(of: Void.self)
        try await withWatchService(site: site, watcher: watcher, reloads: reloads) { _ in
            #expect(await waitUntil { await site.calls == [.all] })
            watcher.input.yield(.changed("x.md"))
            watcher.input.yield(.rescan)
            #expect(await waitUntil { await site.calls.count == 2 })
            reload.yield()
            #expect(await waitUntil { await site.calls.count == 3 })
            #expect(await site.calls == [.all, .all, .reload])
        }
    }

    @Test("SIGHUP reloads the configuration")
    func hangupSignal() async throws {
        let site = FakeSite()
        try await withWatchService(site: site, watcher: ScriptedWatcher(), reloads: nil) { _ in
            // `#require`: if the first build has not run yet, SIGHUP's default action would kill the test process.
            try #require(await waitUntil(timeout: .seconds(30)) { await site.calls == [.all] })
            // The service ignores SIGHUP's default action before the initial build, so this cannot kill the runner.
            kill(getpid(), SIGHUP)
            #expect(await waitUntil { await site.calls == [.all, .reload] })
        }
    }

    @Test("What regenerations leave unsaved is saved once no change has come for the delay")
    func savesWhenQuiet() async throws {
        let site = FakeSite()
        let watcher = ScriptedWatcher()
        let service = WatchService(
            site: site, watcher: watcher, debouncer: ChangeDebouncer(settle: .milliseconds(20), window: .seconds(5)),
            reloadRequests: AsyncStream { _ in }, saveDelay: .milliseconds(200), logger: quietLogger)
        let group = ServiceGroup(configuration: .init(services: [service], logger: quietLogger))
        let running = Task { try await group.run() }
        #expect(await waitUntil { await site.completed == 1 })
        watcher.input.yield(.changed("a.md"))
        // The first build saved what it found itself; the update's saving waits for the quiet after it.
        #expect(await waitUntil { await site.saves.count == 1 })
        #expect(await site.saves == [2])
        await group.triggerGracefulShutdown()
        try await running.value
    }

    @Test("With changes coming, nothing is saved until the service stops, and then it is")
    func savesOnStop() async throws {
        let site = FakeSite()
        let watcher = ScriptedWatcher()
        let service = WatchService(
            site: site, watcher: watcher, debouncer: ChangeDebouncer(settle: .milliseconds(20), window: .seconds(5)),
            reloadRequests: AsyncStream { _ in }, saveDelay: .seconds(3600), logger: quietLogger)
        let group = ServiceGroup(configuration: .init(services: [service], logger: quietLogger))
        let running = Task { try await group.run() }
        #expect(await waitUntil { await site.completed == 1 })
        watcher.input.yield(.changed("a.md"))
        #expect(await waitUntil { await site.completed == 2 })
        #expect(await site.saves.isEmpty)
        await group.triggerGracefulShutdown()
        try await running.value
        #expect(await site.saves == [2])
    }

    @Test("Graceful shutdown lets the regeneration in progress finish and drops queued work")
    func gracefulShutdown() async throws {
        let site = FakeSite()
        let watcher = ScriptedWatcher()
        let service = WatchService(
            site: site, watcher: watcher, debouncer: ChangeDebouncer(settle: .milliseconds(20), window: .seconds(5)),
            reloadRequests: AsyncStream { _ in }, logger: quietLogger)
        let group = ServiceGroup(configuration: .init(services: [service], logger: quietLogger))
        let running = Task { try await group.run() }
        #expect(await waitUntil { await site.completed == 1 })
        await site.configure(delay: .milliseconds(500))
        watcher.input.yield(.changed("slow.md"))
        #expect(await waitUntil { await site.calls.count == 2 })
        watcher.input.yield(.changed("queued.md"))
        try await Task.sleep(for: .milliseconds(100))
        await group.triggerGracefulShutdown()
        try await running.value
        #expect(await site.completed == 2)
        #expect(await site.calls == [.all, .paths(["slow.md"])])
    }

    @Test("Batches that arrive during a regeneration are merged into one regeneration after it, in order")
    func batchesDuringARegenerationMerge() async throws {
        let site = FakeSite()
        let watcher = ScriptedWatcher()
        let service = WatchService(
            site: site, watcher: watcher, debouncer: ChangeDebouncer(settle: .milliseconds(20), window: .seconds(5)),
            reloadRequests: AsyncStream { _ in }, logger: quietLogger)
        let group = ServiceGroup(configuration: .init(services: [service], logger: quietLogger))
        let running = Task { try await group.run() }
        #expect(await waitUntil { await site.completed == 1 })
        await site.configure(delay: .seconds(2))
        watcher.input.yield(.changed("first.md"))
        #expect(await waitUntil { await site.calls.count == 2 })
        // Three batches (each event ends its own burst) while the first regeneration is still running.
        for name in ["second.md", "third.md", "fourth.md"] {
            watcher.input.yield(.changed(name))
            try await Task.sleep(for: .milliseconds(150))
        }
        watcher.input.yield(.rescan)
        try await Task.sleep(for: .milliseconds(150))
        watcher.input.yield(.changed("fifth.md"))
        #expect(await waitUntil { await site.completed == 3 })
        try await Task.sleep(for: .milliseconds(300))
        await group.triggerGracefulShutdown()
        try await running.value
        // Whatever the timing, nothing is lost and nothing runs twice: the first batch alone, then at most
        // the rest merged (a rescan covers the paths waiting with it).
        let calls = await site.calls
        #expect(calls.prefix(2) == [.all, .paths(["first.md"])])
        #expect(calls.dropFirst(2).allSatisfy { $0 == .all })
        #expect(calls.count == 3)
    }

    @Test("A failed regeneration is logged and watching goes on")
    func failureIsLogged() async throws {
        let site = FakeSite()
        let watcher = ScriptedWatcher()
        let capture = LogCapture()
        try await withWatchService(site: site, watcher: watcher, logger: capture.logger) { _ in
            #expect(await waitUntil { await site.completed == 1 })
            await site.configure(failures: 1)
            watcher.input.yield(.changed("bad.md"))
            #expect(await waitUntil { await site.calls.count == 2 })
            watcher.input.yield(.changed("fixed.md"))
            #expect(await waitUntil { await site.completed == 2 })
        }
        let messages = capture.messages.withLock { $0 }
        #expect(messages.contains { $0.hasPrefix("error:") && $0.contains("Regeneration failed") })
        // One line per regeneration: what changed and the summary.
        #expect(messages.contains("info: start: 3 entries, 0 failed"))
        #expect(messages.contains("info: 1 file: fixed.md: 3 entries, 0 failed"))
    }

    @Test("The first build's failure stops the service with that error")
    func initialFailure() async throws {
        let site = FakeSite()
        await site.configure(failures: 1)
        let service = WatchService(site: site, watcher: ScriptedWatcher(), reloadRequests: AsyncStream { _ in }, logger: quietLogger)
        await #expect(throws: FakeFailure.self) { try await service.run() }
    }

    @Test("Hubs are pinged for changed feeds only")
    func hubsPinged() async throws {
        let hub = try RecordingHub()
        defer { hub.stop() }
        let site = FakeSite(hubs: ["http://127.0.0.1:\(hub.port)/"])
        let watcher = ScriptedWatcher()
        let notifier = HubNotifier(logger: quietLogger)
        try await withWatchService(site: site, watcher: watcher, notifier: notifier) { _ in
            #expect(await waitUntil { hub.requests.count == 1 })
            await site.configure(written: [])
            watcher.input.yield(.changed("same.md"))
            #expect(await waitUntil { await site.completed == 2 })
            await site.configure(written: ["rss.xml", "feed.json"])
            watcher.input.yield(.changed("other.md"))
            #expect(await waitUntil { hub.requests.count == 3 })
        }
        #expect(
            hub.requests.map(\.body).sorted() == [
                "hub.mode=publish&hub.url=https%3A%2F%2Fexample.org%2Fatom.xml",
                "hub.mode=publish&hub.url=https%3A%2F%2Fexample.org%2Ffeed.json",
                "hub.mode=publish&hub.url=https%3A%2F%2Fexample.org%2Frss.xml",
            ])
    }

    @Test("Run together, the server follows regenerations and configuration reloads")
    func serverAndWatcherTogether() async throws {
        let output = try TemporaryFolder()
        defer { output.remove() }
        try output.write("atom.xml", atomDocument)
        let site = FakeSite()
        let watcher = ScriptedWatcher()
        let (reloads, reload) = AsyncStream.makeStream(of: Void.self)
        let server = FeedServer(
            outputDirectory: output.url, configuration: FeedServerConfiguration(port: 0, siteTitle: "T", feeds: testFeeds),
            logger: quietLogger)
        let service = WatchService(
            site: site, watcher: watcher, debouncer: ChangeDebouncer(settle: .milliseconds(20), window: .seconds(5)), server: server,
            reloadRequests: reloads, logger: quietLogger)
        let group = ServiceGroup(configuration: .init(services: [server, service], logger: quietLogger))
        let running = Task { try await group.run() }
        let port = try #require(await server.listeningPort())
        #expect(await waitUntil { await site.completed == 1 })

        // A regeneration that adds an archive page: served as soon as the regeneration is done.
        let folder = output
        await site.configure(hubs: ["https://hub.example.net/"]) { _ in
            try? folder.write("archive/rss-1.xml", rssDocument)
        }
        watcher.input.yield(.changed("post.md"))
        #expect(await waitUntil { await site.completed == 2 })
        #expect(try await rawHTTP(port: port, target: "/archive/rss-1.xml").status == 200)
        // The server takes the site's feeds and hubs after every regeneration, since a publish may add or remove
        // derived feeds (a new tag, a section folder removed).
        #expect(try await rawHTTP(port: port, target: "/atom.xml").headers("Link").contains("<https://hub.example.net/>; rel=\"hub\""))
        reload.yield()
        #expect(await waitUntil { await site.completed == 3 })
        let links = try await rawHTTP(port: port, target: "/atom.xml").headers("Link").joined(separator: ", ")
        #expect(links.contains("<https://hub.example.net/>; rel=\"hub\""))

        await group.triggerGracefulShutdown()
        try await running.value
    }
}

@Suite("Signals")
struct SignalTests {
    @Test("SIGTERM finishes the regeneration in progress and returns normally")
    func terminate() async throws {
        let site = FakeSite()
        let watcher = ScriptedWatcher()
        let service = WatchService(
            site: site, watcher: watcher, debouncer: ChangeDebouncer(settle: .milliseconds(20), window: .seconds(5)),
            reloadRequests: AsyncStream { _ in }, logger: quietLogger)
        let running = Task { try await runUntilSignalled([service], logger: quietLogger) }
        // The group traps SIGTERM before starting services, so once the first build ran the signal is safe.
        // `#require`, not `#expect`: on a machine too loaded to get this far in time, sending SIGTERM without the
        // group's handler in place would kill the whole test process and every other test with it.
        try #require(await waitUntil(timeout: .seconds(30)) { await site.completed == 1 })
        await site.configure(delay: .milliseconds(400))
        watcher.input.yield(.changed("post.md"))
        try #require(await waitUntil(timeout: .seconds(30)) { await site.calls.count == 2 })
        kill(getpid(), SIGTERM)
        try await running.value
        #expect(await site.completed == 2)
    }
}
