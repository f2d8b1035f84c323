public import FeedModel

/// An entry whose body has been cleaned once, ready to be rendered in every format.
public struct PreparedEntry: Sendable, Hashable {
    /// The entry as given.
    public var entry: Entry
    /// The cleaned body (see `ContentCleaner`).
    public var contentHTML: String
    /// The HTML written as RSS `description`: the entry's summary, or, when it has none, the first
    /// `excerptLength` characters of the body's text cut at a word boundary. A plain-text excerpt rather than
    /// the full body because readers show `description` in lists and `content:encoded` already has the body.
    /// Either way the text is HTML-escaped, since RSS `description` is HTML.
    public var rssDescription: String
    /// The same summary or excerpt as plain text, whitespace collapsed: what a summary-only feed carries in
    /// Atom `summary` and JSON Feed `content_text`.
    public var summaryText: String

    /// How many characters of body text an RSS excerpt keeps at most.
    public static let excerptLength = 280

    /// Cleans an entry's body and derives its RSS description.
    ///
    /// A self-contained body (`Entry.contentIsSelfContained`) with a summary is taken as it is: parsing and
    /// rewriting it would change only white space between blocks and equivalent escapes. Without a summary
    /// it is cleaned anyway, since the cleaner also collects the text of the RSS excerpt.
    public init(_ entry: Entry, cleaner: ContentCleaner) {
        self.entry = entry
        let summary = entry.summary.map(ContentCleaner.collapsedWhitespace).flatMap { $0.isEmpty ? nil : $0 }
        if entry.contentIsSelfContained, let summary {
            contentHTML = entry.contentHTML
            summaryText = summary
            rssDescription = ContentCleaner.escapedText(summary)
            return
        }
        let cleaned = cleaner.clean(entry.contentHTML, baseURL: entry.link)
        contentHTML = cleaned.html
        summaryText = summary ?? Self.excerpt(of: cleaned.plainText)
        rssDescription = ContentCleaner.escapedText(summaryText)
    }

    /// The text cut to `excerptLength` characters at the last space, with an ellipsis when cut.
    static func excerpt(of text: String) -> String {
        guard text.count > excerptLength else { return text }
        let prefix = text.prefix(excerptLength)
        let cut = prefix.lastIndex(of: " ").map { prefix[..<$0] } ?? prefix
        return cut + "…"
    }
}
