import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A running `crier watch` (or `crier serve`) started from the real binary, its standard error kept in a file
/// so the test can read the log while the daemon runs without a pipe filling up.
///
/// Waiting is done with `Task.sleep`, never by blocking a thread: the tests share Swift's small cooperative
/// pool with the in-process servers of other test targets.
final class WatchProcess: @unchecked Sendable {
    let process: Process
    let logFile: URL

    /// Starts `crier` with these arguments; standard error and output go to `logFile`.
    init(_ arguments: [String], logFile: URL) throws {
        self.logFile = logFile
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let handle = try FileHandle(forWritingTo: logFile)
        process = Process()
        process.executableURL = CrierBinary.url
        process.arguments = arguments
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try handle.close()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    var pid: Int32 { process.processIdentifier }

    /// Everything logged so far.
    var log: String { (try? String(contentsOf: logFile, encoding: .utf8)) ?? "" }

    /// Waits until the log contains `text` at least `count` times; false at the deadline or if the process ended.
    func waitForLog(_ text: String, count: Int = 1, seconds: Double = 15) async -> Bool {
        await eventually(seconds: seconds) { [self] in occurrences(of: text) >= count || !process.isRunning }
            && occurrences(of: text) >= count
    }

    func occurrences(of text: String) -> Int {
        log.components(separatedBy: text).count - 1
    }

    /// Waits until the full build at start is published.
    func waitUntilStarted() async -> Bool {
        await waitForLog("start: ")
    }

    /// The port the server listens on, from its "Serving feeds at" line.
    func servingPort() async -> Int? {
        guard await waitForLog("Serving feeds at http://") else { return nil }
        let line = log.components(separatedBy: "\n").first { $0.contains("Serving feeds at http://") } ?? ""
        guard let range = line.range(of: "Serving feeds at http://") else { return nil }
        let address = line[range.upperBound...].prefix { $0 != "/" }
        return address.split(separator: ":").last.flatMap { Int($0) }
    }

    /// Sends a signal.
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits for the process to end; its exit status, or `nil` if it still runs at the deadline.
    func waitForExit(seconds: Double = 15) async -> Int32? {
        guard await eventually(seconds: seconds, { [self] in !process.isRunning }) else { return nil }
        return process.terminationStatus
    }

    /// SIGTERM, then the exit status (SIGKILL and `nil` if it does not stop in time).
    func stop() async -> Int32? {
        send(SIGTERM)
        let status = await waitForExit()
        if status == nil { send(SIGKILL) }
        return status
    }

    /// Resident memory in kilobytes, from /proc/PID/status.
    var residentKilobytes: Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return nil }
        return line.split(separator: " ").compactMap { Int($0) }.first
    }

    /// CPU time used so far (user + system), in seconds, from /proc/PID/stat.
    var cpuSeconds: Double? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name: state is field 3, utime 14, stime 15 (proc(5)).
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

/// Polls `condition` every 50 ms until it holds or `seconds` pass.
func eventually(seconds: Double = 10, _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return condition()
}
