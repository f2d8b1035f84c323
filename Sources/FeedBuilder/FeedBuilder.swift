public import FeedModel

/// Turns a feed description and entries into the documents to publish, without touching the disk.
///
/// `prepare` checks the input, orders it, cleans every body once (in parallel) and plans the pages;
/// the returned `PreparedFeed` renders any page to bytes or to a sink.
public struct FeedBuilder: Sendable {
    /// The feed being built.
    public var description: FeedDescription
    /// The program named in `generator`.
    public var generator: FeedGenerator
    /// The HTML cleaner applied to every body.
    public var cleaner: ContentCleaner

    /// Creates a builder.
    public init(description: FeedDescription, generator: FeedGenerator = .crier, cleaner: ContentCleaner = ContentCleaner()) {
        self.description = description
        self.generator = generator
        self.cleaner = cleaner
    }

    /// Checks, orders and cleans entries and plans every page of every output.
    /// - Parameters:
    ///   - entries: the entries, in any order.
    ///   - cache: cleaned entries of earlier calls; an entry found there identical is not cleaned again, and
    ///     the cache then holds exactly these entries. Nil cleans every entry.
    /// - Throws: `PublishError` for duplicate ids (naming the id and both titles) or a limit below 1.
    public func prepare(_ entries: [Entry], cache: PreparedEntryCache? = nil) throws(PublishError) -> PreparedFeed {
        if let limit = description.limit, limit < 1 {
            throw PublishError(.invalidLimit(limit))
        }
        let duplicates = Self.duplicateIDs(in: entries)
        if !duplicates.isEmpty {
            throw PublishError(.duplicateIDs(duplicates))
        }
        let ordered = Self.newestFirst(entries)
        let cleaner = self.cleaner
        let prepared: [PreparedEntry]
        var identities: [UInt64]? = nil
        let cleaned: Int
        if let cache {
            let result = cache.prepare(ordered, cleaner: cleaner)
            prepared = result.entries
            identities = result.identities
            cleaned = result.cleaned
        } else {
            prepared = Concurrently.map(ordered[...]) { PreparedEntry($0, cleaner: cleaner) }
            cleaned = prepared.count
        }
        var pages: [FeedPage] = []
        for output in description.outputs {
            pages += FeedPage.pages(for: output, entryCount: prepared.count, limit: description.limit)
        }
        return PreparedFeed(description: description, generator: generator, entries: prepared, pages: pages,
                            entryIdentities: identities, cleanedCount: cleaned)
    }

    /// Every id used more than once, in input order, with the titles of its first and each later entry.
    static func duplicateIDs(in entries: [Entry]) -> [DuplicateID] {
        var firstTitles: [String: String] = [:]
        var duplicates: [DuplicateID] = []
        for entry in entries {
            if let first = firstTitles[entry.id] {
                duplicates.append(DuplicateID(id: entry.id, firstTitle: first, secondTitle: entry.title))
            } else {
                firstTitles[entry.id] = entry.title
            }
        }
        return duplicates
    }

    /// Newest `published` first; equal dates ordered by id so the order never depends on the input's order.
    static func newestFirst(_ entries: [Entry]) -> [Entry] {
        entries.sorted { lhs, rhs in
            // Compare instants: `Timestamp`'s `==` also compares offsets, which would leave ties unbroken.
            let left = lhs.published.secondsSinceEpoch, right = rhs.published.secondsSinceEpoch
            if left != right { return left > right }
            return lhs.id < rhs.id
        }
    }
}
