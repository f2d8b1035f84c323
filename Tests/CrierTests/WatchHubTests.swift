import CrierTestHelpers
import Foundation
import Testing

/// WebSub from `crier watch`: each regeneration that changes a feed pings the configured hubs, and a hub that
/// hangs never holds the feeds back.
@Suite(.serialized) struct WatchHubTests {
    private static let feedURLs = ["rss.xml", "atom.xml", "feed.json"].map { "https://watch.example/" + $0 }

    private func pings(_ hub: RecordingHub, for feedURL: String) -> Int {
        let body =
            "hub.mode=publish&hub.url="
            + feedURL.replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: "/", with: "%2F")
        return hub.requests.filter { $0.method == "POST" && $0.body == body }.count
    }

    @Test func eachRegenerationThatChangesTheFeedsPingsTheHub() async throws {
        let hub = try RecordingHub()
        defer { hub.stop() }
        let site = try WatchSite(config: WatchSite.config(title: "Hubbed", extra: "hubs:\n  - http://127.0.0.1:\(hub.port)/\n"))
        try site.write("one.md", WatchSite.article("Hub One", date: "2024-01-01"))
        let daemon = try await site.startWatch(poll: false)
        // The first build wrote every feed: one ping per feed.
        #expect(await eventually(seconds: 10) { Self.feedURLs.allSatisfy { pings(hub, for: $0) == 1 } }, "\(hub.requests.map(\.body))")
        #expect(hub.requests.allSatisfy { $0.headers["content-type"] == "application/x-www-form-urlencoded" })

        try site.write("two.md", WatchSite.article("Hub Two", date: "2024-01-02"))
        #expect(await site.feedsEventually(contain: ["Hub Two"]))
        #expect(await eventually(seconds: 10) { Self.feedURLs.allSatisfy { pings(hub, for: $0) == 2 } }, "\(hub.requests.map(\.body))")

        // A change that leaves the feeds' bytes alone (a file that is not an article) pings nobody.
        try site.write("notes.bin", "not an article")
        try await Task.sleep(for: .milliseconds(500))
        #expect(Self.feedURLs.allSatisfy { pings(hub, for: $0) == 2 })
        #expect(await daemon.stop() == 0)
    }

    @Test func aHubThatHangsDoesNotDelayTheFeeds() async throws {
        let hub = try RecordingHub(silent: true)
        defer { hub.stop() }
        let site = try WatchSite(
            config: WatchSite.config(title: "Hung", extra: "hubs:\n  - http://127.0.0.1:\(hub.port)/\n  - http://127.0.0.1:9/\n"))
        try site.write("one.md", WatchSite.article("Hung One", date: "2024-01-01"))
        let daemon = try await site.startWatch(poll: false)
        // The hub holds every ping for its 10-second timeout; each edit must show well before that.
        for index in 1...3 {
            try site.write("edit\(index).md", WatchSite.article("Hung Edit \(index)", date: "2024-01-0\(index + 1)"))
            #expect(await site.feedsEventually(contain: ["Hung Edit \(index)"], seconds: 8), "edit \(index): \(daemon.log)")
        }
        #expect(await daemon.stop() == 0)
    }
}
