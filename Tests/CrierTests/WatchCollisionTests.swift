import Foundation
import Testing

/// `crier watch` settles a shared link the way `crier build` does: a new article that takes an older one's link
/// is logged once, naming both files and the link, and kept out of the feeds until either changes.
@Suite(.serialized) struct WatchCollisionTests {
    @Test func aNewArticleTakingAnOlderOnesLinkIsLoggedAndHeldBack() async throws {
        let site = try WatchSite()
        try site.write("news/older.md", "---\ntitle: Older Claim\ndate: 2024-01-01\nslug: launch\n---\n\nFirst.\n")
        let daemon = try await site.startWatch(poll: false)
        #expect(await site.feedsEventually(contain: ["Older Claim"]))

        try site.write("news/newer.md", "---\ntitle: Newer Claim\ndate: 2024-02-01\nslug: launch\n---\n\nSecond.\n")
        let logged = await eventually { daemon.log.contains("news/newer.md: has the same link as news/older.md") }
        #expect(logged, "\(daemon.log.suffix(2000))")
        #expect(daemon.log.contains("https://watch.example/news/launch/"))
        #expect(await site.feedsEventually(contain: ["Older Claim"], lack: ["Newer Claim"]))

        // Its own slug, and both are published.
        try site.write("news/newer.md", "---\ntitle: Newer Claim\ndate: 2024-02-01\nslug: second-launch\n---\n\nSecond.\n")
        #expect(await site.feedsEventually(contain: ["Older Claim", "Newer Claim"]))
        #expect(daemon.log.components(separatedBy: "has the same link as").count == 2, "logged once")
        #expect(await daemon.stop() == 0)
    }
}
