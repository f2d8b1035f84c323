import FeedModel
import Foundation

/// Cleaned entries remembered across publishes, so an entry that has not changed is never cleaned again.
///
/// `crier watch` republishes the whole feed after every edit; cleaning every body again (an HTML parse and
/// a serialisation each) would cost seconds at 10,000 articles. A hit needs an entry identical to the one
/// cleaned before, byte for byte (`Entry.isIdentical(to:)`), not merely equal: `String`'s `==` is canonical
/// equivalence, and a body re-saved in another Unicode normal form must be cleaned again to keep the output
/// byte-identical to a fresh build. Entries not seen in the latest `prepare` are evicted, so the cache never
/// holds more than one site's worth.
///
/// Every cleaned entry gets an identity number, unique in the process, that stays the same while the entry
/// is served from the cache; `FeedPublisher` compares pages by these numbers instead of by their text.
/// Safe to share between threads.
public final class PreparedEntryCache: @unchecked Sendable {
    /// One remembered entry.
    struct Slot {
        var entry: Entry
        var prepared: PreparedEntry
        var identity: UInt64
    }

    // Guards every property below; the unchecked Sendable conformance rests on every access holding it.
    private let lock = NSLock()
    /// By entry id: ids are unique within a publish (`FeedBuilder.prepare` rejects duplicates first).
    private var slots: [String: Slot] = [:]
    /// The cleaner the slots were made with; another one empties the cache.
    private var textLimit: Int?

    /// Creates an empty cache.
    public init() {}

    /// How many cleaned entries are remembered.
    public var count: Int {
        lock.withLock { slots.count }
    }

    /// The prepared form of each entry, in order, cleaning only those not remembered; forgets every
    /// remembered entry that is not in `entries`.
    /// - Returns: the prepared entries, their identities (same order) and how many were cleaned now.
    func prepare(_ entries: [Entry], cleaner: ContentCleaner) -> (entries: [PreparedEntry], identities: [UInt64], cleaned: Int) {
        let remembered: [String: Slot] = lock.withLock {
            if textLimit != cleaner.textLimit {
                slots = [:]
                textLimit = cleaner.textLimit
            }
            return slots
        }
        var found: [Slot?] = []
        found.reserveCapacity(entries.count)
        var missing: [Entry] = []
        var missingPositions: [Int] = []
        for (position, entry) in entries.enumerated() {
            if let slot = remembered[entry.id], slot.entry.isIdentical(to: entry) {
                found.append(slot)
            } else {
                found.append(nil)
                missing.append(entry)
                missingPositions.append(position)
            }
        }
        let cleaned = Concurrently.map(missing[...]) { PreparedEntry($0, cleaner: cleaner) }
        let first = EntryIdentity.reserve(cleaned.count)
        for (offset, position) in missingPositions.enumerated() {
            found[position] = Slot(entry: missing[offset], prepared: cleaned[offset], identity: first + UInt64(offset))
        }
        var next: [String: Slot] = [:]
        next.reserveCapacity(entries.count)
        var prepared: [PreparedEntry] = []
        prepared.reserveCapacity(entries.count)
        var identities: [UInt64] = []
        identities.reserveCapacity(entries.count)
        for slot in found {
            // Every position was filled above: a hit, or a miss cleaned just now.
            guard let slot else { continue }
            next[slot.entry.id] = slot
            prepared.append(slot.prepared)
            identities.append(slot.identity)
        }
        lock.withLock { slots = next }
        return (prepared, identities, cleaned.count)
    }
}

/// Hands out identity numbers for cleaned entries, never the same one twice in a process, so two caches (or
/// a cache emptied and refilled) can never make two different entries look the same.
enum EntryIdentity {
    private final class Counter: @unchecked Sendable {
        // Guards `next`.
        let lock = NSLock()
        var next: UInt64 = 1
    }

    private static let counter = Counter()

    /// The first of `count` fresh, consecutive identities.
    static func reserve(_ count: Int) -> UInt64 {
        counter.lock.withLock {
            let first = counter.next
            counter.next += UInt64(count)
            return first
        }
    }
}
