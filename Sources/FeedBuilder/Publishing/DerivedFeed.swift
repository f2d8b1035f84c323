public import FeedModel

/// A feed made from some of the site's entries (a section, a tag, an author, a language), published beside the
/// site feed by the same publish: same renderers, archives, validation and atomic commit.
public struct DerivedFeed: Sendable, Hashable {
    /// What the feed is derived from, for the lists of feeds (`feeds.opml`).
    public var kind: FeedKind
    /// The feed: its title, outputs (file names in their own folder), limit, content mode and size budget.
    public var description: FeedDescription
    /// Positions, in the entries given to the publish, of the entries this feed holds, in any order.
    public var members: [Int]

    /// Creates a derived feed.
    public init(kind: FeedKind, description: FeedDescription, members: [Int]) {
        self.kind = kind
        self.description = description
        self.members = members
    }
}

/// An entry left out of a feed because, on its own, it makes a document larger than the feed's `maxBytes`.
public struct OversizedEntry: Sendable, Hashable, CustomStringConvertible {
    /// The entry's id.
    public var entryID: String
    /// The feed's main file (the first output), which names the feed.
    public var feedFileName: String
    /// The bytes one document holding only this entry would take in the largest of the feed's formats.
    public var bytes: Int
    /// The feed's budget.
    public var maxBytes: Int

    /// Creates a record.
    public init(entryID: String, feedFileName: String, bytes: Int, maxBytes: Int) {
        self.entryID = entryID
        self.feedFileName = feedFileName
        self.bytes = bytes
        self.maxBytes = maxBytes
    }

    public var description: String {
        "entry \(entryID) takes \(bytes) bytes in \(feedFileName), over its max_bytes of \(maxBytes)"
    }
}
