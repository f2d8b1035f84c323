import CrierTestHelpers
import Foundation
import Testing

/// `crier watch --settle MS --debounce MS` with the real binary: a burst of saves gives one rebuild once it
/// is quiet, and the window publishes a change even when the quiet gap is longer. Counts and order only;
/// every wait is generous, since the machine running the tests may be busy.
@Suite(.serialized) struct WatchTimingTests {
    /// Rebuilds logged after the first build (`1 file: …` or `N files: …`).
    func rebuilds(_ daemon: WatchProcess) -> Int {
        daemon.occurrences(of: " file: ") + daemon.occurrences(of: " files: ")
    }

    @Test func theHelpNamesBothSettings() throws {
        let help = try CrierBinary.run(["watch", "--help"])
        #expect(help.standardOutput.contains("--settle"))
        #expect(help.standardOutput.contains("--debounce"))
    }

    @Test func aBurstOfSavesGivesOneRebuildOnceQuiet() async throws {
        let site = try WatchSite()
        try site.write("seed.md", WatchSite.article("Seed Article", date: "2024-01-01"))
        // A quiet gap of five seconds, far longer than the pauses in the burst even when a loaded machine
        // stalls this test for a while (a one-second gap once split the burst in two); a window longer than the test.
        let daemon = try await site.startWatch(poll: false, extra: ["--settle", "5000", "--debounce", "120000"])
        // The saves come from a thread of their own: the end-to-end suites that run beside this one hold the
        // test process's few concurrency threads while they wait on processes, and a `Task.sleep` here once
        // resumed more than 5 s late, splitting the burst with a stall the daemon rightly saw as a quiet gap.
        let burst = Thread { [site] in
            for n in 1...10 {
                try? site.write("burst-\(n).md", WatchSite.article("Burst \(n)", date: "2024-02-\(String(format: "%02d", n))"))
                usleep(20_000)
            }
        }
        burst.start()
        #expect(await site.feedsEventually(contain: (1...10).map { "Burst \($0)" }, seconds: 60))
        try await Task.sleep(for: .milliseconds(1500))
        #expect(rebuilds(daemon) == 1, "\(daemon.log)")
        #expect(daemon.log.contains("10 files: burst-1.md"))
        _ = await daemon.stop()
    }

    @Test func theWindowPublishesBeforeALongerQuietGapEnds() async throws {
        let site = try WatchSite()
        try site.write("seed.md", WatchSite.article("Seed Article", date: "2024-01-01"))
        // Without the window the save would wait ten minutes of quiet.
        let daemon = try await site.startWatch(poll: false, extra: ["--settle", "600000", "--debounce", "200"])
        try site.write("saved.md", WatchSite.article("Saved Once", date: "2024-02-01"))
        #expect(await site.feedsEventually(contain: ["Saved Once"], seconds: 60))
        #expect(rebuilds(daemon) == 1, "\(daemon.log)")
        _ = await daemon.stop()
    }
}
