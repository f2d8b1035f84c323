import Foundation
import Testing

/// `crier build` on folders shaped like real sites (RealSites/make_sites.py): a news site whose five sections
/// repeat file names and give no dates, a project blog in Markdown with inline styles, entities, tables and
/// footnotes, and pages saved from a browser. Every document is valid, no two entries share an id, a link or an
/// `updated`, and undated articles are dated by their files.
@Suite(.serialized) struct RealSiteTests {
    struct Made: Decodable {
        var root: String
        var published: [String: Int]
    }

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("RealSites/make_sites.py")
    }

    /// Writes the sites into `folder` and says how many entries each must publish.
    static func makeSites(in folder: TemporaryFolder, _ names: [String] = []) throws -> Made {
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, folder.url.path] + names)
        guard run.status == 0 else { throw ReaderCheck.CheckFailure(message: "make_sites.py failed: \(run.standardError)") }
        return try JSONDecoder().decode(Made.self, from: Data(contentsOf: folder.url.appendingPathComponent("sites.json")))
    }

    @Test(arguments: ["news", "blog", "pages"])
    func siteBuildsClean(name: String) throws {
        let folder = try TemporaryFolder()
        let made = try Self.makeSites(in: folder, [name])
        let site = try PublishedSite(source: folder.url.appendingPathComponent(name), in: folder, name: name)
        try site.expectClean(entries: try #require(made.published[name]))
    }

    @Test func sectionsWithRepeatedFileNamesGetOneLinkEach() throws {
        let folder = try TemporaryFolder()
        _ = try Self.makeSites(in: folder, ["news"])
        let site = try PublishedSite(source: folder.url.appendingPathComponent("news"), in: folder, name: "news")
        let links = Set(try site.jsonItems().compactMap { $0["url"] as? String })
        for section in ["business", "entertainment", "politics", "sport", "tech"] {
            #expect(links.contains("https://news.example.com/\(section)/001/"))
        }
        #expect(links.count == 150)
    }

    @Test func undatedArticlesAreDatedByTheirFilesInPathOrder() throws {
        let folder = try TemporaryFolder()
        _ = try Self.makeSites(in: folder, ["news"])
        let site = try PublishedSite(source: folder.url.appendingPathComponent("news"), in: folder, name: "news")
        var published: [String: String] = [:]
        for item in try site.jsonItems() {
            published[item["url"] as? String ?? ""] = item["date_published"] as? String
        }
        // make_sites.py gives the whole business section one modification time, 2024-06-01T10:00:00Z: the files
        // get that second and the following ones, in path order. Politics files have a minute each.
        #expect(published["https://news.example.com/business/001/"] == "2024-06-01T10:00:00Z")
        #expect(published["https://news.example.com/business/002/"] == "2024-06-01T10:00:01Z")
        #expect(published["https://news.example.com/business/030/"] == "2024-06-01T10:00:29Z")
        #expect(published["https://news.example.com/politics/003/"] == "2024-06-03T10:03:00Z")

        // A second build with a fresh state store gives the same dates: they come from the files.
        let again = try PublishedSite(source: folder.url.appendingPathComponent("news"), in: folder, name: "news-again")
        #expect(try again.jsonItems().map { $0["date_published"] as? String } == (try site.jsonItems().map { $0["date_published"] as? String }))
    }
}
