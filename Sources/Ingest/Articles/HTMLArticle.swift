import FeedModel
import Foundation
import XML

/// Reads a saved web page: metadata from `<meta>` tags (Open Graph, article:*), the body from `<article>`,
/// `<main>` or the element with the most paragraph text, with page furniture removed.
enum HTMLArticle {
    /// Elements that are never article text.
    static let furniture: Set<String> = ["nav", "header", "footer", "aside", "form", "script", "style", "noscript", "template", "iframe", "button"]

    static func parse(_ text: String, fileStem: String, dates: DateReader) throws(ArticleError) -> ParsedArticle {
        let document: XMLDocument
        do {
            // The text is already decoded to UTF-8, so a stale `<meta charset>` must not re-decode it.
            document = try XMLDocument(html: Array(text.utf8), encoding: "UTF-8")
        } catch {
            throw ArticleError(line: nil, message: "not readable as HTML: \(error)")
        }
        guard let root = document.root else { throw ArticleError(line: nil, message: "no HTML elements found") }
        let meta = MetaTags(root)

        let firstHeading = root.firstDescendant(named: "h1").map { collapse($0.textContent) }
        let documentTitle = root.firstDescendant(named: "title").map { collapse($0.textContent) }
        let title = [meta["og:title"], documentTitle, firstHeading].compactMap { $0 }.first { !$0.isEmpty } ?? fileStem

        var article = ParsedArticle(
            title: title,
            summary: meta["description"] ?? meta["og:description"],
            contentHTML: content(of: root)
        )
        if let published = meta["article:published_time"] {
            article.date = try dates.read(published, field: "meta 'article:published_time'", line: meta.line(of: "article:published_time"))
        }
        if let modified = meta["article:modified_time"] {
            article.updated = try dates.read(modified, field: "meta 'article:modified_time'", line: meta.line(of: "article:modified_time"))
        }
        let authorNames = meta.all("author") + meta.all("article:author").filter { !$0.hasPrefix("http") }
        article.authors = authorNames.compactMap(Person.init(parsing:))
        var tags = meta.all("article:tag")
        if tags.isEmpty, let keywords = meta["keywords"] {
            tags = keywords.split(separator: ",").map { FastText.trimmingSpaces(String($0)) }.filter { !$0.isEmpty }
        }
        article.tags = tags
        article.link =
            meta["og:url"]
            ?? root.descendantElements.first { $0.name == "link" && $0.attribute("rel")?.lowercased() == "canonical" }?.attribute("href")
        article.image = meta["og:image"]
        article.language = root.attribute("lang").flatMap { $0.isEmpty ? nil : $0 }
        if article.contentHTML.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ArticleError(line: nil, message: "no article text found (looked in <article>, <main> and the page's paragraphs)")
        }
        return article
    }

    /// The article body as HTML: furniture and comment sections removed first, then `<article>`, `<main>`,
    /// or the densest block of paragraphs.
    private static func content(of root: XMLNode) -> String {
        guard let body = root.firstDescendant(named: "body") else { return "" }
        for node in body.descendantElements.reversed() where furniture.contains(node.name) || isCommentSection(node) {
            node.remove()
        }
        let candidates = body.descendantElements
        let container =
            candidates.first { $0.name == "article" }
            ?? candidates.first { $0.name == "main" || $0.attribute("role") == "main" }
            ?? densest(in: body)
            ?? body
        return container.innerHTML.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The element whose direct `<p>` children hold the most text: the usual shape of an article body in a
    /// page without semantic markup.
    private static func densest(in body: XMLNode) -> XMLNode? {
        var best: (node: XMLNode, score: Int)?
        for node in [body] + body.descendantElements where node.name != "p" {
            let score = node.elementChildren.filter { $0.name == "p" }.reduce(0) { $0 + $1.textContent.count }
            if score > (best?.score ?? 0) { best = (node, score) }
        }
        return best?.node
    }

    /// Comment threads and forms, by the class and id names blog engines use (`comments`, `comment-respond`).
    private static func isCommentSection(_ node: XMLNode) -> Bool {
        let names = [node.attribute("id"), node.attribute("class")].compactMap { $0?.lowercased() }
        return names.contains { name in
            name.split(whereSeparator: { $0 == " " }).contains { word in
                word == "comments" || word.hasPrefix("comment-") || word == "respond" || word == "share" || word.hasPrefix("sharedaddy")
                    || word == "related-posts" || word == "newsletter"
            }
        }
    }

    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// The `<meta>` tags of a page by `name` or `property`, lower-cased keys, in document order.
private struct MetaTags {
    private var tags: [(key: String, content: String, line: Int)] = []

    init(_ root: XMLNode) {
        for node in root.descendantElements where node.name == "meta" {
            guard let key = node.attribute("property") ?? node.attribute("name"),
                let content = node.attribute("content")?.trimmingCharacters(in: .whitespacesAndNewlines), !content.isEmpty
            else { continue }
            tags.append((key.lowercased(), content, node.line))
        }
    }

    subscript(key: String) -> String? { tags.first { $0.key == key }?.content }

    func all(_ key: String) -> [String] { tags.filter { $0.key == key }.map(\.content) }

    func line(of key: String) -> Int? { tags.first { $0.key == key }.map(\.line).flatMap { $0 > 0 ? $0 : nil } }
}
