import Foundation
import Pipeline
import Testing

/// A value an article states verbatim (`id`, `lang`, an author's address) that would make the feeds invalid
/// fails that article alone, named by its file; the rest of the site is published.
@Suite struct SiteScreeningTests {
    @Test(arguments: [
        ("id: urn:uuid:42", "InvalidUUID"),
        ("id: tag:bad", "InvalidTAG"),
        ("id: http://exa mple.com/x", "InvalidUriChar"),
        ("lang: english!", "InvalidLanguage"),
        ("author:\n  name: Jo\n  email: not-an-email", "InvalidAddrSpec"),
    ])
    func aBadValueFailsOnlyItsArticle(line: String, rule: String) async throws {
        let folder = try SiteTestFolder()
        try folder.write("---\ntitle: Bad\ndate: 2024-01-01\n\(line)\n---\nBody.\n", to: "news/bad.md")
        try folder.write(SiteTestFolder.article("Good", date: "2024-01-02"), to: "good.md")
        let report = try await folder.site().buildAll()
        #expect(report.entryCount == 1)
        let issue = try #require(report.failed.first)
        #expect(report.failed.count == 1 && issue.file == "news/bad.md")
        #expect(issue.message.contains(rule))
        let atom = try folder.feed("atom.xml")
        #expect(atom.contains("<title>Good</title>") && !atom.contains("<title>Bad</title>"))
    }

    @Test func aValueTheServiceWarnsAboutIsPublishedWithAWarning() async throws {
        let folder = try SiteTestFolder()
        try folder.write("---\ntitle: Loud\ndate: 2024-01-01\nid: HTTP://Example.com/a\n---\nBody.\n", to: "loud.md")
        let report = try await folder.site().buildAll()
        #expect(report.entryCount == 1 && report.failed.isEmpty)
        #expect(report.warnings.contains { $0.file == "loud.md" && $0.message.contains("NonCanonicalURI") })
    }

    @Test func aBadEditKeepsTheLastGoodVersion() async throws {
        let folder = try SiteTestFolder()
        try folder.write("---\ntitle: Stable\ndate: 2024-01-01\nlang: fr\n---\nBody.\n", to: "a.md")
        let site = try folder.site()
        #expect(try await site.buildAll().entryCount == 1)
        try folder.write("---\ntitle: Broken\ndate: 2024-01-01\nlang: français\n---\nBody.\n", to: "a.md")
        let report = try await site.update(changedPaths: ["a.md"])
        #expect(report.failed.map(\.file) == ["a.md"])
        let atom = try folder.feed("atom.xml")
        #expect(atom.contains("<title>Stable</title>") && !atom.contains("<title>Broken</title>"))
    }
}
