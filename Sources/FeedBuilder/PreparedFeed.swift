public import FeedModel
import Parallel
import Validation
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

    init(
        description: FeedDescription, generator: FeedGenerator, entries: [PreparedEntry], pages: [FeedPage],
        entryIdentities: [UInt64]? = nil, cleanedCount: Int? = nil
    ) {
        self.description = description
        self.generator = generator
        self.entries = entries
        self.pages = pages
        self.entryIdentities = entryIdentities
        self.cleanedCount = cleanedCount ?? entries.count
    }

    /// How many entry fragments are rendered (and validated) concurrently before they are streamed out;
    /// bounds the memory held in fragments to about this many entries' worth, and gives validation
    /// (`AssembledDocumentCheck.batchSize` entries per task) several tasks per core.
    static let windowSize = 1_000

    /// Renders a page, handing its bytes to `sink` in order, a chunk at a time (head, a window of entries, …,
    /// tail), so a feed of any size is never held whole in memory.
    /// - Throws: `PublishError.rendering` when libxml2's writer fails, or whatever `sink` throws.
    public func render(_ page: FeedPage, into sink: ([UInt8]) throws(PublishError) -> Void) throws(PublishError) {
        _ = try render([page], validatingWith: nil) { _, chunk throws(PublishError) in try sink(chunk.bytes) }
    }

    /// Renders pages holding the same entries (one page per format) side by side, a window of entries at a
    /// time for every page before the next window, handing each page's chunks to `sink` with the page's
    /// position in `pages`.
    ///
    /// With a session, every window is validated as it is rendered, and once every page has passed a window
    /// its bodies are forgotten by the session: they appear in no other page of these, so what the session
    /// holds stays one window's worth instead of every body of the feed (at 50,000 entries that was 175 MB of
    /// text kept to the end, and a heap that large made every allocation slower).
    /// - Returns: each page's validation report, nil without a session.
    func render(
        _ pages: [FeedPage], validatingWith session: ValidationSession?,
        into sink: (Int, RenderedChunk) throws(PublishError) -> Void
    ) throws(PublishError) -> [ValidationReport?] {
        guard let range = pages.first?.entryRange else { return [] }
        precondition(pages.allSatisfy { $0.entryRange == range }, "pages rendered side by side hold the same entries")
        var renderers: [any PageRenderer] = []
        var frames: [DocumentFrame] = []
        var checks: [AssembledDocumentCheck] = []
        for (position, page) in pages.enumerated() {
            let renderer = self.renderer(for: page)
            let frame: DocumentFrame
            do {
                frame = try renderer.frame()
            } catch {
                throw PublishError(.rendering(fileName: page.fileName, message: error.description))
            }
            renderers.append(renderer)
            frames.append(frame)
            if let session {
                checks.append(AssembledDocumentCheck(head: frame.head, tail: frame.tail, separator: renderer.separator, session: session))
            }
            try sink(position, RenderedChunk(pieces: [frame.head]))
        }
        let entries = self.entries
        let renderersByPage = renderers
        var windowStart = range.lowerBound
        while windowStart < range.upperBound {
            let windowEnd = min(windowStart + Self.windowSize, range.upperBound)
            // Every page's fragments of the window in one parallel pass, then every page's batches in
            // another: two waits for the slowest task per window instead of two per page.
            let work = pages.indices.flatMap { position in (windowStart..<windowEnd).map { (position, $0) } }
            let rendered: [[UInt8]]
            do throws(RenderingFailure) {
                rendered = try Parallel.map(work[...]) { item throws(RenderingFailure) in
                    do throws(XMLWriterError) {
                        return try renderersByPage[item.0].fragment(for: entries[item.1])
                    } catch {
                        throw RenderingFailure(position: item.0, error: error)
                    }
                }
            } catch {
                throw PublishError(.rendering(fileName: pages[error.position].fileName, message: error.error.description))
            }
            let count = windowEnd - windowStart
            let fragments = pages.indices.map { position in Array(rendered[(position * count)..<((position + 1) * count)]) }
            if session != nil {
                // Each body once, on all cores, before the batches that carry it (in every format) look it up.
                session?.check(htmlBodies: entries[windowStart..<windowEnd].map(\.contentHTML))
                AssembledDocumentCheck.add(fragments, to: &checks)
            }
            for (position, renderer) in renderers.enumerated() {
                try sink(
                    position,
                    RenderedChunk(
                        pieces: fragments[position], separator: renderer.separator,
                        separatorFirst: windowStart > range.lowerBound))
            }
            session?.forgetBodies()
            windowStart = windowEnd
        }
        for position in pages.indices { try sink(position, RenderedChunk(pieces: [frames[position].tail])) }
        return session == nil ? pages.map { _ in nil } : checks.map { $0.finish() }
    }

    /// Renders a page into one byte array, for tests and the micro benchmarks: publishing never holds a
    /// whole document, it streams pages to their temp files (`render(_:into:)`).
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
            return AtomRenderer(
                description: description, generator: generator, page: page, newest: newest,
                needsFallbackAuthor: needsFallbackAuthor)
        case .json:
            return JSONFeedRenderer(description: description, page: page)
        }
    }
}

/// A fragment that failed to render, with the page it belongs to.
private struct RenderingFailure: Error {
    var position: Int
    var error: XMLWriterError
}

/// Consecutive bytes of a document as rendered: pieces (the head, a window's fragments, the tail) with a
/// separator between fragments, joined only by whoever writes them (off the rendering thread).
struct RenderedChunk: Sendable {
    var pieces: [[UInt8]]
    var separator: [UInt8] = []
    /// Whether a separator goes before the first piece too (a window after the first entry).
    var separatorFirst = false

    /// How many bytes the chunk holds.
    var count: Int {
        pieces.reduce(0) { $0 + $1.count } + separator.count * max(0, pieces.count - (separatorFirst ? 0 : 1))
    }

    /// The chunk's bytes in one array.
    var bytes: [UInt8] {
        var joined: [UInt8] = []
        joined.reserveCapacity(count)
        for (index, piece) in pieces.enumerated() {
            if index > 0 || separatorFirst { joined += separator }
            joined += piece
        }
        return joined
    }
}
