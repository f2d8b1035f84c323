import FeedModel
import Foundation

/// How a new list of entries differs from the remembered one, both in feed order (newest `published` first,
/// equal instants by id): which remembered entries go, which new ones come, and which keep their place in
/// the order but changed.
///
/// Found by one merge of the two lists, comparing sort keys, so an unchanged entry costs one key comparison
/// and one `isIdentical` check and no hashing. A remembered entry is reused only when identical to the new
/// one; every other new entry is listed to be cleaned.
struct CacheChanges {
    /// Positions in the remembered list of entries that are gone, ascending.
    var removed: [Int] = []
    /// Positions in the new list of entries that are not remembered, ascending.
    var added: [Int] = []
    /// Entries in the same place of both lists (same key) whose bytes differ: new and remembered position.
    var replaced: [(new: Int, old: Int)] = []

    init(from remembered: [PreparedEntry], to entries: [Entry]) {
        let entryOffset = MemoryLayout<PreparedEntry>.offset(of: \.entry)
        remembered.withUnsafeBufferPointer { old in
            entries.withUnsafeBufferPointer { new in
                var newIndex = 0
                var oldIndex = 0
                while newIndex < new.count && oldIndex < old.count {
                    if let entryOffset, let newBase = new.baseAddress, let oldBase = old.baseAddress,
                        memcmp(UnsafeRawPointer(oldBase + oldIndex) + entryOffset, newBase + newIndex, MemoryLayout<Entry>.size) == 0
                    {
                        // The same bits: every string and array of the two entries is the same storage, so
                        // they are identical (the entry was kept in memory since the last publish). Decided
                        // without copying either entry out of its array, which retains a dozen strings.
                        newIndex += 1
                        oldIndex += 1
                        continue
                    }
                    switch Self.order(new[newIndex], old[oldIndex].entry) {
                    case .first:
                        added.append(newIndex)
                        newIndex += 1
                    case .second:
                        removed.append(oldIndex)
                        oldIndex += 1
                    case .same:
                        if !old[oldIndex].entry.isIdentical(to: new[newIndex]) {
                            replaced.append((newIndex, oldIndex))
                        }
                        newIndex += 1
                        oldIndex += 1
                    }
                }
                added += newIndex..<new.count
                removed += oldIndex..<old.count
            }
        }
    }

    private enum Order {
        case first, second, same
    }

    /// Where two entries go relative to each other in feed order (`FeedBuilder.isNewer`), `same` for equal
    /// keys: the same instant and ids of the same bytes, or canonically equal ids (neither sorts first).
    private static func order(_ entry: Entry, _ other: Entry) -> Order {
        let left = entry.published.secondsSinceEpoch
        let right = other.published.secondsSinceEpoch
        if left != right { return left > right ? .first : .second }
        // Byte equality first: an id kept in memory is the same storage, recognised without comparing.
        if Entry.same(entry.id, other.id) { return .same }
        if entry.id < other.id { return .first }
        if other.id < entry.id { return .second }
        return .same
    }

    /// Brings the set of ids up to these changes when they are still unique (counted like
    /// `FeedBuilder.duplicateIDs`, by `String` equality) and returns true; else returns false, `ids` untouched.
    ///
    /// In place: a copy of the set to change (10,000 ids) on each of the daemon's updates cost more than the
    /// changes themselves.
    /// - Parameters:
    ///   - ids: the remembered ids, each once.
    ///   - entries: the new list.
    ///   - remembered: the remembered list.
    func update(_ ids: inout Set<String>, entries: [Entry], remembered: [PreparedEntry]) -> Bool {
        var gone = Set<String>(minimumCapacity: removed.count + replaced.count)
        for position in removed { gone.insert(remembered[position].entry.id) }
        for pair in replaced { gone.insert(remembered[pair.old].entry.id) }
        var arriving = Set<String>(minimumCapacity: added.count + replaced.count)
        for position in added + replaced.map(\.new) {
            let id = entries[position].id
            // Used twice among the new ones, or already used by a remembered entry that stays.
            guard arriving.insert(id).inserted, !ids.contains(id) || gone.contains(id) else { return false }
        }
        if gone.count == ids.count {
            ids = arriving
            return true
        }
        for id in gone { ids.remove(id) }
        for id in arriving { ids.insert(id) }
        return true
    }

    /// Patches `contents` into the new list: removes and inserts in place when few entries come and go,
    /// else rebuilds the arrays in one pass; then puts the replaced entries in their places.
    /// - Parameters:
    ///   - cleaned: the added entries cleaned, in `added` order, then the replaced ones in `replaced` order.
    ///   - firstIdentity: the identity of `cleaned[0]`; the others follow consecutively.
    func apply(cleaned: [PreparedEntry], firstIdentity: UInt64, to contents: inout PreparedEntryCache.Contents) {
        if removed.count == contents.prepared.count && replaced.isEmpty {
            // Nothing remembered is kept (the first publish): the cleaned entries are the list.
            contents.prepared = cleaned
            contents.identities = Array(firstIdentity..<firstIdentity + UInt64(cleaned.count))
            return
        }
        if removed.count + added.count <= PreparedEntryCache.inPlaceLimit {
            for position in removed.reversed() {
                contents.prepared.remove(at: position)
                contents.identities.remove(at: position)
            }
            for (offset, position) in added.enumerated() {
                contents.prepared.insert(cleaned[offset], at: position)
                contents.identities.insert(firstIdentity + UInt64(offset), at: position)
            }
        } else {
            rebuild(cleaned: cleaned, firstIdentity: firstIdentity, contents: &contents)
        }
        // Both lists are now aligned, so a replaced entry's new position is its place.
        for (offset, pair) in replaced.enumerated() {
            contents.prepared[pair.new] = cleaned[added.count + offset]
            contents.identities[pair.new] = firstIdentity + UInt64(added.count + offset)
        }
    }

    /// The kept remembered entries with the added ones merged in at their positions.
    private func rebuild(cleaned: [PreparedEntry], firstIdentity: UInt64, contents: inout PreparedEntryCache.Contents) {
        let count = contents.prepared.count - removed.count + added.count
        var prepared: [PreparedEntry] = []
        prepared.reserveCapacity(count)
        var identities: [UInt64] = []
        identities.reserveCapacity(count)
        var nextAdded = 0
        var nextRemoved = 0
        var oldIndex = 0
        for position in 0..<count {
            if nextAdded < added.count && added[nextAdded] == position {
                prepared.append(cleaned[nextAdded])
                identities.append(firstIdentity + UInt64(nextAdded))
                nextAdded += 1
                continue
            }
            while nextRemoved < removed.count && removed[nextRemoved] == oldIndex {
                nextRemoved += 1
                oldIndex += 1
            }
            prepared.append(contents.prepared[oldIndex])
            identities.append(contents.identities[oldIndex])
            oldIndex += 1
        }
        contents.prepared = prepared
        contents.identities = identities
    }
}
