import Foundation
import Testing

/// `scripts/kill-loop.sh`, short: `crier build` killed with SIGKILL at random moments never leaves an invalid
/// feed or a damaged state store, the next complete build cleans up, and (with its build cache as the killed
/// build left it) publishes exactly what a cold build publishes. The long run is by hand.
@Suite struct KillLoopTests {
    @Test func tenKillsLeaveValidFeedsAndAnIntactStateStore() throws {
        let script = CrierBinary.packageRoot.appendingPathComponent("scripts/kill-loop.sh")
        var environment = ProcessInfo.processInfo.environment
        environment["CRIER"] = CrierBinary.url.path
        let run = try ProcessRunner.run(
            URL(fileURLWithPath: "/bin/bash"),
            [script.path, "--iterations", "10", "--articles", "150", "--seconds", "300", "--seed", "4151", "--compare-cold"],
            environment: environment)
        #expect(run.status == 0, "kill-loop.sh failed:\n\(run.standardOutput)\n\(run.standardError)")
        let summary = run.standardOutput.split(separator: "\n").last.map(String.init) ?? ""
        #expect(summary == "11 passed, 0 failed", "\(run.standardOutput)")
        #expect(run.standardOutput.contains("killed mid-build"))
    }
}
