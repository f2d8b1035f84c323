/// How much of each article a feed carries.
///
/// Planets and full-text readers want the whole article; mailing-list tools and readers on slow links want
/// only a summary, with the link to read the rest (jekyll-feed's `excerpt_only`, Pelican's
/// `RSS_FEED_SUMMARY_ONLY`).
public enum ContentMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// The full body: RSS `content:encoded`, Atom `content`, JSON Feed `content_html`.
    case full
    /// The summary only (the article's own, else the first 280 characters of its text): RSS `description`,
    /// Atom `summary`, JSON Feed `content_text`.
    case summary
}
