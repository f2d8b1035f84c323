import FeedModel

/// Which articles hold each link, each id and each `updated` second, kept up to date entry by entry.
///
/// Readers merge two entries that share an id and open the wrong article for one of two that share a link, and
/// the W3C Feed Validation Service warns about two entries with one `updated` (`DuplicateUpdated`). These counts
/// let a publish see in constant time that nothing is shared, which is the usual case; only when something is,
/// does `EntryTable.publishable()` work out who keeps what.
struct EntryClaims {
    /// Something only one published entry may have.
    enum Key: Hashable {
        case link(String)
        case id(String)
    }

    /// The first article path to claim each key. Almost every key has one holder, so one string each, not an
    /// array each: 20,000 small arrays were most of building the table of 10,000 entries.
    private var firstHolders: [Key: String] = [:]
    /// Every path holding a key that more than one path holds, in the order they claimed it.
    private var sharedHolders: [Key: [String]] = [:]
    /// Keys held by more than one path.
    private(set) var contested: Set<Key> = []
    /// How many entries have each `updated` instant (seconds since the epoch).
    private var updatedCounts: [Int64: Int] = [:]
    /// How many of those instants more than one entry has.
    private var tiedInstants = 0

    /// No claims, with room for `capacity` entries' claims.
    init(capacity: Int = 0) {
        firstHolders.reserveCapacity(2 * capacity)
        updatedCounts.reserveCapacity(capacity)
    }

    /// True when two entries have the same `updated` instant.
    var hasTiedUpdated: Bool { tiedInstants > 0 }

    /// The paths holding `key`.
    func holders(of key: Key) -> [String] {
        sharedHolders[key] ?? firstHolders[key].map { [$0] } ?? []
    }

    /// The keys an entry claims.
    static func keys(of entry: Entry) -> [Key] {
        [.link(entry.link), .id(entry.id)]
    }

    /// Records that `path` holds `entry`'s link, id and `updated`.
    mutating func add(_ entry: Entry, path: String) {
        claim(.link(entry.link), path: path)
        claim(.id(entry.id), path: path)
        let count = updatedCounts[entry.updated.secondsSinceEpoch, default: 0] + 1
        updatedCounts[entry.updated.secondsSinceEpoch] = count
        if count == 2 { tiedInstants += 1 }
    }

    private mutating func claim(_ key: Key, path: String) {
        guard let first = firstHolders[key] else {
            firstHolders[key] = path
            return
        }
        if sharedHolders[key]?.append(path) == nil {
            sharedHolders[key] = [first, path]
            contested.insert(key)
        }
    }

    /// Forgets that `path` holds `entry`'s link, id and `updated`.
    mutating func remove(_ entry: Entry, path: String) {
        for key in Self.keys(of: entry) {
            guard var paths = sharedHolders[key] else {
                if firstHolders[key] == path { firstHolders[key] = nil }
                continue
            }
            guard let position = paths.firstIndex(of: path) else { continue }
            paths.remove(at: position)
            firstHolders[key] = paths[0]
            if paths.count == 1 {
                sharedHolders[key] = nil
                contested.remove(key)
            } else {
                sharedHolders[key] = paths
            }
        }
        let seconds = entry.updated.secondsSinceEpoch
        guard let count = updatedCounts[seconds] else { return }
        updatedCounts[seconds] = count == 1 ? nil : count - 1
        if count == 2 { tiedInstants -= 1 }
    }
}
