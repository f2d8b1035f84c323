import FeedModel
import Testing

@testable import Ingest

/// Which bodies ingest marks `contentIsSelfContained` (published without cleaning): only HTML Crier
/// generated itself with nothing to clean, never the author's own markup or a URL that needs resolving.
@Suite struct SelfContainedBodyTests {
    /// Markdown bodies cmark-gfm renders to HTML with nothing to clean.
    static let cleanMarkdown = [
        "Plain *emphasis*, **strong**, `code` and ~~struck~~ text with “quotes” & ampersands < less.",
        "A [link](https://example.org/a?b=1&c=2 \"Title\") and ![an image](HTTPS://cdn.example.org/x.png).",
        "Mail <mailto:ada@example.org> and autolink https://example.org/auto.",
        "# Heading\n\n> quote\n>\n> > nested\n\n1. one\n2. two\n\n- a\n- b\n\n---\n\n```swift\nlet x = \"<y>\"\n```",
        "| a | b |\n|:--|--:|\n| 1 | 2 |",
    ]

    /// Markdown whose HTML the cleaner must see, and why.
    static let markdownToClean = [
        ("raw inline HTML", "Text with <span onclick=\"x()\">a span</span>."),
        ("raw HTML block", "<div>\nblock\n</div>"),
        ("a relative link", "A [link](/posts/other/)."),
        ("a relative image", "![image](images/a.png)"),
        ("a scheme-relative link", "A [link](//example.org/x)."),
        ("a javascript: link", "A [link](javascript:alert(1))."),
        ("a data: image", "![x](data:image/png;base64,AAAA)"),
        ("a task list", "- [ ] todo\n- [x] done"),
        ("deep nesting", String(repeating: "> ", count: 40) + "deep"),
        ("an empty link", "A [link]()."),
        ("a fragment link", "A [fragment](#top)."),
        ("footnotes (fragment links)", "Footnote[^1].\n\n[^1]: The note."),
    ]

    static func markdown(_ body: String) -> String {
        "---\ntitle: T\ndate: 2024-03-05\nsummary: S\n---\n" + body + "\n"
    }

    @Test(arguments: cleanMarkdown)
    func markdownWithoutRawHTMLAndWithAbsoluteLinksIsSelfContained(body: String) throws {
        let folder = try TestFolder()
        try folder.write("a.md", Self.markdown(body))
        let (entry, _) = try entry(folder, "a.md")
        #expect(entry.contentIsSelfContained, "\(entry.contentHTML)")
    }

    @Test(arguments: markdownToClean)
    func markdownWithAnythingToCleanIsNot(reason: String, body: String) throws {
        let folder = try TestFolder()
        try folder.write("a.md", Self.markdown(body))
        let (entry, _) = try entry(folder, "a.md")
        #expect(!entry.contentIsSelfContained, "\(reason): \(entry.contentHTML)")
    }

    @Test func plainTextIsSelfContainedAndSavedHTMLIsNot() throws {
        let folder = try TestFolder()
        try folder.write("a.txt", "“A title”\nA subtitle\n\nA paragraph with <angle> & ampersand.\n")
        try folder.write("b.html", "<html><head><title>T</title></head><body><p>Hello</p></body></html>")
        #expect(try entry(folder, "a.txt").0.contentIsSelfContained)
        #expect(try !entry(folder, "b.html").0.contentIsSelfContained)
    }
}
