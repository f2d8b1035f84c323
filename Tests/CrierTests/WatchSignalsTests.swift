import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// How `crier watch` answers the signals systemd sends, and a second daemon on the same output folder.
@Suite(.serialized) struct WatchSignalsTests {
    @Test func sigtermExitsZeroPromptly() async throws {
        let site = try WatchSite()
        try site.write("one.md", WatchSite.article("Signalled", date: "2024-01-01"))
        let daemon = try await site.startWatch(poll: false)
        daemon.send(SIGTERM)
        #expect(await daemon.waitForExit(seconds: 5) == 0, "\(daemon.log)")
    }

    @Test func sighupReloadsTheConfiguration() async throws {
        let site = try WatchSite()
        try site.write("one.md", WatchSite.article("Reloaded", date: "2024-01-01"))
        let daemon = try await site.startWatch(poll: false)
        #expect(await site.feedsEventually(contain: ["Watched Site"]))
        try site.write("crier.yml", WatchSite.config(title: "Renamed By Hangup"))
        // crier.yml is not an article: only the signal makes the daemon read it again.
        daemon.send(SIGHUP)
        #expect(await site.feedsEventually(contain: ["Renamed By Hangup", "Reloaded"], lack: ["Watched Site"]), "\(daemon.log)")
        #expect(await daemon.stop() == 0)
        #expect(try await site.differencesFromFreshBuild() == [])
    }

    @Test func aServePortAlreadyInUseExitsThree() async throws {
        let site = try WatchSite()
        try site.write("one.md", WatchSite.article("Port Taken", date: "2024-01-01"))
        let first = try await site.startWatch(poll: false, extra: ["--serve", "127.0.0.1:0"])
        let port = try #require(await first.servingPort())
        let elsewhere = site.root.appendingPathComponent("out2")
        let second = try WatchProcess(
            [
                "watch", site.source.path, "--output", elsewhere.path, "--state", site.root.appendingPathComponent("state2.sqlite").path,
                "--serve", "127.0.0.1:\(port)",
            ],
            logFile: site.root.appendingPathComponent("second.log"))
        #expect(await second.waitForExit(seconds: 15) == 3, "\(second.log)")
        #expect(second.log.contains("Address already in use"), "\(second.log)")
        #expect(await first.stop() == 0)
    }

    @Test func aSecondWatchOnTheSameOutputExitsThreeWithTheLockMessage() async throws {
        let site = try WatchSite()
        try site.write("one.md", WatchSite.article("Locked", date: "2024-01-01"))
        let first = try await site.startWatch(poll: false)
        let second = try WatchProcess(site.watchArguments(poll: false), logFile: site.root.appendingPathComponent("second.log"))
        #expect(await second.waitForExit(seconds: 10) == 3)
        #expect(second.log.contains("another crier process is writing this output folder"), "\(second.log)")
        #expect(first.process.isRunning, "the first daemon is unaffected")
        #expect(await first.stop() == 0)
    }
}
