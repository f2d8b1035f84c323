import CrierTestHelpers
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Faults around a running `crier watch`: the source folder vanishing and coming back, and a storm of changes.
@Suite(.serialized) struct WatchFaultTests {
    @Test(arguments: [false, true])
    func theSourceFolderGoingAwayIsLoggedAndSurvived(poll: Bool) async throws {
        let site = try WatchSite()
        try site.write("one.md", WatchSite.article("Before Away", date: "2024-01-01"))
        try site.write("two.md", WatchSite.article("Second Stays", date: "2024-01-02"))
        let daemon = try await site.startWatch(poll: poll)
        let mode = poll ? "poll" : "inotify"
        let away = site.root.appendingPathComponent("src-away")

        // Renamed: the published feeds stay, an error names the folder, the daemon idles.
        #expect(rename(site.source.path, away.path) == 0)
        #expect(await daemon.waitForLog("the source folder is missing"), "\(mode): \(daemon.log)")
        let cpuBefore = try #require(daemon.cpuSeconds)
        try await Task.sleep(for: .seconds(2))
        let cpuUsed = try #require(daemon.cpuSeconds) - cpuBefore
        #expect(cpuUsed < 0.5, "\(mode): \(cpuUsed) s of CPU in 2 s while the folder is gone: busy loop")
        #expect(daemon.process.isRunning)
        #expect(daemon.occurrences(of: "the source folder is missing") <= 2, "\(mode): logged once, not in a loop")
        #expect(site.feed("atom.xml").contains("Before Away"), "\(mode): the feeds were not emptied")

        // Back, with an edit made meanwhile: picked up by a rescan.
        try Data(WatchSite.article("Changed While Away", date: "2024-01-01").utf8).write(to: away.appendingPathComponent("one.md"))
        #expect(rename(away.path, site.source.path) == 0)
        #expect(await site.feedsEventually(contain: ["Changed While Away", "Second Stays"], lack: ["Before Away"]), "\(mode): \(daemon.log)")
        try site.write("three.md", WatchSite.article("After Return", date: "2024-01-03"))
        #expect(await site.feedsEventually(contain: ["After Return"]), "\(mode): watching again after the return")

        // Removed outright, then made again.
        try FileManager.default.removeItem(at: site.source)
        #expect(await daemon.waitForLog("the source folder is missing", count: 2), "\(mode): \(daemon.log)")
        try FileManager.default.createDirectory(at: site.source, withIntermediateDirectories: true)
        try site.write("crier.yml", WatchSite.config(title: "Watched Site"))
        try site.write("reborn.md", WatchSite.article("Reborn", date: "2024-01-04"))
        #expect(await site.feedsEventually(contain: ["Reborn"], lack: ["Changed While Away"]), "\(mode): \(daemon.log)")
        try site.write("later.md", WatchSite.article("Later Still", date: "2024-01-05"))
        #expect(await site.feedsEventually(contain: ["Later Still"]), "\(mode): watching the new folder")

        #expect(await daemon.stop() == 0)
        #expect(try await site.differencesFromFreshBuild() == [])
    }

    @Test func aStormOfChangesKeepsTheDaemonResponsiveAndItsMemoryBounded() async throws {
        let site = try WatchSite()
        let files = 300
        for index in 0..<files {
            try site.write("storm/\(index % 10)/post\(index).md", WatchSite.article("Storm \(index) v0", date: "2024-03-01"))
        }
        let daemon = try await site.startWatch(poll: false, extra: ["--serve", "127.0.0.1:0"])
        let port = try #require(await daemon.servingPort())
        let baseline = try #require(daemon.residentKilobytes)

        // Thousands of writes across the hundreds of files, on their own thread, as fast as the disk takes them.
        let writes = 4000
        let finished = Atomic<Bool>(false)
        Thread { [site] in
            for round in 0..<writes {
                let index = (round * 7) % files
                let text = WatchSite.article("Storm \(index) v\(round)", date: "2024-03-01")
                try? Data(text.utf8).write(to: site.url("storm/\(index % 10)/post\(index).md"), options: round % 2 == 0 ? [] : .atomic)
            }
            finished.store(true, ordering: .relaxed)
        }.start()

        var peak = baseline
        var served = 0
        while !finished.load(ordering: .relaxed) {
            let reply = try await rawHTTP(port: port, target: "/atom.xml", timeoutSeconds: 10)
            #expect(reply.status == 200, "served during the storm")
            served += 1
            peak = max(peak, daemon.residentKilobytes ?? 0)
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(served >= 1)
        // Settled means quiet for longer than a publish takes: a publish still running when the storm ends changes
        // the feeds only when it is done, and on a loaded machine one takes seconds (a debug build rereads 300 files).
        let settle = max(1.5, 2 * Self.longestPublishSeconds(in: daemon.log) + 0.5)
        #expect(await outputIsQuiet(site, forSeconds: settle, within: 90), "the daemon settles after the storm")
        peak = max(peak, daemon.residentKilobytes ?? 0)
        // Bounded, not a speed or size target: a queue that grew with the number of events would blow past this.
        #expect(peak - baseline < 200_000, "VmRSS grew from \(baseline) kB to \(peak) kB during the storm")
        print("storm: \(writes) writes over \(files) files; VmRSS \(baseline) kB -> peak \(peak) kB; \(served) fetches served")
        #expect(await daemon.stop() == 0)
        #expect(try await site.differencesFromFreshBuild() == [], "\(daemon.log)")
    }

    /// The longest publish the daemon's log reports (its `ms=` field), in seconds; 0 when none is logged yet.
    static func longestPublishSeconds(in log: String) -> Double {
        let milliseconds = log.split(separator: "\n").compactMap { line -> Int? in
            guard let field = line.split(separator: " ").first(where: { $0.hasPrefix("ms=") }) else { return nil }
            return Int(field.dropFirst(3))
        }
        return Double(milliseconds.max() ?? 0) / 1000
    }
}
