import FeedModel

/// What a format parser found in one file, before the stable fields (id, dates, link) are settled.
struct ParsedArticle {
    var title: String
    var summary: String?
    var contentHTML: String
    /// See `Entry.contentIsSelfContained`: set only by a parser that generated `contentHTML` itself.
    var contentIsSelfContained = false
    /// The published date the article states, if any.
    var date: Timestamp?
    /// The updated date the article states, if any.
    var updated: Timestamp?
    var authors: [Person] = []
    var tags: [String] = []
    var slug: String?
    var link: String?
    var id: String?
    var language: String?
    var image: String?
    var isDraft = false
    /// Problems worth reporting that did not stop the parse, with their lines.
    var warnings: [(line: Int?, message: String)] = []
}

/// A reason a file could not become an article, with the line when there is one.
struct ArticleError: Error {
    var line: Int?
    var message: String
}

/// Turns the date text an article states into a timestamp, or an error naming where it came from.
struct DateReader {
    let zone: ZoneSetting

    /// - Parameters:
    ///   - text: The date as written.
    ///   - field: How the message names the source, such as `front matter: 'date'`.
    ///   - line: The line the value is on.
    func read(_ text: String, field: String, line: Int?) throws(ArticleError) -> Timestamp {
        guard let timestamp = DateText.parse(text, zone: zone) else {
            throw ArticleError(
                line: line,
                message:
                    "\(field) is not a date: \"\(text)\" (expected a form such as 2024-03-05, 2024-03-05 09:30, 2024-03-05T09:30:00+01:00 or an RFC 822 date)"
            )
        }
        return timestamp
    }
}
