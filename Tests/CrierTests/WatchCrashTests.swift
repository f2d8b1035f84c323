import CrierTestHelpers
import Foundation
import Synchronization
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif
#if canImport(Glibc)
import Glibc
#endif

/// `kill -9` in the middle of a burst of edits: the feeds on disk are whole and valid at every moment (the
/// publisher writes a temporary file and renames it), and a restarted daemon catches up to a fresh build.
@Suite(.serialized) struct WatchCrashTests {
    @Test func killNineDuringABurstLeavesValidFeedsAndARestartCatchesUp() async throws {
        let site = try WatchSite()
        for index in 0..<20 {
            try site.write("post\(index).md", WatchSite.article("Post \(index) v0", date: "2024-01-\(10 + index)"))
        }
        let daemon = try await site.startWatch(poll: false)
        let checker = FeedChecker(folder: site.output)
        let writer = BurstWriter(site: site)
        checker.start()
        writer.start()

        try await Task.sleep(for: .milliseconds(1500))
        daemon.send(SIGKILL)
        #expect(await daemon.waitForExit(seconds: 5) != nil)
        // The writer goes on while no daemon runs, then a new daemon starts in the middle of the burst.
        try await Task.sleep(for: .milliseconds(500))
        let restarted = try await site.startWatch(poll: false, log: "restarted.log")
        try await Task.sleep(for: .milliseconds(1000))
        await writer.finish()
        try site.write("final.md", WatchSite.article("Final Marker", date: "2024-02-28"))
        #expect(await site.feedsEventually(contain: ["Final Marker"], seconds: 15), "\(restarted.log)")
        #expect(await outputIsQuiet(site, forSeconds: 1))
        await checker.finish()

        let result = checker.result
        #expect(result.reads > 50, "the checker read the feeds \(result.reads) times")
        #expect(result.failures.isEmpty, "feeds on disk that did not parse: \(result.failures.prefix(3))")
        // Every distinct version seen on disk also passes crier's own validator.
        let snapshots = site.root.appendingPathComponent("snapshots")
        try FileManager.default.createDirectory(at: snapshots, withIntermediateDirectories: true)
        var files: [String] = []
        for (index, snapshot) in result.snapshots.enumerated() {
            let file = snapshots.appendingPathComponent("\(index)-\(snapshot.name)")
            try snapshot.data.write(to: file)
            files.append(file.path)
        }
        #expect(files.count >= 6, "saw \(files.count) versions")
        let validation = try await onOwnThread { [files] in try CrierBinary.run(["validate"] + files) }
        #expect(validation.status == 0, "\(validation.standardOutput)")

        #expect(await restarted.stop() == 0)
        let differences = try await site.differencesFromFreshBuild()
        #expect(differences == [], "a temporary file left by the crash, or stale feeds: \(differences)")
    }

    @Test func temporaryFilesLeftByAKilledPublishAreRemovedAtTheNextStart() async throws {
        let site = try WatchSite()
        try site.write("one.md", WatchSite.article("Leftovers", date: "2024-01-01"))
        let archives = site.output.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archives, withIntermediateDirectories: true)
        let leftovers = [".atom.xml.tmp-Ab3xYz", "archive/.rss-archive-1.xml.tmp-0a9ZZq"]
        let kept = [".keep", "notes.tmp-Ab3xYz", "archive/.x.tmp-toolong1"]
        for name in leftovers + kept { try Data("half a feed".utf8).write(to: site.output.appendingPathComponent(name)) }
        let daemon = try await site.startWatch(poll: false)
        for name in leftovers {
            #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent(name).path), "\(name) left behind")
        }
        for name in kept {
            #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent(name).path), "\(name) is not ours")
        }
        #expect(await daemon.stop() == 0)
    }
}

/// Waits until no feed file changes for a while: the daemon has nothing left to do.
func outputIsQuiet(_ site: WatchSite, forSeconds quiet: Double, within seconds: Double = 20) async -> Bool {
    var last = WatchSite.feedNames.map { site.feed($0) }
    var since = ContinuousClock.now
    return await eventually(seconds: seconds) {
        let now = WatchSite.feedNames.map { site.feed($0) }
        if now != last {
            last = now
            since = ContinuousClock.now
        }
        return ContinuousClock.now - since >= .milliseconds(Int(quiet * 1000))
    }
}

/// Edits articles in a loop on its own thread, every save style mixed, until told to stop.
final class BurstWriter: Sendable {
    private let site: WatchSite
    private let stopping = Atomic<Bool>(false)
    private let done = Atomic<Bool>(false)

    init(site: WatchSite) { self.site = site }

    func start() {
        Thread { [self] in
            var round = 0
            while !stopping.load(ordering: .relaxed) {
                round += 1
                let index = round % 20
                let text = WatchSite.article("Post \(index) v\(round)", date: "2024-01-\(10 + index)", body: "Round \(round).")
                let url = site.url("post\(index).md")
                switch round % 4 {
                case 0: try? Data(text.utf8).write(to: url, options: .atomic)
                case 1:
                    let temporary = site.url(".post\(index).md.tmp")
                    try? Data(text.utf8).write(to: temporary)
                    rename(temporary.path, url.path)
                case 2: try? Data(text.utf8).write(to: url)
                default:
                    // Churn: an extra article comes and goes.
                    let extra = site.url("extra\(round % 3).md")
                    if FileManager.default.fileExists(atPath: extra.path) {
                        try? FileManager.default.removeItem(at: extra)
                    } else {
                        try? Data(WatchSite.article("Extra \(round)", date: "2024-02-01").utf8).write(to: extra)
                    }
                }
                usleep(2000)
            }
            done.store(true, ordering: .relaxed)
        }.start()
    }

    func finish() async {
        stopping.store(true, ordering: .relaxed)
        _ = await eventually(seconds: 10) { done.load(ordering: .relaxed) }
    }
}

/// Reads every feed file over and over on its own thread and parses each version it sees.
final class FeedChecker: @unchecked Sendable {
    struct Result {
        var reads = 0
        var failures: [String] = []
        var snapshots: [(name: String, data: Data)] = []
    }

    private let folder: URL
    private let stopping = Atomic<Bool>(false)
    private let done = Atomic<Bool>(false)
    private let state = Mutex(Result())

    init(folder: URL) { self.folder = folder }

    var result: Result { state.withLock { $0 } }

    func start() {
        Thread { [self] in
            var seen = Set<Data>()
            while !stopping.load(ordering: .relaxed) {
                for name in WatchSite.feedNames {
                    guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                        state.withLock { $0.failures.append("\(name): missing") }
                        continue
                    }
                    let parses =
                        name.hasSuffix(".json")
                        ? (try? JSONSerialization.jsonObject(with: data)) != nil
                        : XMLParser(data: data).parse()
                    state.withLock { result in
                        result.reads += 1
                        if !parses { result.failures.append("\(name): \(data.count) bytes") }
                        // Keep a bounded sample of distinct versions for `crier validate`.
                        if !seen.contains(data) && result.snapshots.count < 60 {
                            result.snapshots.append((name, data))
                        }
                    }
                    seen.insert(data)
                }
            }
            done.store(true, ordering: .relaxed)
        }.start()
    }

    func finish() async {
        stopping.store(true, ordering: .relaxed)
        _ = await eventually(seconds: 10) { done.load(ordering: .relaxed) }
    }
}
