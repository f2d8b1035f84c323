import CrierTestHelpers
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The feeds served by `crier watch --serve` and `crier serve`, fetched over real sockets: headers, conditional
/// requests, traversal attempts, hostile clients, many clients, and a real feed reader.
@Suite(.serialized) struct ServeHTTPTests {
    /// A site with three articles, watched and served on a free port.
    private func servedSite() async throws -> (WatchSite, WatchProcess, Int) {
        let site = try WatchSite()
        try site.write("one.md", WatchSite.article("Served One", date: "2024-01-01"))
        try site.write("two.md", WatchSite.article("Served Two", date: "2024-01-02"))
        try site.write("three.txt", "Served Three\n\nPlain text.\n")
        let daemon = try await site.startWatch(poll: false, extra: ["--serve", "127.0.0.1:0"])
        guard let port = await daemon.servingPort() else { throw WatchTestFailure("no port in the log: \(daemon.log)") }
        return (site, daemon, port)
    }

    @Test func feedsAreServedWithTheirHeadersAndConditionalRequestsWork() async throws {
        let (site, daemon, port) = try await servedSite()
        let expectedTypes = ["rss.xml": "application/rss+xml", "atom.xml": "application/atom+xml", "feed.json": "application/feed+json"]
        for name in WatchSite.feedNames {
            let reply = try await rawHTTP(port: port, target: "/" + name)
            #expect(reply.status == 200, "\(name)")
            #expect(reply.header("Content-Type")?.hasPrefix(expectedTypes[name] ?? "?") == true, "\(name): \(reply.headers)")
            #expect(reply.header("Cache-Control") == "max-age=60")
            #expect(reply.header("Last-Modified")?.hasSuffix(" GMT") == true)
            #expect(reply.body == (try Data(contentsOf: site.output.appendingPathComponent(name))), "\(name): body is the file")
            let tag = try #require(reply.header("ETag"))
            #expect(tag.hasPrefix("\"") && tag.hasSuffix("\""), "a strong, quoted ETag: \(tag)")

            let repeated = try await rawHTTP(port: port, target: "/" + name, headers: [("If-None-Match", tag)])
            #expect(repeated.status == 304 && repeated.body.isEmpty, "\(name): repeat with If-None-Match")
            #expect(repeated.header("ETag") == tag)

            let head = try await rawHTTP(port: port, method: "HEAD", target: "/" + name)
            #expect(head.status == 200 && head.body.isEmpty, "\(name): HEAD")
            #expect(head.header("ETag") == tag && head.header("Content-Type") == reply.header("Content-Type"))
        }
        #expect(try await rawHTTP(port: port, target: "/missing.xml").status == 404)
        #expect(try await rawHTTP(port: port, target: "/").text.contains("atom.xml"), "the index page links the feeds")

        // An edit changes the ETag: the old one now gets the new document.
        let before = try await rawHTTP(port: port, target: "/atom.xml")
        try site.write("one.md", WatchSite.article("Served One Edited", date: "2024-01-01"))
        #expect(await site.feedsEventually(contain: ["Served One Edited"]))
        let after = try await rawHTTP(port: port, target: "/atom.xml", headers: [("If-None-Match", before.header("ETag") ?? "")])
        #expect(after.status == 200 && after.text.contains("Served One Edited"))
        #expect(after.header("ETag") != before.header("ETag"))
        #expect(await daemon.stop() == 0)
    }

    @Test func traversalAttemptsAndSymbolicLinksAreRefused() async throws {
        let (site, daemon, port) = try await servedSite()
        // A secret outside the output folder that looks like a feed, and a link to it inside the output folder.
        let secret = site.root.appendingPathComponent("secret.xml")
        try Data("<rss version=\"2.0\"><channel><title>TOP SECRET</title></channel></rss>".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(at: site.output.appendingPathComponent("linked.xml"), withDestinationURL: secret)
        try FileManager.default.createSymbolicLink(at: site.output.appendingPathComponent("up"), withDestinationURL: site.root)
        // The server re-reads the listing on a miss at most once a second: let it see the links.
        try await Task.sleep(for: .milliseconds(1100))
        let attempts = [
            "/linked.xml", "/up/secret.xml", "/../secret.xml", "/../src/crier.yml", "/%2e%2e/secret.xml",
            "/%2E%2E/src/crier.yml", "/..%2fsecret.xml", "/%2e%2e%2fsecret.xml", "/..\\secret.xml", "/%5c..%5csecret.xml",
            "//etc/passwd", "/etc/passwd", site.root.path + "/secret.xml", "/./atom.xml", "/.crier.lock",
            "/atom.xml%00.txt", "/%252e%252e/secret.xml", "http://127.0.0.1/../secret.xml",
        ]
        for target in attempts {
            let reply = try await rawHTTP(port: port, target: target)
            #expect([400, 404].contains(reply.status), "\(target) got \(reply.status)")
            #expect(!reply.text.contains("TOP SECRET") && !reply.text.contains("base_url"), "\(target) leaked")
        }
        #expect(try await rawHTTP(port: port, target: "/atom.xml").status == 200, "still serving")
        #expect(await daemon.stop() == 0)
    }

    @Test func hostileClientsDoNotStopTheServer() async throws {
        let (site, daemon, port) = try await servedSite()
        defer { withExtendedLifetime(site) {} }
        // Oversized header section and oversized URL: rejected (or the connection dropped), the server lives on.
        // 20 kB passes the HTTP parser's own limits but not the server's 16 kB one; 200 kB passes neither.
        for size in [20_000, 200_000] {
            let bigHeader = try await onOwnThread {
                try exchange(
                    port: port, bytes: Array("GET /atom.xml HTTP/1.1\r\nHost: x\r\nX-Big: \(String(repeating: "a", count: size))\r\n\r\n".utf8))
            }
            #expect(!String(decoding: bigHeader, as: UTF8.self).hasPrefix("HTTP/1.1 200"), "a \(size)-byte header is not served")
        }
        let bigURL = try await onOwnThread {
            try exchange(port: port, bytes: Array("GET /\(String(repeating: "a", count: 200_000)) HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
        }
        #expect(!String(decoding: bigURL, as: UTF8.self).hasPrefix("HTTP/1.1 200"), "an oversized URL is not served")
        let afterOversized = try await rawHTTP(port: port, target: "/atom.xml")
        #expect(
            afterOversized.status == 200,
            "still serving after oversized requests: \(afterOversized.status) \(afterOversized.text.prefix(300)) \(daemon.log)")

        // A client that sends half a request and waits: others are served meanwhile.
        let slow = try openConnection(port: port)
        defer { close(slow) }
        let partial = Array("GET /atom.xml HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8)
        #expect(send(slow, partial, partial.count, Int32(MSG_NOSIGNAL)) == partial.count)
        #expect(try await rawHTTP(port: port, target: "/rss.xml").status == 200, "served while a slow client waits")

        // 50 connections at once, all answered.
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<50 {
                group.addTask { try await rawHTTP(port: port, target: "/" + WatchSite.feedNames[index % 3], timeoutSeconds: 20).status }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(statuses.count == 50 && statuses.allSatisfy { $0 == 200 }, "\(statuses)")
        #expect(await daemon.stop() == 0)
    }

    @Test func newsboatSubscribesToTheLiveServer() async throws {
        let (site, daemon, port) = try await servedSite()
        defer { withExtendedLifetime(site) {} }
        for name in ["atom.xml", "rss.xml"] {
            let unread = try await onOwnThread { try newsboatUnread(url: "http://127.0.0.1:\(port)/\(name)") }
            #expect(unread == 3, "newsboat read \(String(describing: unread)) articles from \(name)")
        }
        #expect(await daemon.stop() == 0)
    }

    @Test func crierServeServesABuiltFolderAndStopsOnSIGTERM() async throws {
        let site = try WatchSite()
        try site.write("one.md", WatchSite.article("Plainly Served", date: "2024-01-01"))
        let build = try await onOwnThread { [site] in
            try CrierBinary.run(["build", site.source.path, "--output", site.output.path, "--state", site.state.path])
        }
        #expect(build.status == 0, "\(build.standardError)")
        let server = try WatchProcess(
            ["serve", site.source.path, "--output", site.output.path, "--state", site.state.path, "--address", "127.0.0.1:0"],
            logFile: site.root.appendingPathComponent("serve.log"))
        let port = try #require(await server.servingPort(), "\(server.log)")
        let reply = try await rawHTTP(port: port, target: "/feed.json")
        #expect(reply.status == 200 && reply.text.contains("Plainly Served"))
        #expect(reply.header("Content-Type")?.hasPrefix("application/feed+json") == true)
        #expect(await server.stop() == 0, "\(server.log)")
    }
}

/// A connected socket to 127.0.0.1, for clients that misbehave.
func openConnection(port: Int) throws -> Int32 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw RawHTTPError.connect(errno) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else {
        close(fd)
        throw RawHTTPError.connect(errno)
    }
    return fd
}

/// Subscribes newsboat to a URL in a throwaway home and returns how many unread articles it reports.
func newsboatUnread(url: String) throws -> Int? {
    let home = try TemporaryFolder()
    try home.write(url + "\n", to: "urls")
    try home.write("", to: "config")
    var environment = ProcessInfo.processInfo.environment
    for key in ["http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] { environment[key] = nil }
    environment["HOME"] = home.url.path
    environment["XDG_CONFIG_HOME"] = home.url.path
    environment["XDG_DATA_HOME"] = home.url.path
    let path = home.url.path
    let run = try ProcessRunner.run(
        URL(fileURLWithPath: "/usr/bin/newsboat"),
        ["-u", path + "/urls", "-c", path + "/cache.db", "-C", path + "/config", "-x", "reload", "print-unread"],
        environment: environment)
    guard run.status == 0 else { throw WatchTestFailure("newsboat failed (\(run.status)): \(run.standardError)") }
    let line = run.standardOutput.split(separator: "\n").last { $0.hasSuffix("unread articles") || $0.hasSuffix("unread article") }
    return line?.split(separator: " ").first.flatMap { Int($0) }
}

/// Section and tag feeds through the real binary: `--print-links`, then `crier watch --serve` serving them with
/// conditional requests, WebSub headers and the index page, and following an article into a new section.
@Suite(.serialized) struct DerivedFeedsHTTPTests {
    @Test func sectionAndTagFeedsArePrintedServedAndFollowed() async throws {
        let site = try WatchSite()
        try site.write(
            "crier.yml",
            "title: Served Site\nbase_url: https://served.example/\nauthor: Ann Author\nhubs: [\"http://127.0.0.1:9/hub\"]\n"
                + "taxonomies:\n  tags: true\n")
        try site.write("sport/one.md", "---\ntitle: Match One\ndate: 2024-01-01\ntags: [C++, Rust]\n---\n\nBody.\n")
        try site.write("sport/two.md", "---\ntitle: Match Two\ndate: 2024-01-02\ntags: [C++]\n---\n\nBody.\n")
        try site.write("top.md", "---\ntitle: Top\ndate: 2024-01-03\n---\n\nBody.\n")

        let state = site.root.appendingPathComponent("links-state.sqlite")
        let printed = try CrierBinary.run([
            "build", site.source.path, "--output", site.output.path, "--state", state.path, "--print-links",
        ])
        #expect(printed.status == 0, "\(printed.standardError)")
        let lines = printed.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "<!-- Site -->")
        #expect(
            lines.contains(
                #"<link rel="alternate" type="application/atom+xml" title="Served Site: sport" href="https://served.example/sport/atom.xml">"#))
        #expect(
            lines.contains(
                #"<link rel="alternate" type="application/rss+xml" title="Served Site: C++" href="https://served.example/tags/c-plus-plus/rss.xml">"#)
        )
        #expect(!lines.contains { $0.contains("tags/rust") }, "one article is under the minimum of 2")
        #expect(printed.standardError.contains("entries"), "the summary goes to standard error")

        let daemon = try await site.startWatch(poll: false, extra: ["--serve", "127.0.0.1:0"])
        guard let port = await daemon.servingPort() else { throw WatchTestFailure("no port in the log: \(daemon.log)") }
        for target in ["/sport/atom.xml", "/tags/c-plus-plus/feed.json"] {
            let reply = try await rawHTTP(port: port, target: target)
            #expect(reply.status == 200, "\(target)")
            let tag = try #require(reply.header("ETag"))
            #expect(try await rawHTTP(port: port, target: target, headers: [("If-None-Match", tag)]).status == 304, "\(target)")
            #expect(reply.headers("Link").contains("<http://127.0.0.1:9/hub>; rel=\"hub\""), "\(target): \(reply.headers)")
        }
        let index = try await rawHTTP(port: port, target: "/").text
        #expect(index.contains("<h2>Sections</h2>") && index.contains("Served Site: sport") && index.contains("Served Site: C++"))
        #expect(try await rawHTTP(port: port, target: "/feeds.opml").header("Content-Type")?.hasPrefix("text/x-opml") == true)

        // A new section appears while watching: its feeds are written and served.
        try site.write("news/three.md", "---\ntitle: News Three\ndate: 2024-01-04\n---\n\nBody.\n")
        var served = false
        for _ in 0..<100 where !served {
            served = try await rawHTTP(port: port, target: "/news/atom.xml").text.contains("News Three")
            if !served { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(served, "the new section's feed is served: \(daemon.log)")
        #expect(await daemon.stop() == 0)
    }
}
