import FeedModel
import Foundation

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
        let title = try fields?.string("title").flatMap { FastText.trimmingSpaces($0).isEmpty ? nil : $0 }
        let rendered = MarkdownRenderer.render(body, extractTitle: title == nil)
        var article = ParsedArticle(
            title: title ?? rendered.title ?? fileStem,
            summary: try fields?.string("summary") ?? fields?.string("description"),
            contentHTML: rendered.html
        )
        article.contentIsSelfContained = rendered.isSelfContained
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
    ///
    /// Lines are found by scanning the UTF-8 bytes for `\n` (always a grapheme break, and the decoder has
    /// already turned `\r\n` into `\n`) and only up to the closing line: splitting the whole body into
    /// `Character` lines and joining them again cost more than the YAML parse.
    static func split(_ text: String) throws(ArticleError) -> (FrontMatter?, String) {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart = utf8.startIndex
        while true {
            let newline = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            let lineEnd = newline ?? utf8.endIndex
            let line = FastText.trimmingSpaces(String(text[lineStart..<lineEnd]))
            lineNumber += 1
            if lineNumber == 1 {
                guard line == "---" else { return (nil, text) }
                guard let newline else { break }
                yamlStart = utf8.index(after: newline)
            } else if line == "---" || line == "..." {
                // The YAML ends before the newline that precedes the closing line (none when it is line 2).
                let yamlEnd = lineNumber == 2 ? yamlStart : utf8.index(before: lineStart)
                let body = newline.map { String(text[utf8.index(after: $0)...]) } ?? ""
                return (FrontMatter(yaml: String(text[yamlStart..<yamlEnd]), firstLine: 2), body)
            }
            guard let newline else { break }
            lineStart = utf8.index(after: newline)
        }
        throw ArticleError(line: 1, message: "front matter: the '---' on line 1 is never closed; expected a second '---' line after the front matter")
    }
}
