import Foundation
import Testing

/// Untrusted XML through the real binary: `crier validate` and HTML articles in `crier build` never fetch an
/// external entity or DTD (file or network), and refuse entity bombs and deep nesting quickly in bounded memory.
@Suite(.serialized) struct UntrustedXMLTests {
    /// A TCP listener on 127.0.0.1 that records every connection in a file: the network must stay silent.
    final class Listener {
        let process = Process()
        let log: URL
        let port: Int

        init(folder: TemporaryFolder) throws {
            log = folder.url.appendingPathComponent("connections.log")
            let portFile = folder.url.appendingPathComponent("port")
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            // Files, not pipes, and an alarm: children of the test process may inherit a blocked SIGTERM.
            process.arguments = [
                "python3", "-c",
                """
                import signal, socket, sys
                signal.alarm(120)
                s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(8)
                open(sys.argv[2], "w").write(str(s.getsockname()[1]))
                while True:
                    connection, _ = s.accept()
                    open(sys.argv[1], "a").write("CONNECTED\\n")
                    connection.close()
                """, log.path, portFile.path,
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            var port = 0
            for _ in 0..<200 where port == 0 {
                Thread.sleep(forTimeInterval: 0.05)
                port = (try? String(contentsOf: portFile, encoding: .utf8)).flatMap { Int($0) } ?? 0
            }
            self.port = port
        }

        /// Stops listening; true when something connected.
        func stop() -> Bool {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return FileManager.default.fileExists(atPath: log.path)
        }
    }

    /// Runs `crier validate` under GNU time; returns the run and the peak memory in KB.
    private func validate(_ text: String) throws -> (TimedProcess.Outcome, maxKB: Int) {
        let folder = try TemporaryFolder()
        try folder.write(text, to: "doc.xml")
        let run = try TimedProcess.run(
            URL(fileURLWithPath: "/usr/bin/time"),
            ["-f", "maxrss=%M", CrierBinary.url.path, "validate", folder.url.appendingPathComponent("doc.xml").path],
            timeout: 30)
        let kilobytes =
            run.standardError.components(separatedBy: "maxrss=").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? -1
        return (run, kilobytes)
    }

    static let billionLaughs: String = {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [\n<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            text += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        return text + "]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&lol9;</title></feed>\n"
    }()

    @Test func billionLaughsIsRefusedQuicklyInBoundedMemory() throws {
        let (run, kilobytes) = try validate(Self.billionLaughs)
        #expect(!run.timedOut && !run.signalled && run.status == 1, "exit \(run.status): \(run.standardOutput)")
        #expect(run.standardOutput.contains("error SAXError") && run.standardOutput.contains("entity"), "\(run.standardOutput)")
        #expect(run.seconds < 5, "took \(run.seconds) s")
        #expect(kilobytes > 0 && kilobytes < 200_000, "peak memory \(kilobytes) KB")
    }

    @Test func deepNestingIsRefusedQuicklyInBoundedMemory() throws {
        let deep =
            "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
            + String(repeating: "<x>", count: 200_000) + String(repeating: "</x>", count: 200_000) + "</feed>\n"
        let (run, kilobytes) = try validate(deep)
        #expect(!run.timedOut && !run.signalled && run.status == 1)
        #expect(run.standardOutput.contains("error SAXError") && run.standardOutput.contains("depth"), "\(run.standardOutput)")
        #expect(run.seconds < 5 && kilobytes < 200_000, "\(run.seconds) s, \(kilobytes) KB")

        let json =
            "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":" + String(repeating: "[", count: 500_000)
            + String(repeating: "]", count: 500_000) + "}"
        let (jsonRun, jsonKB) = try validate(json)
        #expect(!jsonRun.timedOut && !jsonRun.signalled && jsonRun.status == 1, "\(jsonRun.standardOutput)")
        #expect(jsonRun.seconds < 5 && jsonKB < 200_000, "\(jsonRun.seconds) s, \(jsonKB) KB")
    }

    @Test func externalEntitiesAndDTDsAreNeverFetched() throws {
        let listenerFolder = try TemporaryFolder()
        let listener = try Listener(folder: listenerFolder)
        #expect(listener.port > 0)
        let secret = try TemporaryFolder()
        try secret.write("CRIER-XXE-SECRET", to: "secret.txt")
        let (fileRun, _) = try validate(
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY s SYSTEM "file://\(secret.url.path)/secret.txt">
              <!ENTITY n SYSTEM "http://127.0.0.1:\(listener.port)/entity">]>
            <rss version="2.0"><channel><title>&s;&n;</title><link>https://x.example/</link><description>d</description></channel></rss>
            """)
        // As in the W3C service, an external entity is never loaded: it expands to nothing, so the title is blank.
        #expect(fileRun.standardOutput.contains("warning NotBlank 4:41"), "\(fileRun.standardOutput)")
        #expect(!fileRun.standardOutput.contains("CRIER-XXE-SECRET"))
        let (dtdRun, _) = try validate(
            """
            <?xml version="1.0"?>
            <!DOCTYPE rss SYSTEM "http://127.0.0.1:\(listener.port)/evil.dtd">
            <rss version="2.0"><channel><title>t</title><link>https://x.example/</link><description>d</description></channel></rss>
            """)
        #expect(!dtdRun.timedOut && dtdRun.seconds < 5)
        #expect(!dtdRun.standardOutput.contains("error"), "a DTD reference alone is not an error: \(dtdRun.standardOutput)")

        // The same through HTML ingest: an article naming a network DTD and external entities.
        let site = try TemporaryFolder()
        try site.write("title: T\nbase_url: https://t.example/\n", to: "crier.yml")
        try site.write(
            """
            <!DOCTYPE html SYSTEM "http://127.0.0.1:\(listener.port)/html.dtd">
            <html><head><title>Net</title><link rel="stylesheet" href="http://127.0.0.1:\(listener.port)/s.css">
            </head><body><article><p>Text &n; <img src="http://127.0.0.1:\(listener.port)/i.png"></p></article></body></html>
            """, to: "net.html")
        let build = try TimedProcess.crier(["build", site.url.path, "--output", site.url.appendingPathComponent("out").path], timeout: 30)
        #expect(build.status == 0 && !build.timedOut, "\(build.standardError)")
        #expect(!listener.stop(), "something connected to 127.0.0.1:\(listener.port)")
    }
}
