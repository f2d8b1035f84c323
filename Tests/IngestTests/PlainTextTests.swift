import FeedModel
import Testing

@testable import Ingest

@Suite struct PlainTextTests {
    @Test func seedArticle() throws {
        let folder = try TestFolder()
        try folder.write("russian-pilot-defects.txt", SeedArticle.text)
        let (entry, _) = try entry(folder, "russian-pilot-defects.txt")
        #expect(entry.title == "Russian pilot defects and calls for desertion: the war in Ukraine takes a dramatic turn")
        #expect(entry.summary == "Article about the war in Ukraine: a Russian pilot’s call to desert the army")
        let paragraphs = entry.contentHTML.components(separatedBy: "<p>").dropFirst()
        #expect(paragraphs.count == 7)
        #expect(paragraphs.first?.hasPrefix("The situation in Ukraine continues") == true)
        #expect(paragraphs.last?.hasPrefix("This situation underlines") == true)
        #expect(!entry.contentHTML.contains("Leave a Reply"))
        #expect(!entry.contentHTML.contains("email address"))
        #expect(entry.contentHTML.contains("a “genocide” in Ukraine"))
        #expect(entry.link == "https://example.com/russian-pilot-defects/")
    }

    @Test func hardWrappedLinesAreJoinedAndTextEscaped() throws {
        let folder = try TestFolder()
        try folder.write("a.txt", "Title\n\nFirst line\nsecond line & <more>.\n\nNext paragraph.\n")
        let (entry, _) = try entry(folder, "a.txt")
        #expect(entry.contentHTML == "<p>First line second line &amp; &lt;more&gt;.</p>\n<p>Next paragraph.</p>")
        #expect(entry.summary == nil)
    }

    @Test(arguments: [
        ("«\u{00A0}Bonjour\u{00A0}»", "Bonjour"), ("„Hallo“", "Hallo"), ("'Single'", "Single"),
        ("\"Straight\"", "Straight"), ("‘Curly’", "Curly"), ("\"Hello\" world", "\"Hello\" world"),
    ])
    func quotesAroundTitleAreRemoved(raw: String, expected: String) throws {
        let folder = try TestFolder()
        try folder.write("a.txt", raw + "\n\nBody text.\n")
        #expect(try entry(folder, "a.txt").0.title == expected)
    }

    @Test func boilerplateIsTrimmedOnlyAtTheEnd() throws {
        let folder = try TestFolder()
        try folder.write(
            "a.txt",
            """
            Title

            Comments are what readers leave, and this paragraph is about them.

            Share this thought with friends before you go on reading the article.

            The real last paragraph.

            Share this:

            Related posts

            Posted in News

            Tags: war, pilots

            Subscribe to our newsletter

            We use cookies to improve your experience.

            12 Comments
            """)
        let html = try entry(folder, "a.txt").0.contentHTML
        #expect(html.contains("Comments are what readers leave"))
        #expect(html.contains("Share this thought with friends"))
        #expect(html.hasSuffix("<p>The real last paragraph.</p>"))
        #expect(!html.contains("Posted in"))
        #expect(!html.contains("cookies"))
    }

    @Test func headerBlockWins() throws {
        let folder = try TestFolder()
        try folder.write(
            "a.txt",
            """
            Title: From the header
            Author: Jane Doe <jane@example.com>
            Date: 2024-03-05 09:30
            Tags: one, two
            Summary: The summary
            Lang: fr
            Link: /elsewhere/

            “Not the title”

            Body.
            """)
        let (entry, _) = try entry(folder, "a.txt", config: .test(timeZone: .fixed(3600)))
        #expect(entry.title == "From the header")
        #expect(entry.authors == [Person(name: "Jane Doe", email: "jane@example.com")])
        #expect(entry.published.rfc3339 == "2024-03-05T09:30:00+01:00")
        #expect(entry.tags == ["one", "two"])
        #expect(entry.summary == "The summary")
        #expect(entry.language == "fr")
        #expect(entry.link == "https://example.com/elsewhere/")
        #expect(entry.contentHTML == "<p>“Not the title”</p>\n<p>Body.</p>")
    }

    @Test func badHeaderDateFailsWithLine() throws {
        let folder = try TestFolder()
        try folder.write("a.txt", "Title: T\nDate: 2024-13-45\n\nBody.\n")
        let issue = try #require(try problem(folder, "a.txt"))
        #expect(issue.line == 2)
        #expect(issue.description.hasPrefix("a.txt:2: header: 'Date' is not a date: \"2024-13-45\""))
    }

    @Test func titleOnlyFileIsLeftOut() throws {
        let folder = try TestFolder()
        try folder.write("a.txt", "Just a title\n")
        try folder.write("b.md", "---\ntitle: Only front matter\n---\n")
        try folder.write("c.md", "---\ntitle: Link post\nlink: https://elsewhere.example/\n---\n")
        let ingester = Ingester(source: folder.url, config: .test(), store: try StateStore.inMemory())
        for path in ["a.txt", "b.md"] {
            guard case .leftOut(let issue) = ingester.ingest(relativePath: path) else {
                Issue.record("\(path) should be left out")
                continue
            }
            #expect(issue.message.contains("no body text"))
        }
        guard case .entry(let linkPost, _) = ingester.ingest(relativePath: "c.md") else {
            Issue.record("a link post without body is still an entry")
            return
        }
        #expect(linkPost.link == "https://elsewhere.example/")
    }

    @Test func aTitleLineOfOnlyControlsAndSpacesFallsBackToTheFileName() throws {
        let folder = try TestFolder()
        try folder.write("2024-03-05-vertical-tab.txt", "  \u{0B}\t\u{0C}\n\nBody text here.\n")
        let (entry, _) = try entry(folder, "2024-03-05-vertical-tab.txt")
        #expect(entry.title == "vertical-tab")
    }
}
