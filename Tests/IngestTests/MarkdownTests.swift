import FeedModel
import Testing

@testable import Ingest

@Suite struct MarkdownTests {
    @Test func frontMatterFields() throws {
        let folder = try TestFolder()
        try folder.write(
            "posts/hello.md",
            """
            ---
            title: Hello "World"
            date: 2024-03-05T09:30:00+02:00
            updated: 2024-03-06
            authors:
              - name: Jane Doe
                email: jane@example.com
                uri: https://jane.example/
              - Bob
            tags: [swift, feeds]
            description: A summary
            slug: Custom Slug
            lang: de
            image: /img/a.png
            ---
            Some *text*.
            """)
        let (entry, warnings) = try entry(folder, "posts/hello.md")
        #expect(warnings.isEmpty)
        #expect(entry.title == "Hello \"World\"")
        #expect(entry.published.rfc3339 == "2024-03-05T09:30:00+02:00")
        #expect(entry.updated.rfc3339 == "2024-03-06T00:00:00Z")
        #expect(entry.authors == [Person(name: "Jane Doe", email: "jane@example.com", uri: "https://jane.example/"), Person(name: "Bob")])
        #expect(entry.tags == ["swift", "feeds"])
        #expect(entry.summary == "A summary")
        #expect(entry.link == "https://example.com/custom-slug/")
        #expect(entry.language == "de")
        #expect(entry.imageURL == "https://example.com/img/a.png")
        #expect(entry.contentHTML == "<p>Some <em>text</em>.</p>\n")
        #expect(entry.id == "tag:example.com,2024-03-05:/posts/hello")
    }

    @Test func gfmExtensionsAndOptions() throws {
        let folder = try TestFolder()
        try folder.write(
            "a.md",
            """
            ---
            title: T
            date: 2024-01-01
            ---
            | a | b |
            |---|---|
            | 1 | 2 |

            ~~gone~~ and https://example.org and "quoted"

            - [x] done

            Note[^1].

            [^1]: The footnote.

            <div class="raw">raw html</div>

            <script>alert(1)</script>
            """)
        let html = try entry(folder, "a.md").0.contentHTML
        #expect(html.contains("<table>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"https://example.org\">https://example.org</a>"))
        #expect(html.contains("“quoted”"))
        #expect(html.contains("type=\"checkbox\""))
        #expect(html.contains("fn1") || html.contains("fn-1"))
        #expect(html.contains("<div class=\"raw\">raw html</div>"))
        #expect(html.contains("&lt;script>"))
    }

    @Test func titleFallsBackToFirstHeadingThenFileName() throws {
        let folder = try TestFolder()
        try folder.write("2024-02-03-my-post.md", "# The *Heading*\n\nBody.\n")
        let (entry, _) = try entry(folder, "2024-02-03-my-post.md")
        #expect(entry.title == "The Heading")
        #expect(entry.contentHTML == "<p>Body.</p>\n")
        #expect(entry.published.rfc3339 == "2024-02-03T00:00:00Z")
        #expect(entry.link == "https://example.com/my-post/")

        try folder.write("no-heading.md", "Just text.\n")
        #expect(try IngestTests.entry(folder, "no-heading.md").0.title == "no-heading")
    }

    @Test func unterminatedFrontMatterFailsWithLine() throws {
        let folder = try TestFolder()
        try folder.write("a.md", "---\ntitle: T\n\nBody\n")
        let issue = try #require(try problem(folder, "a.md"))
        #expect(issue.line == 1)
        #expect(issue.message.contains("never closed"))
    }

    @Test func brokenYAMLFailsWithLine() throws {
        let folder = try TestFolder()
        try folder.write("a.md", "---\ntitle: T\ntags: [a, b\n---\nBody\n")
        let issue = try #require(try problem(folder, "a.md"))
        #expect(issue.line != nil && issue.line! >= 3)
        #expect(issue.message.hasPrefix("front matter: not valid YAML"))
    }

    @Test func invalidDateFailsWithLineAndValue() throws {
        let folder = try TestFolder()
        try folder.write("posts/a.md", "---\ntitle: T\ndate: 2024-13-45\n---\nBody\n")
        let issue = try #require(try problem(folder, "posts/a.md"))
        #expect(issue.description.hasPrefix("posts/a.md:3: front matter: 'date' is not a date: \"2024-13-45\""))
    }

    @Test func wrongTypeNamesTheKey() throws {
        let folder = try TestFolder()
        try folder.write("a.md", "---\ntitle: T\ndraft: maybe\n---\nBody\n")
        let issue = try #require(try problem(folder, "a.md"))
        #expect(issue.description == "a.md:3: front matter: 'draft' expected true or false, found \"maybe\"")
    }

    @Test func unknownKeysWarn() throws {
        let folder = try TestFolder()
        try folder.write("a.md", "---\ntitle: T\nweight: 3\n---\nBody\n")
        let (_, warnings) = try entry(folder, "a.md")
        #expect(warnings.map(\.description) == ["a.md:3: front matter: key 'weight' is not used by Crier"])
    }

    @Test func draftIsLeftOut() throws {
        let folder = try TestFolder()
        try folder.write("a.md", "---\ntitle: T\ndraft: true\n---\nBody\n")
        let ingester = Ingester(source: folder.url, config: .test(), store: try StateStore.inMemory())
        guard case .leftOut(let issue) = ingester.ingest(relativePath: "a.md") else {
            Issue.record("expected the draft to be left out")
            return
        }
        #expect(issue.message.contains("draft"))
    }
}
