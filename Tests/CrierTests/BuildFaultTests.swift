import Foundation
import Testing

/// `crier build` when the output folder cannot be written: read-only, full, or locked by another crier.
/// Whatever happens, the feeds already published stay as they were and the next good run catches up.
@Suite(.serialized) struct BuildFaultTests {
    /// A small site: `count` articles of about `size` bytes each.
    private func makeSite(in folder: TemporaryFolder, count: Int, size: Int = 200) throws -> URL {
        let source = folder.url.appendingPathComponent("site")
        try folder.write("title: Faults\nbase_url: https://faults.example.com/\nlimit: 0\n", to: "site/crier.yml")
        for index in 0..<count { try addArticle(index, size: size, in: folder) }
        return source
    }

    private func addArticle(_ index: Int, size: Int, in folder: TemporaryFolder) throws {
        let body = String(repeating: "Words of article \(index). ", count: max(1, size / 24))
        try folder.write(
            "---\ntitle: Article \(index)\ndate: 2024-01-\(String(format: "%02d", index % 28 + 1))T10:\(String(format: "%02d", index % 60)):00Z\n---\n\n\(body)\n",
            to: "site/article-\(index).md")
    }

    private func build(_ source: URL, _ output: URL, state: URL) throws -> TimedProcess.Outcome {
        try TimedProcess.crier(["build", source.path, "--output", output.path, "--state", state.path], timeout: 60)
    }

    /// The published feeds (not hidden files), name to bytes.
    private func snapshot(_ output: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? [] where !name.hasPrefix(".") {
            files[name] = try? Data(contentsOf: output.appendingPathComponent(name))
        }
        return files
    }

    private func temporaryFiles(in output: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []).filter { $0.contains(".tmp-") }
    }

    /// Runs a shell command; true when it exited 0.
    @discardableResult
    private func shell(_ command: String) -> Bool {
        (try? ProcessRunner.run(URL(fileURLWithPath: "/bin/sh"), ["-c", command]).status) == 0
    }

    @Test func outputUnderARegularFileIsAClearErrorWithStatus3() throws {
        let folder = try TemporaryFolder()
        let source = try makeSite(in: folder, count: 2)
        try folder.write("not a folder", to: "blocker")
        let output = folder.url.appendingPathComponent("blocker/public")
        let run = try build(source, output, state: folder.url.appendingPathComponent("state.sqlite"))
        #expect(run.status == 3, "exit \(run.status): \(run.standardError)")
        #expect(run.standardError.contains(output.path), "the error does not name \(output.path): \(run.standardError)")
    }

    @Test func readOnlyOutputFailsWithStatus3AndTheNextRunCatchesUp() throws {
        let folder = try TemporaryFolder()
        let source = try makeSite(in: folder, count: 3)
        let output = folder.url.appendingPathComponent("public")
        let state = folder.url.appendingPathComponent("state.sqlite")
        #expect(try build(source, output, state: state).status == 0)
        let before = snapshot(output)
        // chmod does not stop root, so make the folder read-only with a bind mount; skip where mounting is refused.
        guard shell("mount --bind -o ro '\(output.path)' '\(output.path)' && ! touch '\(output.path)/.probe' 2>/dev/null") else {
            shell("umount '\(output.path)' 2>/dev/null")
            print("skipped: a read-only bind mount is not permitted here (needs root and CAP_SYS_ADMIN)")
            return
        }
        defer { shell("umount '\(output.path)' 2>/dev/null") }
        try addArticle(99, size: 200, in: folder)
        let failed = try build(source, output, state: state)
        #expect(failed.status == 3, "exit \(failed.status): \(failed.standardError)")
        #expect(failed.standardError.contains(output.path), "the error does not name the folder: \(failed.standardError)")
        #expect(failed.standardError.lowercased().contains("read-only"), "the error does not say why: \(failed.standardError)")
        #expect(snapshot(output) == before, "the published feeds changed")

        #expect(shell("umount '\(output.path)'"))
        let caughtUp = try build(source, output, state: state)
        #expect(caughtUp.status == 0, "exit \(caughtUp.status): \(caughtUp.standardError)")
        let atom = String(decoding: snapshot(output)["atom.xml"] ?? Data(), as: UTF8.self)
        #expect(atom.contains("Article 99"), "the run after the fault did not publish the new article")
    }

    @Test func fullOutputFolderLeavesThePreviousFeedsAndNoTemporaryFiles() throws {
        let folder = try TemporaryFolder()
        let source = try makeSite(in: folder, count: 2)
        let output = folder.url.appendingPathComponent("public")
        let state = folder.url.appendingPathComponent("state.sqlite")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        guard shell("mount -t tmpfs -o size=64k tmpfs '\(output.path)'") else {
            print("skipped: mounting a tmpfs is not permitted here (needs root and CAP_SYS_ADMIN)")
            return
        }
        defer { shell("umount '\(output.path)' 2>/dev/null") }
        #expect(try build(source, output, state: state).status == 0)
        let before = snapshot(output)
        // The three feeds and feeds.opml.
        #expect(before.count == 4)

        // About 3 × 60 KB of feeds (plus their temp files) cannot fit in 64 KB.
        for index in 10..<40 { try addArticle(index, size: 2000, in: folder) }
        let failed = try build(source, output, state: state)
        #expect(failed.status == 3, "exit \(failed.status): \(failed.standardError)")
        #expect(failed.standardError.contains(output.path), "the error does not name the folder: \(failed.standardError)")
        #expect(failed.standardError.contains("No space left"), "the error does not say why: \(failed.standardError)")
        #expect(snapshot(output) == before, "the published feeds changed")
        #expect(temporaryFiles(in: output).isEmpty, "temp files left: \(temporaryFiles(in: output))")

        #expect(shell("mount -o remount,size=8m '\(output.path)'"))
        let caughtUp = try build(source, output, state: state)
        #expect(caughtUp.status == 0, "exit \(caughtUp.status): \(caughtUp.standardError)")
        let atom = String(decoding: snapshot(output)["atom.xml"] ?? Data(), as: UTF8.self)
        #expect(atom.contains("Article 39"), "the run after the fault did not publish the new articles")
        #expect(temporaryFiles(in: output).isEmpty)
    }

    @Test func aSecondBuildWhileTheLockIsHeldExitsWith3() throws {
        let folder = try TemporaryFolder()
        let source = try makeSite(in: folder, count: 2)
        let output = folder.url.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        // Another process holds the lock with flock(2), as a running `crier watch` would.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "python3", "-c",
            """
            import fcntl, sys
            lock = open(sys.argv[1], "a")
            fcntl.flock(lock, fcntl.LOCK_EX)
            print("held", flush=True)
            sys.stdin.read()
            """, output.appendingPathComponent(".crier.lock").path,
        ]
        let toHolder = Pipe()
        let fromHolder = Pipe()
        holder.standardInput = toHolder
        holder.standardOutput = fromHolder
        try holder.run()
        defer {
            try? toHolder.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        let line = fromHolder.fileHandleForReading.availableData
        #expect(String(decoding: line, as: UTF8.self).hasPrefix("held"))

        let run = try build(source, output, state: folder.url.appendingPathComponent("state.sqlite"))
        #expect(run.status == 3, "exit \(run.status): \(run.standardError)")
        #expect(run.standardError.contains("lock held"), "no lock message: \(run.standardError)")
        #expect(snapshot(output).isEmpty, "a feed was written while another process held the lock")
    }
}
