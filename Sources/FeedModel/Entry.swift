/// One article as it appears in every feed format.
///
/// All URLs are absolute. `contentHTML` is the article body as HTML; the feed builder cleans it (entities,
/// relative links, scripts) before writing, so ingest does not have to.
public struct Entry: Sendable, Hashable {
    /// A permanent, unique id (a `tag:` URI or the permalink). Never changes when the article is edited.
    public var id: String
    /// The title as plain text.
    public var title: String
    /// The absolute URL of the article on the web site.
    public var link: String
    /// When the article was first published.
    public var published: Timestamp
    /// When the article's content last changed.
    public var updated: Timestamp
    /// The authors; empty means the feed's authors.
    public var authors: [Person]
    /// A short plain-text summary, if there is one.
    public var summary: String?
    /// The full article body as HTML.
    public var contentHTML: String
    /// Tags or categories, in the author's order.
    public var tags: [String]
    /// Attached files.
    public var enclosures: [Enclosure]
    /// The language of this entry (BCP 47) when it differs from the feed's.
    public var language: String?
    /// An absolute URL of the article's main image, if any.
    public var imageURL: String?

    /// Creates an entry.
    public init(
        id: String,
        title: String,
        link: String,
        published: Timestamp,
        updated: Timestamp? = nil,
        authors: [Person] = [],
        summary: String? = nil,
        contentHTML: String,
        tags: [String] = [],
        enclosures: [Enclosure] = [],
        language: String? = nil,
        imageURL: String? = nil
    ) {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.updated = updated ?? published
        self.authors = authors
        self.summary = summary
        self.contentHTML = contentHTML
        self.tags = tags
        self.enclosures = enclosures
        self.language = language
        self.imageURL = imageURL
    }
}
