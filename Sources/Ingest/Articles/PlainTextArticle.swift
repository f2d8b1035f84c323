import FeedModel
import Foundation
import XML

/// Reads a plain-text article: an optional `Key: Value` header, a title line, an optional subtitle, paragraphs.
///
/// The shape follows articles saved from web pages as text (`russian-pilot-defects.txt` is the model): the
/// title is often in typographic quotes, the standfirst follows on its own line without a full stop, and the
/// page's comment form and sharing links trail the text. Those trailers are cut only at the end, so an
/// article that discusses "comments" keeps its paragraph.
enum PlainTextArticle {
    /// Header keys, lower case.
    static let headerKeys: Set<String> = ["title", "author", "date", "updated", "tags", "summary", "link", "id", "lang", "draft", "slug"]

    /// A paragraph: its lines joined with spaces, and the line it starts on.
    struct Paragraph {
        var text: String
        var line: Int
        var lineCount: Int
    }

    static func parse(_ text: String, dates: DateReader) throws(ArticleError) -> ParsedArticle {
        let lines = FastText.lines(text)
        var header: [String: (value: String, line: Int)] = [:]
        var warnings: [(line: Int?, message: String)] = []
        var bodyStart = 0
        if let first = lines.first(where: { !FastText.trimmingSpaces($0).isEmpty }),
            let key = headerKey(first), headerKeys.contains(key)
        {
            var index = lines.firstIndex(of: first) ?? 0
            while index < lines.count, !FastText.trimmingSpaces(lines[index]).isEmpty {
                let line = lines[index]
                guard let key = headerKey(line), let colon = line.firstIndex(of: ":") else {
                    throw ArticleError(
                        line: index + 1, message: "header: expected 'Key: Value' (the header ends at the first blank line), found \"\(line)\"")
                }
                let value = FastText.trimmingSpaces(String(line[line.index(after: colon)...]))
                if headerKeys.contains(key) {
                    header[key] = (value, index + 1)
                } else {
                    warnings.append(
                        (index + 1, "header: unknown key '\(key)' ignored; expected one of \(headerKeys.sorted().joined(separator: ", "))"))
                }
                index += 1
            }
            bodyStart = index
        }

        var paragraphs = paragraphsOf(lines, from: bodyStart)
        var title = header["title"]?.value ?? ""
        var subtitle: String?
        if title.isEmpty {
            guard !paragraphs.isEmpty else { throw ArticleError(line: nil, message: "no text: expected a title line") }
            var first = paragraphs.removeFirst()
            let firstLines = first.text.split(separator: "\n", maxSplits: 1).map(String.init)
            title = firstLines[0]
            if firstLines.count > 1 {
                first.text = firstLines[1]
                first.line += 1
                first.lineCount -= 1
                paragraphs.insert(first, at: 0)
            }
            if paragraphs.count > 1, isSubtitle(paragraphs[0]) {
                subtitle = paragraphs.removeFirst().text
            }
        }
        title = TitleText.unquoted(collapse(title))
        paragraphs = PlainTextBoilerplate.trimmed(paragraphs)

        var article = ParsedArticle(
            title: title,
            summary: header["summary"]?.value ?? subtitle.map(collapse),
            contentHTML: paragraphs.map { "<p>" + HTMLEscaping.escaped(collapse($0.text)) + "</p>" }.joined(separator: "\n")
        )
        // Escaped text in <p> elements: nothing a cleaner would change the meaning of.
        article.contentIsSelfContained = true
        article.warnings = warnings
        if let date = header["date"] { article.date = try dates.read(date.value, field: "header: 'Date'", line: date.line) }
        if let updated = header["updated"] {
            article.updated = try dates.read(updated.value, field: "header: 'Updated'", line: updated.line)
        }
        if let author = header["author"]?.value {
            article.authors = author.split(separator: ",").compactMap { Person(parsing: String($0)) }
        }
        if let tags = header["tags"]?.value {
            article.tags = tags.split(separator: ",").map { FastText.trimmingSpaces(String($0)) }.filter { !$0.isEmpty }
        }
        article.link = header["link"]?.value
        article.id = header["id"]?.value
        article.language = header["lang"]?.value
        article.slug = header["slug"]?.value
        if let draft = header["draft"] {
            switch draft.value.lowercased() {
            case "true", "yes", "1": article.isDraft = true
            case "false", "no", "0", "": article.isDraft = false
            default: throw ArticleError(line: draft.line, message: "header: 'Draft' expected true or false, found \"\(draft.value)\"")
            }
        }
        return article
    }

    /// The lower-cased key of a `Key: Value` line, or nil when the line is not one.
    private static func headerKey(_ line: String) -> String? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon]
        guard !key.isEmpty, key.count <= 20, key.allSatisfy({ $0.isLetter || $0 == "-" || $0 == "_" }) else { return nil }
        return key.lowercased()
    }

    /// Groups consecutive non-blank lines; each paragraph keeps its lines separated by `\n` until joined.
    private static func paragraphsOf(_ lines: [String], from start: Int) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: Paragraph?
        for index in start..<lines.count {
            let line = FastText.trimmingSpaces(lines[index])
            if line.isEmpty {
                if let paragraph = current { result.append(paragraph) }
                current = nil
            } else if current == nil {
                current = Paragraph(text: line, line: index + 1, lineCount: 1)
            } else {
                current?.text += "\n" + line
                current?.lineCount += 1
            }
        }
        if let paragraph = current { result.append(paragraph) }
        return result
    }

    /// A standfirst: one short line that does not end like a sentence.
    private static func isSubtitle(_ paragraph: Paragraph) -> Bool {
        paragraph.lineCount == 1 && paragraph.text.count <= 200 && !paragraph.text.hasSuffix(".")
    }

    /// Hard-wrapped lines become one line; runs of spaces become one.
    static func collapse(_ text: String) -> String {
        if FastText.isCollapsed(text) { return text }
        return text.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}
