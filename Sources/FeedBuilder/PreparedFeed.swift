public import FeedModel
import XML

/// A feed ready to render: entries checked, ordered newest first and cleaned, pages planned.
public struct PreparedFeed: Sendable {
    /// The feed's description.
    public let description: FeedDescription
    /// The program named in `generator`.
    public let generator: FeedGenerator
    /// Every entry, newest `published` first (ties by id).
    public let entries: [PreparedEntry]
    /// Every document to publish: per output, the main feed then archive pages 1, 2, … (oldest first).
    public let pages: [FeedPage]
    /// How many entries were cleaned for this feed; the others came from a `PreparedEntryCache`.
    public let cleanedCount: Int
    /// Each entry's identity from the `PreparedEntryCache` (same order as `entries`); nil without a cache.
    /// Equal identities mean byte-identical prepared entries, which lets a publisher recognise a page whose
    /// input has not changed without comparing its text.
    let entryIdentities: [UInt64]?

    init(description: FeedDescription, generator: FeedGenerator, entries: [PreparedEntry], pages: [FeedPage],
         entryIdentities: [UInt64]? = nil, cleanedCount: Int? = nil) {
        self.description = description
        self.generator = generator
        self.entries = entries
        self.pages = pages
        self.entryIdentities = entryIdentities
        self.cleanedCount = cleanedCount ?? entries.count
    }

    /// How many entry fragments are rendered concurrently before they are streamed out; bounds the memory
    /// held in fragments to about this many entries' worth.
    static let batchSize = 256

    /// Renders a page, handing its bytes to `sink` in order, a chunk at a time (head, a batch of entries, …,
    /// tail), so a feed of any size is never held whole in memory.
    /// - Throws: `PublishError.rendering` when libxml2's writer fails, or whatever `sink` throws.
    public func render(_ page: FeedPage, into sink: ([UInt8]) throws(PublishError) -> Void) throws(PublishError) {
        let renderer = self.renderer(for: page)
        let frame: DocumentFrame
        do {
            frame = try renderer.frame()
        } catch {
            throw PublishError(.rendering(fileName: page.fileName, message: error.description))
        }
        try sink(frame.head)
        let entries = self.entries
        var batchStart = page.entryRange.lowerBound
        while batchStart < page.entryRange.upperBound {
            let batchEnd = min(batchStart + Self.batchSize, page.entryRange.upperBound)
            let fragments: [[UInt8]]
            do {
                fragments = try Concurrently.map(entries[batchStart..<batchEnd]) { entry throws(XMLWriterError) in
                    try renderer.fragment(for: entry)
                }
            } catch {
                throw PublishError(.rendering(fileName: page.fileName, message: error.description))
            }
            var chunk: [UInt8] = []
            for (offset, fragment) in fragments.enumerated() {
                if batchStart + offset > page.entryRange.lowerBound { chunk += renderer.separator }
                chunk += fragment
            }
            try sink(chunk)
            batchStart = batchEnd
        }
        try sink(frame.tail)
    }

    /// Renders a page into one byte array (tests, the daemon's in-memory serving).
    public func bytes(of page: FeedPage) throws(PublishError) -> [UInt8] {
        var output: [UInt8] = []
        try render(page) { chunk throws(PublishError) in output += chunk }
        return output
    }

    private func renderer(for page: FeedPage) -> any PageRenderer {
        let pageEntries = entries[page.entryRange]
        // Entries are newest first by `published`; the newest `updated` can belong to any of them.
        let newest = pageEntries.map(\.entry.updated).max()
        switch page.format {
        case .rss:
            return RSSRenderer(description: description, generator: generator, page: page, newest: newest)
        case .atom:
            let needsFallbackAuthor = description.authors.isEmpty && pageEntries.contains { $0.entry.authors.isEmpty }
            return AtomRenderer(description: description, generator: generator, page: page, newest: newest,
                                needsFallbackAuthor: needsFallbackAuthor)
        case .json:
            return JSONFeedRenderer(description: description, page: page)
        }
    }
}
