import Foundation
import Testing

/// The `crier` command as a user runs it: messages, summaries and exit statuses.
@Suite struct CommandLineTests {
    private func site(_ files: [String: String]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try folder.write("title: CLI Site\nbase_url: https://cli.example/\nauthor: Cli Author\n", to: "src/crier.yml")
        for (path, text) in files { try folder.write(text, to: "src/" + path) }
        return folder
    }

    @Test func aBadArticleFailsWithOneLineAndTheRestIsPublished() throws {
        let folder = try site([
            "good.md": "---\ntitle: Good\ndate: 2024-01-01\n---\n\nFine.\n",
            "bad.md": "---\ntitle: Bad\ndate: 2024-13-45\n---\n\nBody.\n",
        ])
        let run = try CrierBinary.run([
            "build", folder.url.appendingPathComponent("src").path,
            "--output", folder.url.appendingPathComponent("out").path,
        ])
        #expect(run.status == 0, "\(run.standardError)")
        let lines = run.standardError.split(separator: "\n").filter { $0.contains("bad.md") }
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("failed ") == true, "says the file failed: \(lines)")
        #expect(lines.first?.contains("bad.md:3") == true, "names the line: \(lines)")
        #expect(lines.first?.contains("2024-13-45") == true)
        #expect(run.standardOutput.contains("1 entry, 1 failed, 3 written"))
    }

    @Test func strictFailsWithStatusOneAndWritesNothing() throws {
        let folder = try site(["good.md": "Good title\n\nBody.\n", "empty.txt": ""])
        let output = folder.url.appendingPathComponent("out")
        let run = try CrierBinary.run(["build", folder.url.appendingPathComponent("src").path, "--output", output.path, "--strict"])
        #expect(run.status == 1)
        #expect(run.standardError.contains("--strict"))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("rss.xml").path))
    }

    @Test func aWrongConfigurationKeyIsNamedWithStatusTwo() throws {
        let folder = try site([:])
        try folder.write("title: X\nbase_url: https://x.example/\nlimit: ten\n", to: "src/crier.yml")
        let run = try CrierBinary.run(["build", folder.url.appendingPathComponent("src").path])
        #expect(run.status == 2)
        #expect(run.standardError.contains("limit"), "\(run.standardError)")
    }

    @Test func initWritesAConfigurationThatBuilds() throws {
        let folder = try TemporaryFolder()
        let run = try CrierBinary.run(["init", folder.url.path])
        #expect(run.status == 0)
        try folder.write("\"A quoted title\"\n\nA subtitle\n\nThe body.\n", to: "first.txt")
        let build = try CrierBinary.run(["build", folder.url.path, "--output", folder.url.appendingPathComponent("public").path])
        #expect(build.status == 0, "\(build.standardError)")
        #expect(try CrierBinary.run(["init", folder.url.path]).status == 2, "does not overwrite without --force")
    }

    @Test func validateReadsStandardInputAndFailsOnErrors() throws {
        let broken = Data("<rss version=\"2.0\"><channel><title>t</title></channel></rss>".utf8)
        let run = try CrierBinary.run(["validate", "-"], input: broken)
        #expect(run.status == 1)
        #expect(run.standardOutput.contains("error MissingDescription"), "\(run.standardOutput)")
        let notXML = try CrierBinary.run(["validate", "-"], input: Data("<rss>".utf8))
        #expect(notXML.status == 1)
        #expect(notXML.standardOutput.contains("error SAXError"), "\(notXML.standardOutput)")
    }

    @Test func aSecondBuildIntoALockedFolderSaysSo() throws {
        let folder = try site(["a.md": "---\ntitle: A\ndate: 2024-01-01\n---\n\nx\n"])
        let output = folder.url.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "python3", "-c",
            "import fcntl,sys,time; f=open(sys.argv[1],'w'); fcntl.flock(f, fcntl.LOCK_EX); print('locked', flush=True); sys.stdin.read()",
            output.appendingPathComponent(".crier.lock").path,
        ]
        let pipe = Pipe()
        let release = Pipe()
        holder.standardOutput = pipe
        holder.standardInput = release
        try holder.run()
        // The holder keeps the lock until its standard input closes.
        defer {
            try? release.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        _ = pipe.fileHandleForReading.availableData  // wait until the lock is held
        let run = try CrierBinary.run(["build", folder.url.appendingPathComponent("src").path, "--output", output.path])
        #expect(run.status == 3)
        #expect(run.standardError.contains("lock"))
    }
}
