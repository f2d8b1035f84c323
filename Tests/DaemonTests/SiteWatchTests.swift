import CrierTestHelpers
import Daemon
import FeedModel
import Foundation
import Pipeline
import ServiceLifecycle
import Testing

/// The real pipeline under the watch service: articles saved in a folder end up in the served feeds.
@Suite("Watching a real site")
struct SiteWatchTests {
    let config = """
        title: Watched Site
        description: Feeds regenerated while you write
        base_url: https://watched.example/
        author:
          name: Ada Writer
        language: en
        formats: [rss, atom, json]

        """

    func article(_ title: String, date: String) -> String {
        "---\ntitle: \(title)\ndate: \(date)\n---\n\nSome text about \(title).\n"
    }

    @Test("Saving, editing and deleting articles updates the served feeds")
    func endToEnd() async throws {
        let source = try TemporaryFolder()
        defer { source.remove() }
        try source.write("crier.yml", config)
        try source.write("first.md", article("First light", date: "2024-03-01T09:00:00Z"))
        let outputURL = source.path("public")
        let site = try Site(source: source.url, output: outputURL, logger: quietLogger)
        let feeds = await site.currentFeeds()
        let atom = try #require(feeds.first { $0.format == .atom })

        let server = FeedServer(
            outputDirectory: outputURL,
            configuration: FeedServerConfiguration(port: 0, siteTitle: "Watched Site", feeds: feeds),
            logger: quietLogger)
        let watcher = FolderWatcher(root: source.url, ignoredFolders: FolderWatcher.foldersToIgnore(source: source.url, output: outputURL))
        let service = WatchService(
            site: site, watcher: watcher, debouncer: ChangeDebouncer(settle: .milliseconds(50), window: .seconds(5)), server: server,
            reloadRequests: AsyncStream { _ in }, logger: quietLogger)
        let group = ServiceGroup(configuration: .init(services: [server, service], logger: quietLogger))
        let running = Task { try await group.run() }
        let port = try #require(await server.listeningPort())

        func served() async throws -> HTTPReply { try await rawHTTP(port: port, target: "/" + atom.fileName) }

        #expect(await waitUntil { (try? await served().text.contains("First light")) == true })
        let firstTag = try await served().header("ETag")
        #expect(try await served().header("Content-Type") == "application/atom+xml; charset=utf-8")

        try source.write("second.md", article("Second wind", date: "2024-03-02T09:00:00Z"), atomically: true)
        #expect(await waitUntil { (try? await served().text.contains("Second wind")) == true })
        #expect(try await served().header("ETag") != firstTag)

        try FileManager.default.removeItem(at: source.path("first.md"))
        #expect(await waitUntil { (try? await served().text.contains("First light")) == false })
        #expect(try await served().text.contains("Second wind"))

        await group.triggerGracefulShutdown()
        try await running.value
    }
}
