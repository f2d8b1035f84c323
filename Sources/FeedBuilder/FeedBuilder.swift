public import FeedModel
import Parallel
import Platform

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

    /// Checks, orders and cleans entries and plans every page of every output of the site feed and of each
    /// derived feed.
    /// - Parameters:
    ///   - entries: the entries, in any order.
    ///   - derived: feeds made of some of the entries (sections, tags, …), published beside the site feed.
    ///   - cache: cleaned entries of earlier calls; an entry found there identical is not cleaned again, and
    ///     the cache then holds exactly these entries. Nil cleans every entry.
    /// - Throws: `PublishError` for duplicate ids (naming the id and both titles) or a limit below 1.
    public func prepare(
        _ entries: [Entry], derived: [DerivedFeed] = [], cache: PreparedEntryCache? = nil
    ) throws(PublishError) -> PreparedFeed {
        try prepare(entries, derived: derived, cache: cache, memory: nil)
    }

    /// `prepare`; with a `PublishMemory`, every prepared entry also gets its `ContentKey`, and fragments are
    /// taken from the memory's published files where it has them.
    /// - Parameter bodyHints: per entry (input order), the name an earlier process gave its body, which the
    ///   caller vouches for (see `PublishMemory.contentKeys`); nil where unknown.
    func prepare(
        _ entries: [Entry], derived: [DerivedFeed], cache: PreparedEntryCache?, memory: PublishMemory?,
        bodyHints: [ContentName?]? = nil
    ) throws(PublishError) -> PreparedFeed {
        for feed in [description] + derived.map(\.description) {
            if let limit = feed.limit, limit < 1 { throw PublishError(.invalidLimit(limit)) }
        }
        let order = Self.feedOrder(entries)
        let ordered = order.map { $0.map { entries[$0] } } ?? entries
        let cleaner = self.cleaner
        let prepared: [PreparedEntry]
        let identities: [UInt64]?
        let cleaned: Int
        if let cache, let result = cache.prepare(ordered, cleaner: cleaner) {
            // The cache has checked the ids (it keeps the set of them) and cleaned what it did not hold.
            (prepared, identities, cleaned) = (result.entries, result.identities, result.cleaned)
        } else {
            // Without a cache, or the cache found an id used twice: name each one, in input order.
            let duplicates = Self.duplicateIDs(in: entries)
            if !duplicates.isEmpty {
                throw PublishError(.duplicateIDs(duplicates))
            }
            prepared = Parallel.map(ordered[...]) { PreparedEntry($0, cleaner: cleaner) }
            (identities, cleaned) = (nil, prepared.count)
        }
        let fragmentKeys = identities ?? Self.freshKeys(prepared.count)
        let hints = bodyHints.flatMap { hints in
            hints.count == entries.count ? order.map { $0.map { hints[$0] } } ?? hints : nil
        }
        let named = memory.map { $0.contentKeys(of: prepared, identities: identities, bodyHints: hints) }
        let store = FragmentStore(
            entries: prepared, carried: identities == nil ? nil : cache?.carried, identities: identities,
            remembered: memory.flatMap { memory in named.map { (memory, $0.keys) } })
        let planner = FeedPlanner(
            entries: prepared, keys: fragmentKeys, cache: identities == nil ? nil : cache, store: store, generator: generator)
        var feeds = [try planner.plan(description, kind: .site, members: nil)]
        // Input positions to prepared positions, when the input was not in feed order already.
        var preparedPosition: [Int]?
        if let order {
            var inverse = Array(repeating: 0, count: order.count)
            for (position, input) in order.enumerated() { inverse[input] = position }
            preparedPosition = inverse
        }
        for feed in derived {
            var members = feed.members.filter { $0 >= 0 && $0 < entries.count }.map { preparedPosition?[$0] ?? $0 }
            members.sort()
            var unique: [Int] = []
            unique.reserveCapacity(members.count)
            for member in members where unique.last != member { unique.append(member) }
            feeds.append(try planner.plan(feed.description, kind: feed.kind, members: unique))
        }
        cache?.keepPlans(for: Set(feeds.compactMap { $0.description.outputs.first?.fileName }))
        // Each body's name by input position, for the caller to keep (`PublishReport.bodyNames`).
        let bodyNames = named.map { named in
            (0..<entries.count).map { named.bodies[preparedPosition?[$0] ?? $0] }
        }
        return PreparedFeed(
            generator: generator, entries: prepared, feeds: feeds, store: store, entryIdentities: identities,
            fragmentKeys: fragmentKeys, cleanedCount: cleaned, bodyNames: bodyNames)
    }

    /// Identity numbers for entries prepared without a cache, valid for one publish.
    private static func freshKeys(_ count: Int) -> [UInt64] {
        let first = EntryIdentity.reserve(count)
        return (0..<UInt64(count)).map { first + $0 }
    }

    /// Every id used more than once, in input order, with the titles of its first and each later entry.
    static func duplicateIDs(in entries: [Entry]) -> [DuplicateID] {
        // The common case, no duplicate, is decided from the ids alone: `crier watch` checks 10,000 entries
        // on every save, and copying each entry (a dozen strings) into the loop cost more than the hashing.
        var seen = Set<String>(minimumCapacity: entries.count)
        var unique = true
        for index in entries.indices where !seen.insert(entries[index].id).inserted {
            unique = false
            break
        }
        if unique { return [] }
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

    /// The feed order: true when `entry` goes before `other`, newer `published` first and equal instants by id.
    ///
    /// A caller that keeps its entries in this order (`crier watch` does) has them confirmed in one pass by
    /// `prepare` instead of sorted.
    public static func isNewer(_ entry: Entry, than other: Entry) -> Bool {
        // Compare instants: `Timestamp`'s `==` also compares offsets, which would leave ties unbroken.
        let left = entry.published.secondsSinceEpoch
        let right = other.published.secondsSinceEpoch
        if left != right { return left > right }
        return entry.id < other.id
    }

    /// Newest `published` first; equal dates ordered by id so the order never depends on the input's order.
    static func newestFirst(_ entries: [Entry]) -> [Entry] {
        feedOrder(entries).map { $0.map { entries[$0] } } ?? entries
    }

    /// The input positions in feed order, or nil when the input is in that order already.
    ///
    /// Input already in order is confirmed in one pass. Otherwise sorts small keys (the instant and the
    /// position) rather than the entries themselves, so the sort moves 16 bytes per swap instead of a whole
    /// `Entry`.
    static func feedOrder(_ entries: [Entry]) -> [Int]? {
        // A stable sort leaves an ordered input as it is, equal keys included, so nil is the same.
        if isInFeedOrder(entries) {
            return nil
        }
        var keys = entries.indices.map { SortKey(seconds: entries[$0].published.secondsSinceEpoch, position: $0) }
        keys.sort { lhs, rhs in
            if lhs.seconds != rhs.seconds { return lhs.seconds > rhs.seconds }
            return entries[lhs.position].id < entries[rhs.position].id
        }
        return keys.map(\.position)
    }

    /// True when no entry is newer than the one before it. Reads the entries in place: `crier watch` checks
    /// 10,000 of them on every save, and copying each out of the array (a dozen strings retained) cost more
    /// than the comparisons.
    static func isInFeedOrder(_ entries: [Entry]) -> Bool {
        entries.withUnsafeBufferPointer { buffer in
            var index = 1
            while index < buffer.count {
                if isNewer(buffer[index], than: buffer[index - 1]) { return false }
                index += 1
            }
            return true
        }
    }

    /// An entry's place in the newest-first order, before ties are broken by id.
    private struct SortKey {
        var seconds: Int64
        var position: Int
    }
}
