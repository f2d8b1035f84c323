import CrierTestHelpers
import Daemon
import FeedModel
import Foundation
import Logging
import Testing

let atomDocument = #"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>"#
let rssDocument = #"<?xml version="1.0" encoding="utf-8"?><!-- made by Crier --><rss version="2.0"><channel/></rss>"#
let jsonDocument = #"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[]}"#

let testFeeds = [
    FeedOutput(format: .atom, fileName: "atom.xml", url: "https://example.org/atom.xml"),
    FeedOutput(format: .rss, fileName: "rss.xml", url: "https://example.org/rss.xml"),
    FeedOutput(format: .json, fileName: "feed.json", url: "https://example.org/feed.json"),
]

/// An output folder with feeds, archives and the kinds of files that must never be served, plus a running
/// server on an ephemeral port of 127.0.0.1.
func withFeedServer(
    hubs: [String] = [],
    idleTimeoutSeconds: Int64 = 30,
    _ body: (_ port: Int, _ output: TemporaryFolder, _ server: FeedServer) async throws -> Void
) async throws {
    let parent = try TemporaryFolder()
    defer { parent.remove() }
    try parent.write("secret.xml", rssDocument)
    try parent.write("public/atom.xml", atomDocument)
    try parent.write("public/rss.xml", rssDocument)
    try parent.write("public/feed.json", jsonDocument)
    try parent.write("public/archive/rss-1.xml", rssDocument)
    try parent.write("public/archive/atom-1.xml", atomDocument)
    try parent.write("public/.atom.xml.tmp", atomDocument)
    try parent.write("public/crier.lock", "")
    try parent.write("public/notes.txt", "not a feed")
    try FileManager.default.createSymbolicLink(
        atPath: parent.path("public/link.xml").path, withDestinationPath: parent.path("secret.xml").path)
    let output = TemporaryFolder(existing: parent.path("public"))
    let server = FeedServer(
        outputDirectory: output.url,
        configuration: FeedServerConfiguration(
            port: 0, siteTitle: "Example & Co", feeds: testFeeds, hubs: hubs, idleTimeoutSeconds: idleTimeoutSeconds),
        logger: quietLogger
    )
    let running = Task { try await server.run() }
    defer { running.cancel() }
    let port = try #require(await server.listeningPort())
    try await body(port, output, server)
}

/// A logger for servers stopped by cancellation, which Hummingbird reports at error level.
let quietLogger: Logger = {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return logger
}()

extension TemporaryFolder {
    init(existing url: URL) { self.url = url }
}

@Suite("Feed server")
struct FeedServerTests {
    @Test("Each feed is served with its content type, ETag, Last-Modified and Cache-Control")
    func feedsAndHeaders() async throws {
        try await withFeedServer { port, _, _ in
            let expectations = [
                ("/atom.xml", "application/atom+xml; charset=utf-8", atomDocument),
                ("/rss.xml", "application/rss+xml; charset=utf-8", rssDocument),
                ("/feed.json", "application/feed+json; charset=utf-8", jsonDocument),
                ("/archive/rss-1.xml", "application/rss+xml; charset=utf-8", rssDocument),
                ("/archive/atom-1.xml", "application/atom+xml; charset=utf-8", atomDocument),
            ]
            for (target, type, content) in expectations {
                let reply = try await rawHTTP(port: port, target: target)
                #expect(reply.status == 200, "\(target)")
                #expect(reply.header("Content-Type") == type, "\(target)")
                #expect(reply.text == content, "\(target)")
                let tag = try #require(reply.header("ETag"), "\(target)")
                #expect(tag.hasPrefix("\"") && tag.hasSuffix("\"") && !tag.hasPrefix("W/"))
                #expect(reply.header("Cache-Control") == "max-age=60")
                #expect(reply.header("Last-Modified")?.hasSuffix(" GMT") == true)
                #expect(reply.header("Link") == nil)
            }
        }
    }

    @Test("HEAD gives the headers of GET and no body")
    func head() async throws {
        try await withFeedServer { port, _, _ in
            let get = try await rawHTTP(port: port, target: "/atom.xml")
            let head = try await rawHTTP(port: port, method: "HEAD", target: "/atom.xml")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Length") == String(atomDocument.utf8.count))
            #expect(head.header("ETag") == get.header("ETag"))
            #expect(head.header("Content-Type") == get.header("Content-Type"))
        }
    }

    @Test("The ETag changes with the content, and only then")
    func entityTags() async throws {
        try await withFeedServer { port, output, server in
            let first = try await rawHTTP(port: port, target: "/atom.xml").header("ETag")
            let again = try await rawHTTP(port: port, target: "/atom.xml").header("ETag")
            #expect(first == again)
            try output.write("atom.xml", atomDocument.replacingOccurrences(of: ">T<", with: ">U<"), atomically: true)
            server.refresh()
            let changed = try await rawHTTP(port: port, target: "/atom.xml")
            #expect(changed.header("ETag") != first)
            #expect(changed.text.contains(">U<"))
        }
    }

    @Test("If-None-Match and If-Modified-Since give 304")
    func conditionalRequests() async throws {
        try await withFeedServer { port, _, _ in
            let full = try await rawHTTP(port: port, target: "/rss.xml")
            let tag = try #require(full.header("ETag"))
            let modified = try #require(full.header("Last-Modified"))

            let byTag = try await rawHTTP(port: port, target: "/rss.xml", headers: [("If-None-Match", tag)])
            #expect(byTag.status == 304)
            #expect(byTag.body.isEmpty)
            #expect(byTag.header("ETag") == tag)
            let inList = try await rawHTTP(port: port, target: "/rss.xml", headers: [("If-None-Match", "\"other\", W/\(tag)")])
            #expect(inList.status == 304)
            let otherTag = try await rawHTTP(port: port, target: "/rss.xml", headers: [("If-None-Match", "\"other\"")])
            #expect(otherTag.status == 200)

            let byDate = try await rawHTTP(port: port, target: "/rss.xml", headers: [("If-Modified-Since", modified)])
            #expect(byDate.status == 304)
            let older = try await rawHTTP(port: port, target: "/rss.xml", headers: [("If-Modified-Since", "Sat, 01 Jan 2000 00:00:00 GMT")])
            #expect(older.status == 200)
            let garbage = try await rawHTTP(port: port, target: "/rss.xml", headers: [("If-Modified-Since", "yesterday")])
            #expect(garbage.status == 200)
            // RFC 9110 §13.1.3: If-None-Match decides when both are present.
            let both = try await rawHTTP(port: port, target: "/rss.xml", headers: [("If-None-Match", "\"other\""), ("If-Modified-Since", modified)])
            #expect(both.status == 200)
        }
    }

    @Test("Hubs are announced with Link headers on feeds")
    func webSubLinks() async throws {
        try await withFeedServer(hubs: ["https://hub.example.net/", "https://second.example.net/hub"]) { port, _, _ in
            let reply = try await rawHTTP(port: port, target: "/feed.json")
            let links = reply.headers("Link").flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            #expect(
                Set(links) == [
                    "<https://hub.example.net/>; rel=\"hub\"",
                    "<https://second.example.net/hub>; rel=\"hub\"",
                    "<https://example.org/feed.json>; rel=\"self\"",
                ])
        }
    }

    @Test("The index page lists the feeds with autodiscovery links")
    func indexPage() async throws {
        try await withFeedServer { port, _, _ in
            let reply = try await rawHTTP(port: port, target: "/")
            #expect(reply.status == 200)
            #expect(reply.header("Content-Type") == "text/html; charset=utf-8")
            #expect(reply.text.contains("<title>Example &amp; Co</title>"))
            #expect(reply.text.contains(#"<link rel="alternate" type="application/atom+xml" title="Example &amp; Co (Atom 1.0)" href="atom.xml">"#))
            #expect(reply.text.contains(#"<link rel="alternate" type="application/rss+xml""#))
            #expect(reply.text.contains(#"<link rel="alternate" type="application/feed+json""#))
        }
    }

    @Test(
        "Nothing outside the published files is served",
        arguments: [
            "/../secret.xml", "/%2e%2e/secret.xml", "/%2E%2E/secret.xml", "/archive/../../secret.xml",
            "/archive%2frss-1.xml", "/archive%2Frss-1.xml", "/..%2fsecret.xml", "/..%5csecret.xml", "/..\\secret.xml",
            "//etc/passwd", "/etc/passwd", "http://127.0.0.1/../secret.xml", "/link.xml", "/.atom.xml.tmp",
            "/crier.lock", "/notes.txt", "/archive", "/archive/", "/atom.xml%00", "/%252e%252e/secret.xml",
            "/./atom.xml", "/atom.xml/", "/ATOM.XML", "/missing.xml",
        ]
    )
    func traversalAndHiddenFiles(target: String) async throws {
        try await withFeedServer { port, _, _ in
            let reply = try await rawHTTP(port: port, target: target)
            #expect(reply.status == 404 || reply.status == 400, "\(target) gave \(reply.status)")
            #expect(!reply.text.contains("<rss"), "\(target) leaked a document")
        }
    }

    @Test("New files are served after a refresh, or a second after the last listing; removed files give 404")
    func refreshedAllowList() async throws {
        try await withFeedServer { port, output, server in
            server.refresh()
            try output.write("archive/rss-2.xml", rssDocument)
            #expect(try await rawHTTP(port: port, target: "/archive/rss-2.xml").status == 404)
            server.refresh()
            #expect(try await rawHTTP(port: port, target: "/archive/rss-2.xml").status == 200)
            try output.write("archive/rss-3.xml", rssDocument)
            try await Task.sleep(for: .milliseconds(1100))
            #expect(try await rawHTTP(port: port, target: "/archive/rss-3.xml").status == 200)
            try FileManager.default.removeItem(at: output.path("archive/rss-2.xml"))
            #expect(try await rawHTTP(port: port, target: "/archive/rss-2.xml").status == 404)
        }
    }

    @Test("Other methods get 405 with Allow")
    func methods() async throws {
        try await withFeedServer { port, _, _ in
            let reply = try await rawHTTP(port: port, method: "POST", target: "/atom.xml", headers: [("Content-Length", "0")])
            #expect(reply.status == 405)
            #expect(reply.header("Allow") == "GET, HEAD")
        }
    }

    @Test("Oversized request headers are refused")
    func headerLimit() async throws {
        try await withFeedServer { port, _, _ in
            let reply = try? await rawHTTP(port: port, target: "/atom.xml", headers: [("X-Padding", String(repeating: "a", count: 64 * 1024))])
            // The server either answers with an error status or drops the connection; it never serves the feed.
            #expect(reply == nil || reply!.status >= 400)
        }
    }

    @Test("An idle connection is closed after the idle timeout")
    func idleTimeout() async throws {
        try await withFeedServer(idleTimeoutSeconds: 1) { port, _, _ in
            let start = ContinuousClock.now
            let received = try await onOwnThread { try exchange(port: port, bytes: [], timeoutSeconds: 10) }
            #expect(received.isEmpty)
            #expect(ContinuousClock.now - start < .seconds(8), "closed by the server (1 s idle timeout), not by the client giving up after 10 s")
        }
    }
}
