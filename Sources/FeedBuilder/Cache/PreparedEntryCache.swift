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
    /// The pages planned for each feed (by its first file name) by the latest `pages(for:outputs:split:)`.
    private var pagePlans: [String: PagePlan] = [:]
    /// How each feed with a size budget (by its first file name) was last cut (`BudgetPlan`).
    private var budgetPlans: [String: BudgetPlan] = [:]
    /// The size of each remembered entry's fragment, per variant, by identity: what a size budget plans with,
    /// so an entry measured once is not rendered again only to be measured.
    private var fragmentSizes: [FragmentVariant: [UInt64: Int]] = [:]
    /// Rendered fragments of remembered entries, kept for the next publish (`CarriedFragments`).
    let carried = CarriedFragments()

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
            carried.forget(contents.identities)
            contents = Contents(textLimit: cleaner.textLimit)
        }
        let changes = CacheChanges(from: contents.prepared, to: entries)
        // Changed in place: `contents` holds the only reference to the set.
        guard changes.update(&contents.ids, entries: entries, remembered: contents.prepared) else {
            let untouched = contents
            lock.withLock { self.contents = untouched }
            return nil
        }
        // Identities leaving the cache: their fragment sizes go with them.
        let retired = changes.removed.map { contents.identities[$0] } + changes.replaced.map { contents.identities[$0.old] }
        // By position: an array of the entries to clean copied (retained) every field of each, 10,000 entries in a
        // new process.
        let toClean = changes.added + changes.replaced.map(\.new)
        let cleaned = Parallel.map(count: toClean.count) { PreparedEntry(entries[toClean[$0]], cleaner: cleaner) }
        let first = EntryIdentity.reserve(cleaned.count)
        changes.apply(cleaned: cleaned, firstIdentity: first, to: &contents)
        let result = (contents.prepared, contents.identities, cleaned.count)
        let committed = contents
        carried.forget(retired)
        lock.withLock {
            self.contents = committed
            if !retired.isEmpty {
                for variant in Array(fragmentSizes.keys) {
                    for identity in retired { fragmentSizes[variant]?[identity] = nil }
                }
            }
        }
        return result
    }

    /// The pages of every output of a feed for a split, planned again only when the outputs (byte for byte) or
    /// the split differ from the latest call for the same feed.
    /// - Parameter key: the feed's name (its first file name).
    func pages(for key: String, outputs: [FeedOutput], split: PageSplit) -> [FeedPage] {
        if let plan = lock.withLock({ pagePlans[key] }), plan.matches(outputs, split: split) {
            return plan.pages
        }
        let plan = PagePlan(outputs: outputs, split: split)
        lock.withLock { pagePlans[key] = plan }
        return plan.pages
    }

    /// Forgets the page plans of feeds no longer published.
    func keepPlans(for keys: Set<String>) {
        lock.withLock {
            pagePlans = pagePlans.filter { keys.contains($0.key) }
            budgetPlans = budgetPlans.filter { keys.contains($0.key) }
        }
    }

    /// The latest cut of a budgeted feed (by its first file name), if any.
    func budgetPlan(for key: String) -> BudgetPlan? {
        lock.withLock { budgetPlans[key] }
    }

    /// Remembers the cut of a budgeted feed.
    func remember(_ plan: BudgetPlan, for key: String) {
        lock.withLock { budgetPlans[key] = plan }
    }

    /// The remembered fragment sizes of entries in a variant, by identity, nil where unknown.
    func sizes(of identities: [UInt64], variant: FragmentVariant) -> [Int?] {
        lock.withLock {
            guard let known = fragmentSizes[variant] else { return Array(repeating: nil, count: identities.count) }
            return identities.map { known[$0] }
        }
    }

    /// Remembers fragment sizes measured in a variant.
    func remember(sizes: [(UInt64, Int)], variant: FragmentVariant) {
        lock.withLock {
            for (identity, size) in sizes { fragmentSizes[variant, default: [:]][identity] = size }
        }
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
