import FeedModel
import Foundation
import Platform

/// Everything a page's bytes depend on, so that equal inputs mean byte-identical output.
///
/// A page's bytes come from its links and flags, the feed description and generator, and its prepared
/// entries in order (the newest `updated` and Atom's fallback author are derived from them). Entries are
/// compared by their `PreparedEntryCache` identity, which changes whenever an entry's bytes do. The page's
/// position range is left out on purpose: a new entry shifts every archive page's positions without
/// changing what those pages hold.
struct PageInputs: Sendable, Equatable {
    var format: FeedFormat
    var role: FeedPage.Role
    var fileName: String
    var url: String
    var currentURL: String
    var previousArchiveURL: String?
    var nextArchiveURL: String?
    var isComplete: Bool
    var context: PageContext
    var identities: ArraySlice<UInt64>

    static func == (lhs: PageInputs, rhs: PageInputs) -> Bool {
        lhs.format == rhs.format && lhs.role == rhs.role && lhs.isComplete == rhs.isComplete
            && Entry.same(lhs.fileName, rhs.fileName) && Entry.same(lhs.url, rhs.url)
            && Entry.same(lhs.currentURL, rhs.currentURL)
            && Entry.same(lhs.previousArchiveURL ?? "", rhs.previousArchiveURL ?? "")
            && (lhs.previousArchiveURL == nil) == (rhs.previousArchiveURL == nil)
            && Entry.same(lhs.nextArchiveURL ?? "", rhs.nextArchiveURL ?? "")
            && (lhs.nextArchiveURL == nil) == (rhs.nextArchiveURL == nil)
            && lhs.identities == rhs.identities && lhs.context == rhs.context
    }
}

/// The feed description and generator, shared by every page of a publish, compared byte for byte.
///
/// A class, so the thousands of page records of a site hold one each, and compare it by identity when
/// `PageHistory.context(_:for:)` handed out the same object.
final class PageContext: Sendable, Equatable {
    let description: FeedDescription
    let generator: FeedGenerator
    /// Every field written out (`String(reflecting:)`), so text that is `==` but spelled in another Unicode
    /// normal form still counts as a change.
    let text: String

    init(description: FeedDescription, generator: FeedGenerator) {
        self.description = description
        self.generator = generator
        text = String(reflecting: description) + "\n" + String(reflecting: generator)
    }

    static func == (lhs: PageContext, rhs: PageContext) -> Bool {
        lhs === rhs || (lhs.description == rhs.description && lhs.generator == rhs.generator && Entry.same(lhs.text, rhs.text))
    }
}

extension PreparedFeed {
    /// The inputs of `page` of `feed`, or nil when the entries have no identities (prepared without a cache):
    /// such a page can never be recognised as unchanged.
    func inputs(of page: FeedPage, in feed: PlannedFeed, context: PageContext) -> PageInputs? {
        guard let entryIdentities, entryIdentities.count == entries.count else { return nil }
        let identities: ArraySlice<UInt64> =
            if let members = feed.members { ArraySlice(members[page.entryRange].map { entryIdentities[$0] }) } else {
                entryIdentities[page.entryRange]
            }
        return PageInputs(
            format: page.format, role: page.role, fileName: page.fileName, url: page.url,
            currentURL: page.currentURL, previousArchiveURL: page.previousArchiveURL, nextArchiveURL: page.nextArchiveURL,
            isComplete: page.isComplete, context: context, identities: identities)
    }
}

/// The pages a publisher put on disk (validated) and the file each one left there, by file name.
///
/// A page whose inputs equal those of its last successful publish, and whose file still has the stamp it had
/// when we wrote (or confirmed) it, would render to exactly the bytes on disk, which were validated then; the
/// publisher skips it. Anything uncertain (no record, a failed publish, a file touched by someone else)
/// means no record matches and the page is rendered, validated and compared as usual. Safe to share between
/// threads.
final class PageHistory: @unchecked Sendable {
    /// A class, so looking one up under the lock (on every core, for each of 2,400 pages an update) takes one
    /// reference instead of a copy of its inputs' strings.
    private final class Record: Sendable {
        let inputs: PageInputs
        let stamp: FileStamp

        init(inputs: PageInputs, stamp: FileStamp) {
            self.inputs = inputs
            self.stamp = stamp
        }
    }

    // Guards `records`, `layout` and `contexts`; the unchecked Sendable conformance rests on every access holding it.
    private let lock = NSLock()
    private var records: [String: Record] = [:]
    /// The page names and the list of feeds (`FeedCatalogue.list` bytes) the last successful publish left.
    private var layout: (pages: Set<String>, list: [UInt8])?
    /// The context of each feed (by its first file name) in the latest publish.
    private var contexts: [String: PageContext] = [:]

    /// True when the last successful publish produced exactly these pages and listed exactly these feeds: then
    /// no archive page can have become stale and no feed can have vanished, and the output folder need not be
    /// listed again (at 2,400 documents in 90 folders, that listing was a large part of a `crier watch` update).
    func hasLayout(pages: Set<String>, list: [UInt8]) -> Bool {
        lock.withLock { layout.map { $0.pages == pages && $0.list == list } ?? false }
    }

    /// Remembers the layout of a successful publish; nil forgets it (a publish is under way).
    func remember(layout pages: Set<String>?, list: [UInt8] = []) {
        lock.withLock { layout = pages.map { ($0, list) } }
    }

    /// The context the last publish used for the feed named `key` when it was made of this description and
    /// generator, byte for byte; otherwise a new one, remembered for the next publish.
    ///
    /// Compared field by field (`isIdentical`) before a context is made, since making one writes the description
    /// out (`String(reflecting:)`): once per feed and publish, 31 feeds with sections and tags, that was a large
    /// part of a `crier watch` update's staging.
    func context(description: FeedDescription, generator: FeedGenerator, for key: String) -> PageContext {
        if let last = lock.withLock({ contexts[key] }), last.description.isIdentical(to: description),
            last.generator.isIdentical(to: generator)
        {
            return last
        }
        let context = PageContext(description: description, generator: generator)
        return lock.withLock {
            if let last = contexts[key], last == context { return last }
            contexts[key] = context
            return context
        }
    }

    /// True when `inputs` are those of the last publish of this file and the file on disk is still ours.
    func isUnchanged(_ inputs: PageInputs, stamp: FileStamp?) -> Bool {
        guard let stamp else { return false }
        return lock.withLock {
            guard let record = records[inputs.fileName] else { return false }
            return record.stamp == stamp && record.inputs == inputs
        }
    }

    /// True when `inputs` are those of the last publish of this file, whose file an `OutputObserver` saw
    /// untouched since it was written or last examined: its recorded stamp is trusted without a look.
    func isUnchanged(_ inputs: PageInputs) -> Bool {
        lock.withLock { records[inputs.fileName]?.inputs == inputs }
    }

    /// Forgets a page about to be rendered, so a publish that fails halfway leaves no stale record.
    func forget(_ fileName: String) {
        lock.withLock { records[fileName] = nil }
    }

    /// Remembers that the file at `target` now holds the validated rendering of `inputs`.
    func remember(_ inputs: PageInputs, target: String) {
        guard let stamp = AtomicFile.stamp(of: target) else { return }
        lock.withLock { records[inputs.fileName] = Record(inputs: inputs, stamp: stamp) }
    }

    /// Forgets every page not among `fileNames` (archive pages no longer produced).
    func keepOnly(_ fileNames: Set<String>) {
        lock.withLock {
            records = records.filter { fileNames.contains($0.key) }
        }
    }
}
