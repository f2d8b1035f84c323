/// Where a feed's entries (newest first) are cut into documents: the main feed and its RFC 5005 archive pages.
///
/// The main feed holds the newest entries, at most `limit` of them and, with a size budget, only as many as fit
/// in it. Archive pages are filled from the oldest entry forward, each with at most `limit` entries and what fits
/// in the budget, so a full page keeps the same entries when newer ones arrive: its boundaries depend only on
/// the entries older than its end. Without a budget this is exactly the split by count alone.
struct PageSplit: Sendable, Equatable {
    /// Positions (newest first) held by the main feed.
    var main: Range<Int>
    /// Positions held by each archive page, page 1 (the oldest entries) first.
    var archives: [Range<Int>]
    /// True when the main feed holds every entry and no limit applies (RFC 5005 `fh:complete`).
    var isComplete: Bool

    /// The split of `entryCount` entries by count: the newest `limit` in the main feed, the others in pages of
    /// `limit` from the oldest; no limit puts everything in one complete feed.
    static func byCount(entryCount: Int, limit: Int?) -> PageSplit {
        guard let limit else { return PageSplit(main: 0..<entryCount, archives: [], isComplete: true) }
        let archivedCount = max(0, entryCount - limit)
        let archiveCount = (archivedCount + limit - 1) / limit
        let archives = (0..<archiveCount).map { index in
            // Oldest-first positions index*limit ..< (index+1)*limit, as newest-first positions.
            (entryCount - min((index + 1) * limit, archivedCount))..<(entryCount - index * limit)
        }
        return PageSplit(main: 0..<min(limit, entryCount), archives: archives, isComplete: false)
    }

    /// The split by count and bytes.
    /// - Parameters:
    ///   - entryCount: how many entries the feed holds.
    ///   - limit: most entries per document; nil for no limit.
    ///   - budget: most bytes of entries per document (the document's budget less its head and tail); nil for
    ///     none. Every entry must fit on its own (`size(i) <= budget`).
    ///   - size: the bytes entry `i` adds to a document, its separator included.
    static func plan(entryCount: Int, limit: Int?, budget: Int?, size: (Int) -> Int) -> PageSplit {
        guard let budget else { return byCount(entryCount: entryCount, limit: limit) }
        let most = limit ?? Int.max
        var mainEnd = 0
        var total = 0
        while mainEnd < entryCount && mainEnd < most {
            let next = total + size(mainEnd)
            if next > budget && mainEnd > 0 { break }
            total = next
            mainEnd += 1
        }
        if mainEnd == entryCount {
            return PageSplit(main: 0..<entryCount, archives: [], isComplete: limit == nil)
        }
        var archives: [Range<Int>] = []
        var pageEnd = entryCount
        var position = entryCount
        var count = 0
        total = 0
        while position > mainEnd {
            let bytes = size(position - 1)
            if count > 0 && (count >= most || total + bytes > budget) {
                archives.append(position..<pageEnd)
                pageEnd = position
                count = 0
                total = 0
            }
            total += bytes
            count += 1
            position -= 1
        }
        if count > 0 { archives.append(position..<pageEnd) }
        return PageSplit(main: 0..<mainEnd, archives: archives, isComplete: false)
    }
}
