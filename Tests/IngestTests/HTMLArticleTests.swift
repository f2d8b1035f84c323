import FeedModel
import Testing

@testable import Ingest

@Suite struct HTMLArticleTests {
    static let page = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
          <meta charset="iso-8859-1">
          <title>Fallback title | Site</title>
          <meta property="og:title" content="The OG Title">
          <meta name="description" content="Meta description">
          <meta property="article:published_time" content="2024-03-05T09:30:00+01:00">
          <meta property="article:modified_time" content="2024-03-07T10:00:00+01:00">
          <meta name="author" content="Jane Doe">
          <meta property="article:tag" content="one">
          <meta property="article:tag" content="two">
        </head>
        <body>
          <header><nav><a href="/">Home</a></nav></header>
          <article>
            <h1>Heading</h1>
            <p>First &amp; <em>café</em> paragraph.</p>
            <script>track()</script>
            <aside>Related stuff</aside>
            <p>Second paragraph.</p>
            <section id="comments"><p>A comment</p></section>
            <form><input name="q"></form>
          </article>
          <footer>Copyright</footer>
        </body>
        </html>
        """

    @Test func metadataAndArticleContent() throws {
        let folder = try TestFolder()
        try folder.write("saved/page.html", Self.page)
        let (entry, _) = try entry(folder, "saved/page.html")
        #expect(entry.title == "The OG Title")
        #expect(entry.summary == "Meta description")
        #expect(entry.published.rfc3339 == "2024-03-05T09:30:00+01:00")
        #expect(entry.updated.rfc3339 == "2024-03-07T10:00:00+01:00")
        #expect(entry.authors == [Person(name: "Jane Doe")])
        #expect(entry.tags == ["one", "two"])
        #expect(entry.language == "en-GB")
        let html = entry.contentHTML
        #expect(html.contains("<p>First &amp; <em>café</em> paragraph.</p>"))
        #expect(html.contains("<p>Second paragraph.</p>"))
        for removed in ["track()", "Related stuff", "A comment", "<form", "Home", "Copyright"] {
            #expect(!html.contains(removed), "\(removed) should be removed")
        }
    }

    @Test func titleAndContentFallbacks() throws {
        let folder = try TestFolder()
        try folder.write(
            "a.htm",
            """
            <html><head><title>Doc title</title><meta name="keywords" content="x, y"></head><body>
            <div class="sidebar"><p>Short.</p></div>
            <div class="post"><p>A long paragraph of the actual article text goes here.</p><p>And another one.</p></div>
            </body></html>
            """)
        let (entry, _) = try entry(folder, "a.htm")
        #expect(entry.title == "Doc title")
        #expect(entry.tags == ["x", "y"])
        #expect(entry.contentHTML == "<p>A long paragraph of the actual article text goes here.</p><p>And another one.</p>")

        try folder.write("b.html", "<html><body><h1>Only heading</h1><p>Text.</p></body></html>")
        #expect(try IngestTests.entry(folder, "b.html").0.title == "Only heading")
    }

    @Test func badPublishedTimeFails() throws {
        let folder = try TestFolder()
        try folder.write(
            "a.html", "<html><head>\n<meta property=\"article:published_time\" content=\"yesterday\">\n</head><body><p>x</p></body></html>")
        let issue = try #require(try problem(folder, "a.html"))
        #expect(issue.message.hasPrefix("meta 'article:published_time' is not a date: \"yesterday\""))
        #expect(issue.line == 2)
    }
}
