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

    /// The article paths holding each key, in the order they claimed it.
    private var holders: [Key: [String]] = [:]
    /// Keys held by more than one path.
    private(set) var contested: Set<Key> = []
    /// How many entries have each `updated` instant (seconds since the epoch).
    private var updatedCounts: [Int64: Int] = [:]
    /// How many of those instants more than one entry has.
    private var tiedInstants = 0

    /// True when two entries have the same `updated` instant.
    var hasTiedUpdated: Bool { tiedInstants > 0 }

    /// The paths holding `key`.
    func holders(of key: Key) -> [String] {
        holders[key] ?? []
    }

    /// The keys an entry claims.
    static func keys(of entry: Entry) -> [Key] {
        [.link(entry.link), .id(entry.id)]
    }

    /// Records that `path` holds `entry`'s link, id and `updated`.
    mutating func add(_ entry: Entry, path: String) {
        for key in Self.keys(of: entry) {
            holders[key, default: []].append(path)
            if holders[key]!.count == 2 { contested.insert(key) }
        }
        let count = updatedCounts[entry.updated.secondsSinceEpoch, default: 0] + 1
        updatedCounts[entry.updated.secondsSinceEpoch] = count
        if count == 2 { tiedInstants += 1 }
    }

    /// Forgets that `path` holds `entry`'s link, id and `updated`.
    mutating func remove(_ entry: Entry, path: String) {
        for key in Self.keys(of: entry) {
            guard var paths = holders[key], let position = paths.firstIndex(of: path) else { continue }
            paths.remove(at: position)
            holders[key] = paths.isEmpty ? nil : paths
            if paths.count == 1 { contested.remove(key) }
        }
        let seconds = entry.updated.secondsSinceEpoch
        guard let count = updatedCounts[seconds] else { return }
        updatedCounts[seconds] = count == 1 ? nil : count - 1
        if count == 2 { tiedInstants -= 1 }
    }
}
