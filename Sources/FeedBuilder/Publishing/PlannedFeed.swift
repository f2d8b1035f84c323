public import FeedModel

/// One feed of a prepared publish: its description, which prepared entries it holds and its documents.
public struct PlannedFeed: Sendable {
    /// What the feed is made of.
    public let kind: FeedKind
    /// The feed.
    public let description: FeedDescription
    /// Positions in `PreparedFeed.entries` of the entries this feed holds, newest first; nil for every entry
    /// (the site feed).
    let members: [Int]?
    /// How many entries the feed holds.
    public let entryCount: Int
    /// Every document: per output, the main feed then archive pages 1, 2, … (oldest first); each page's
    /// `entryRange` counts in this feed's entries.
    public let pages: [FeedPage]
    /// Entries left out because each alone is over the budget (`FeedDescription.maxBytes`).
    public let oversized: [OversizedEntry]

    init(
        kind: FeedKind, description: FeedDescription, members: [Int]?, entryCount: Int, pages: [FeedPage],
        oversized: [OversizedEntry] = []
    ) {
        self.kind = kind
        self.description = description
        self.members = members
        self.entryCount = entryCount
        self.pages = pages
        self.oversized = oversized
    }

    /// The position in `PreparedFeed.entries` of this feed's entry number `index` (newest first).
    func position(_ index: Int) -> Int {
        members?[index] ?? index
    }

    /// The feed as discovery lists it.
    public var published: PublishedFeed {
        PublishedFeed(kind: kind, title: description.title, pageURL: description.homePageURL, outputs: description.outputs)
    }

    /// The positions in `PreparedFeed.entries` of a page's entries, in document order.
    func positions(of page: FeedPage) -> [Int] {
        if let members { return Array(members[page.entryRange]) }
        return Array(page.entryRange)
    }
}
