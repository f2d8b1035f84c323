import Foundation

/// Runs a command through `/bin/sh -c` and waits for it, so tests can save files the way real tools do.
@discardableResult
func shell(_ command: String, in folder: URL) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = folder
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}
