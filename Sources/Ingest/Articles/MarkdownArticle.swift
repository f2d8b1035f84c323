import Foundation
import FeedModel

/// Reads a Markdown article: optional YAML front matter between `---` lines, then the body.
enum MarkdownArticle {
    /// Front matter keys Crier uses.
    static let knownKeys = [
        "title", "date", "updated", "author", "authors", "tags", "categories", "summary", "description",
        "slug", "link", "id", "lang", "draft", "image",
    ]

    static func parse(_ text: String, fileStem: String, dates: DateReader) throws(ArticleError) -> ParsedArticle {
        let (frontMatter, body) = try split(text)
        var fields: YAMLFields?
        if let frontMatter {
            do {
                fields = try YAMLFields(yaml: frontMatter.yaml, lineOffset: frontMatter.firstLine - 1)
            } catch {
                throw ArticleError(line: error.line ?? frontMatter.firstLine, message: "front matter: " + describe(error))
            }
        }
        do {
            return try build(fields: fields, body: body, fileStem: fileStem, dates: dates)
        } catch let error as YAMLFieldError {
            throw ArticleError(line: error.line, message: "front matter: " + describe(error))
        } catch let error as ArticleError {
            throw error
        } catch {
            throw ArticleError(line: nil, message: "\(error)")
        }
    }

    private static func build(fields: YAMLFields?, body: String, fileStem: String, dates: DateReader) throws -> ParsedArticle {
        let title = try fields?.string("title").flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        let rendered = MarkdownRenderer.render(body, extractTitle: title == nil)
        var article = ParsedArticle(
            title: title ?? rendered.title ?? fileStem,
            summary: try fields?.string("summary") ?? fields?.string("description"),
            contentHTML: rendered.html
        )
        guard let fields else { return article }
        for entry in fields.entries where !knownKeys.contains(entry.key) {
            article.warnings.append((entry.line, "front matter: key '\(entry.key)' is not used by Crier"))
        }
        if let date = try fields.string("date") {
            article.date = try dates.read(date, field: "front matter: 'date'", line: fields.line(of: "date"))
        }
        if let updated = try fields.string("updated") {
            article.updated = try dates.read(updated, field: "front matter: 'updated'", line: fields.line(of: "updated"))
        }
        article.authors = try fields.people("authors") ?? fields.people("author") ?? []
        article.tags = try fields.stringList("tags") ?? fields.stringList("categories") ?? []
        article.slug = try fields.string("slug")
        article.link = try fields.string("link")
        article.id = try fields.string("id")
        article.language = try fields.string("lang")
        article.image = try fields.string("image")
        article.isDraft = try fields.bool("draft") ?? false
        return article
    }

    private static func describe(_ error: YAMLFieldError) -> String {
        error.key.map { "'\($0)' \(error.message)" } ?? error.message
    }

    /// The front matter's YAML and the line its first line is on (1-based).
    struct FrontMatter {
        var yaml: String
        var firstLine: Int
    }

    /// Splits `---` front matter from the body. A file that does not start with `---` has none.
    static func split(_ text: String) throws(ArticleError) -> (FrontMatter?, String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else { return (nil, text) }
        for index in 1..<max(lines.count, 1) {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if line == "---" || line == "..." {
                let yaml = lines[1..<index].joined(separator: "\n")
                let body = lines[(index + 1)...].joined(separator: "\n")
                return (FrontMatter(yaml: yaml, firstLine: 2), body)
            }
        }
        throw ArticleError(line: 1, message: "front matter: the '---' on line 1 is never closed; expected a second '---' line after the front matter")
    }
}
