import FeedModel
import Foundation
import Parallel

/// Cleaned entries remembered across publishes, so an entry that has not changed is never cleaned again.
///
/// `crier watch` republishes the whole feed after every edit; cleaning every body again (an HTML parse and
/// a serialisation each) would cost seconds at 10,000 articles. A hit needs an entry identical to the one
/// cleaned before, byte for byte (`Entry.isIdentical(to:)`), not merely equal: `String`'s `==` is canonical
/// equivalence, and a body re-saved in another Unicode normal form must be cleaned again to keep the output
/// byte-identical to a fresh build. Entries not seen in the latest `prepare` are evicted, so the cache never
/// holds more than one site's worth.
///
/// The cache keeps the latest `prepare`'s result itself (entries in feed order, identities, the set of ids)
/// and patches it where the next input differs, found by one merge of the two ordered lists. One edit out of
/// 10,000 then costs one comparison per entry and a replaced element, not 10,000 entries copied into a new
/// dictionary and array (each copy retaining a dozen strings) and the old ones freed.
///
/// Every cleaned entry gets an identity number, unique in the process, that stays the same while the entry
/// is served from the cache; `FeedPublisher` compares pages by these numbers instead of by their text.
/// Safe to share between threads.
public final class PreparedEntryCache: @unchecked Sendable {
    /// What is remembered: the entries of the latest successful `prepare`, cleaned, in its order.
    struct Contents {
        /// The cleaner's text limit the entries were cleaned with; another one empties the cache.
        var textLimit: Int?
        var prepared: [PreparedEntry] = []
        /// Each entry's identity, same positions as `prepared`.
        var identities: [UInt64] = []
        /// Every id in `prepared`, each once: a `prepare` whose ids are not unique changes nothing.
        var ids: Set<String> = []
    }

    /// More added and removed entries than this rebuild the arrays in one pass instead of inserting and
    /// removing in place (each a move of the array's tail).
    static let inPlaceLimit = 32

    // Guards every property below; the unchecked Sendable conformance rests on every access holding it.
    private let lock = NSLock()
    private var contents = Contents()
    /// The pages planned by the latest `pages(for:entryCount:limit:)`.
    private var pagePlan: PagePlan?

    /// Creates an empty cache.
    public init() {}

    /// How many cleaned entries are remembered.
    public var count: Int {
        lock.withLock { contents.prepared.count }
    }

    /// The prepared form of each entry, in order, cleaning only those not remembered; forgets every
    /// remembered entry that is not in `entries`.
    /// - Parameter entries: entries in feed order (`FeedBuilder.newestFirst`).
    /// - Returns: the prepared entries, their identities (same order) and how many were cleaned now; nil,
    ///   with nothing cleaned and the cache as it was, when two entries share an id (canonically equal, as
    ///   `FeedBuilder.duplicateIDs` counts them).
    func prepare(_ entries: [Entry], cleaner: ContentCleaner) -> (entries: [PreparedEntry], identities: [UInt64], cleaned: Int)? {
        // Taken out, so the arrays are uniquely referenced while patched (no copy) and the lock is not held
        // while cleaning; a concurrent `prepare` meanwhile finds the cache empty, which is slower, not wrong.
        var contents = lock.withLock {
            var taken = Contents()
            swap(&taken, &self.contents)
            return taken
        }
        if contents.textLimit != cleaner.textLimit {
            contents = Contents(textLimit: cleaner.textLimit)
        }
        let changes = CacheChanges(from: contents.prepared, to: entries)
        guard let ids = changes.ids(after: contents.ids, entries: entries, remembered: contents.prepared) else {
            let untouched = contents
            lock.withLock { self.contents = untouched }
            return nil
        }
        let toClean = changes.added.map { entries[$0] } + changes.replaced.map { entries[$0.new] }
        let cleaned = Parallel.map(toClean[...]) { PreparedEntry($0, cleaner: cleaner) }
        let first = EntryIdentity.reserve(cleaned.count)
        contents.ids = ids
        changes.apply(cleaned: cleaned, firstIdentity: first, to: &contents)
        let result = (contents.prepared, contents.identities, cleaned.count)
        let committed = contents
        lock.withLock { self.contents = committed }
        return result
    }

    /// The pages of every output for `entryCount` entries, planned again only when the outputs (byte for
    /// byte), the count or the limit differ from the latest call.
    func pages(for outputs: [FeedOutput], entryCount: Int, limit: Int?) -> [FeedPage] {
        if let plan = lock.withLock({ pagePlan }), plan.matches(outputs, entryCount: entryCount, limit: limit) {
            return plan.pages
        }
        let plan = PagePlan(outputs: outputs, entryCount: entryCount, limit: limit)
        lock.withLock { pagePlan = plan }
        return plan.pages
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
