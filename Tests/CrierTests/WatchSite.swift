import CrierTestHelpers
import Foundation

/// A temporary site for the daemon's end-to-end tests: `src/` (articles and crier.yml), `out/` (the daemon's
/// output), `state.sqlite` outside both (so a fresh `crier build` can share it), and `outside/` for moves in
/// and out.
final class WatchSite: @unchecked Sendable {
    let folder: TemporaryFolder
    var root: URL { folder.url }
    var source: URL { root.appendingPathComponent("src") }
    var output: URL { root.appendingPathComponent("out") }
    var outside: URL { root.appendingPathComponent("outside") }
    var state: URL { root.appendingPathComponent("state.sqlite") }
    static let feedNames = ["rss.xml", "atom.xml", "feed.json"]

    init(config: String = WatchSite.config(title: "Watched Site")) throws {
        folder = try TemporaryFolder()
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try folder.write(config, to: "src/crier.yml")
    }

    static func config(title: String, extra: String = "") -> String {
        "title: \(title)\nbase_url: https://watch.example/\nauthor: Watch Author\nlimit: 0\n" + extra
    }

    /// A Markdown article with a title (the marker the tests look for) and an optional date.
    static func article(_ title: String, date: String? = "2024-03-01", body: String = "Some text.") -> String {
        "---\ntitle: \(title)\n" + (date.map { "date: \($0)\n" } ?? "") + "---\n\n\(body)\n"
    }

    func url(_ relative: String) -> URL { source.appendingPathComponent(relative) }

    /// Writes a file the plain way (create or truncate, then write: `CREATE`/`CLOSE_WRITE`).
    func write(_ relative: String, _ text: String) throws {
        try folder.write(text, to: "src/" + relative)
    }

    /// The daemon's arguments for this site.
    func watchArguments(poll: Bool, extra: [String] = []) -> [String] {
        ["watch", source.path, "--output", output.path, "--state", state.path, "--debounce", "50"]
            + (poll ? ["--poll", "0.2"] : []) + extra
    }

    /// Starts `crier watch` on this site and waits for its first build.
    func startWatch(poll: Bool, extra: [String] = [], log: String = "watch.log") async throws -> WatchProcess {
        let daemon = try WatchProcess(watchArguments(poll: poll, extra: extra), logFile: root.appendingPathComponent(log))
        guard await daemon.waitUntilStarted() else {
            throw WatchTestFailure("crier watch did not finish its first build: \(daemon.log)")
        }
        return daemon
    }

    /// The text of a published feed, or "" when it is missing.
    func feed(_ name: String, in folder: URL? = nil) -> String {
        (try? String(contentsOf: (folder ?? output).appendingPathComponent(name), encoding: .utf8)) ?? ""
    }

    /// Waits until every feed contains each of `present` and none of `absent`.
    func feedsEventually(contain present: [String] = [], lack absent: [String] = [], seconds: Double = 10) async -> Bool {
        await eventually(seconds: seconds) {
            Self.feedNames.allSatisfy { name in
                let text = feed(name)
                return present.allSatisfy { text.contains($0) } && !absent.contains { text.contains($0) }
            }
        }
    }

    /// Builds the source afresh into `fresh/` with the same state store; the names of output files whose
    /// bytes differ from the daemon's (a file missing on one side counts), empty when they are identical.
    func differencesFromFreshBuild() async throws -> [String] {
        // On its own thread: waiting for a process must not hold one of the few cooperative-pool threads.
        try await onOwnThread { [self] in try blockingDifferencesFromFreshBuild() }
    }

    private func blockingDifferencesFromFreshBuild() throws -> [String] {
        let fresh = root.appendingPathComponent("fresh-\(UUID().uuidString)")
        let run = try CrierBinary.run(["build", source.path, "--output", fresh.path, "--state", state.path])
        guard run.status == 0 else { throw WatchTestFailure("fresh build failed: \(run.standardError)") }
        let mine = try Self.files(in: output)
        let theirs = try Self.files(in: fresh)
        var differences = Set(mine.symmetricDifference(theirs))
        for name in mine.intersection(theirs) {
            let a = try Data(contentsOf: output.appendingPathComponent(name))
            let b = try Data(contentsOf: fresh.appendingPathComponent(name))
            if a != b {
                differences.insert(name)
                let diff = try? ProcessRunner.run(
                    URL(fileURLWithPath: "/usr/bin/diff"), [output.appendingPathComponent(name).path, fresh.appendingPathComponent(name).path])
                print("\(name) differs from a fresh build:\n\(diff?.standardOutput.prefix(3000) ?? "")")
            }
        }
        return differences.sorted()
    }

    /// Every file under a folder except the lock, hidden leftovers included (a temp file left by a crash shows).
    static func files(in folder: URL) throws -> Set<String> {
        var found = Set<String>()
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let name = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
            if !isFolder.boolValue && name != ".crier.lock" { found.insert(name) }
        }
        return found
    }
}

/// A failure of the test's own set-up, with what happened.
struct WatchTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
