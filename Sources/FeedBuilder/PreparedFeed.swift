public import FeedModel
import Platform
import XML

/// A publish ready to render: entries checked, ordered newest first and cleaned, and every feed made of them
/// (the site feed first, then the derived ones) planned into pages.
///
/// Fragments are rendered into a `FragmentStore` shared by every feed, so an entry is rendered once per format
/// and content mode however many feeds hold it.
public struct PreparedFeed: Sendable {
    /// The program named in `generator`.
    public let generator: FeedGenerator
    /// Every entry, newest `published` first (ties by id).
    public let entries: [PreparedEntry]
    /// The site feed (every entry), then each derived feed, in the order given to `prepare`.
    public let feeds: [PlannedFeed]
    /// How many entries were cleaned for this feed; the others came from a `PreparedEntryCache`.
    public let cleanedCount: Int
    /// Each entry's identity from the `PreparedEntryCache` (same order as `entries`); nil without a cache.
    /// Equal identities mean byte-identical prepared entries, which lets a publisher recognise a page whose
    /// input has not changed without comparing its text.
    let entryIdentities: [UInt64]?
    /// Each entry's identity for this publish: the cache's, or numbers fresh for this publish without one.
    /// Equal numbers mean byte-identical fragments in the same variant.
    let fragmentKeys: [UInt64]
    /// The fragments rendered so far.
    let store: FragmentStore
    /// The name of each entry's body (`ContentKey.body(of:)`), in the order the entries were given to `prepare`;
    /// nil when prepared without a `PublishMemory`.
    let bodyNames: [ContentName]?

    init(
        generator: FeedGenerator, entries: [PreparedEntry], feeds: [PlannedFeed], store: FragmentStore,
        entryIdentities: [UInt64]?, fragmentKeys: [UInt64], cleanedCount: Int, bodyNames: [ContentName]? = nil
    ) {
        self.bodyNames = bodyNames
        self.generator = generator
        self.entries = entries
        self.feeds = feeds
        self.store = store
        self.entryIdentities = entryIdentities
        self.fragmentKeys = fragmentKeys
        self.cleanedCount = cleanedCount
    }

    /// The site feed's description.
    public var description: FeedDescription { feeds[0].description }

    /// The site feed's documents: per output, the main feed then archive pages 1, 2, … (oldest first).
    public var pages: [FeedPage] { feeds[0].pages }

    /// Every document of every feed, site feed first.
    public var allPages: [FeedPage] { feeds.flatMap(\.pages) }

    /// Entries left out of some feed for being over its budget, site feed first.
    public var oversized: [OversizedEntry] { feeds.flatMap(\.oversized) }

    /// The feed a page belongs to (pages of different feeds never share a file name).
    func feed(of page: FeedPage) -> PlannedFeed? {
        feeds.first { feed in feed.pages.contains { $0.fileName == page.fileName } }
    }

    /// Renders a page, handing its bytes to `sink` in order, a chunk at a time (head, then its entries a window
    /// at a time, then the tail), so a document of any size is never held whole in memory.
    /// - Throws: `PublishError.rendering` when libxml2's writer fails, or whatever `sink` throws.
    public func render(_ page: FeedPage, into sink: ([UInt8]) throws(PublishError) -> Void) throws(PublishError) {
        guard let feed = feed(of: page) else { return }
        let renderer = self.renderer(for: page, in: feed)
        let frame = try Self.frame(of: renderer, fileName: page.fileName)
        try sink(frame.head)
        let variant = store.index(of: FragmentVariant(format: page.format, in: feed.description), fileName: page.fileName)
        let positions = feed.positions(of: page)
        var start = 0
        while start < positions.count {
            let window = positions[start..<min(start + Self.windowSize, positions.count)]
            try store.render(window.map { ($0, variant) })
            let chunk = RenderedChunk(
                pieces: store.fragments(window, variant: variant), separator: renderer.separator, separatorFirst: start > 0)
            try sink(chunk.bytes)
            start += window.count
        }
        try sink(frame.tail)
    }

    /// Renders a page into one byte array, for tests and the micro benchmarks: publishing never holds a
    /// whole document, it streams pages to their temp files.
    public func bytes(of page: FeedPage) throws(PublishError) -> [UInt8] {
        var output: [UInt8] = []
        try render(page) { chunk throws(PublishError) in output += chunk }
        return output
    }

    /// How many entry fragments are validated and streamed out at a time; bounds what the validation session
    /// holds to about this many entries' bodies, and gives validation (`AssembledDocumentCheck.batchSize`
    /// entries per task) several tasks per core.
    static let windowSize = 1_000

    /// The renderer of a page's head and tail.
    func renderer(for page: FeedPage, in feed: PlannedFeed) -> any PageRenderer {
        let positions = feed.positions(of: page)
        // Entries are newest first by `published`; the newest `updated` can belong to any of them.
        let newest = positions.map { entries[$0].entry.updated }.max()
        let needsFallbackAuthor = feed.description.authors.isEmpty && positions.contains { entries[$0].entry.authors.isEmpty }
        return Self.renderer(for: page, description: feed.description, generator: generator, newest: newest, needsFallbackAuthor: needsFallbackAuthor)
    }

    static func renderer(
        for page: FeedPage, description: FeedDescription, generator: FeedGenerator, newest: Timestamp?, needsFallbackAuthor: Bool
    ) -> any PageRenderer {
        switch page.format {
        case .rss:
            RSSRenderer(description: description, generator: generator, page: page, newest: newest)
        case .atom:
            AtomRenderer(
                description: description, generator: generator, page: page, newest: newest, needsFallbackAuthor: needsFallbackAuthor)
        case .json:
            JSONFeedRenderer(description: description, page: page)
        }
    }

    /// The renderer's head and tail, failures named by the page's file.
    static func frame(of renderer: any PageRenderer, fileName: String) throws(PublishError) -> DocumentFrame {
        do {
            return try renderer.frame()
        } catch {
            throw PublishError(.rendering(fileName: fileName, message: error.description))
        }
    }
}

/// Consecutive bytes of a document as rendered: pieces (the head, a window's fragments, the tail) with a
/// separator between fragments, joined only by whoever writes them (off the rendering thread).
struct RenderedChunk: Sendable {
    let pieces: [[UInt8]]
    let separator: [UInt8]
    /// Whether a separator goes before the first piece too (a window after the first entry).
    let separatorFirst: Bool
    /// How many bytes the chunk holds, counted once (a window of a thousand fragments is asked for it twice).
    let count: Int

    init(pieces: [[UInt8]], separator: [UInt8] = [], separatorFirst: Bool = false) {
        self.pieces = pieces
        self.separator = separator
        self.separatorFirst = separatorFirst
        var count = separator.count * max(0, pieces.count - (separatorFirst ? 0 : 1))
        for piece in pieces { count += piece.count }
        self.count = count
    }

    /// The chunk's bytes in one array.
    var bytes: [UInt8] {
        var joined: [UInt8] = []
        append(to: &joined)
        return joined
    }

    /// Appends the chunk's bytes to `buffer`: a writer joining every chunk into one buffer it keeps reuses its
    /// memory, where a fresh array of megabytes per chunk costs a page fault every 4 KB.
    func append(to buffer: inout [UInt8]) {
        buffer.reserveCapacity(buffer.count + count)
        for (index, piece) in pieces.enumerated() {
            if index > 0 || separatorFirst { buffer += separator }
            buffer += piece
        }
    }
}
