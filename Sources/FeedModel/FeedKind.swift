/// Which of a site's feeds a feed is: the site's own, or one derived from a part of it.
public enum FeedKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Every article of the site.
    case site
    /// The articles of one folder directly under the source folder.
    case section
    /// The articles with one tag or category.
    case tag
    /// The articles of one author.
    case author
    /// The articles in one language.
    case language

    /// The heading of this kind's feeds in lists for people (`feeds.opml`, the daemon's index page).
    public var groupTitle: String {
        switch self {
        case .site: "Site"
        case .section: "Sections"
        case .tag: "Tags"
        case .author: "Authors"
        case .language: "Languages"
        }
    }
}

/// One feed as a site publishes it: its kind, title, page and files, what discovery lists (`feeds.opml`, the
/// daemon's index page, `crier build --print-links`).
public struct PublishedFeed: Sendable, Hashable {
    /// The kind of feed.
    public var kind: FeedKind
    /// The feed's title.
    public var title: String
    /// The web page the feed belongs to (its alternate link).
    public var pageURL: String
    /// The feed's files, one per format.
    public var outputs: [FeedOutput]

    /// Creates a published feed.
    public init(kind: FeedKind, title: String, pageURL: String, outputs: [FeedOutput]) {
        self.kind = kind
        self.title = title
        self.pageURL = pageURL
        self.outputs = outputs
    }

    /// The output a reader should subscribe to when only one is listed: Atom (the best specified of the
    /// three) when published, else RSS, else JSON Feed.
    public var preferredOutput: FeedOutput? {
        outputs.first { $0.format == .atom } ?? outputs.first { $0.format == .rss } ?? outputs.first
    }
}
