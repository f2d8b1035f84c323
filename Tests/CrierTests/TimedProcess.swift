import Foundation

/// Runs a process with a time limit: a run that hangs is killed (SIGKILL) and reported, so a test fails
/// instead of blocking the suite.
enum TimedProcess {
    /// How one run ended.
    struct Outcome {
        var status: Int32
        /// True when the process ended by a signal (a crash, or the kill after the time limit).
        var signalled: Bool
        var timedOut: Bool
        var standardOutput: String
        var standardError: String
        var seconds: Double
    }

    static func run(_ executable: URL, _ arguments: [String], timeout: Double) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        // Output goes to files, not pipes: a chatty process cannot block on a full pipe while we wait.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crier-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out")
        let errURL = folder.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        let start = Date()
        try process.run()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(start) > timeout {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Outcome(
            status: process.terminationStatus,
            signalled: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut,
            standardOutput: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            standardError: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            seconds: Date().timeIntervalSince(start)
        )
    }

    /// Runs the real `crier` with a time limit.
    static func crier(_ arguments: [String], timeout: Double = 60) throws -> Outcome {
        try run(CrierBinary.url, arguments, timeout: timeout)
    }
}
