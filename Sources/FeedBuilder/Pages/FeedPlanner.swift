import FeedModel

/// Plans the documents of every feed of a publish: which prepared entries each feed holds, which are too large
/// for its budget, and where its pages are cut.
///
/// Without a budget (`maxBytes`), pages are cut by count alone and nothing is rendered here. With one, the
/// fragment of each of the feed's entries is measured in every format (rendered once into the publish's
/// `FragmentStore`, or its size taken from the `PreparedEntryCache` when an earlier publish measured the same
/// entry), and a page holds what fits in the budget less the largest head and tail any of its documents can
/// have.
struct FeedPlanner {
    let entries: [PreparedEntry]
    let keys: [UInt64]
    /// Sizes measured by earlier publishes, by entry identity; nil without a cache (or its identities).
    let cache: PreparedEntryCache?
    let store: FragmentStore
    let generator: FeedGenerator

    /// The planned feed for a description and its members (prepared positions, newest first; nil for all).
    func plan(_ description: FeedDescription, kind: FeedKind, members: [Int]?) throws(PublishError) -> PlannedFeed {
        let count = members?.count ?? entries.count
        let key = description.outputs.first?.fileName ?? ""
        guard let maxBytes = description.maxBytes else {
            let split = PageSplit.byCount(entryCount: count, limit: description.limit)
            return PlannedFeed(
                kind: kind, description: description, members: members, entryCount: count, pages: pages(key, description.outputs, split))
        }
        // With a cache, a feed cut from the same inputs as last time is cut the same way, and one cut for the same
        // description measures only the entries whose identities moved (`BudgetPlan`).
        let identities = cache.map { _ in members.map { $0.map { keys[$0] } } ?? keys }
        let last = cache?.budgetPlan(for: key)
        if let last, let identities, last.matches(description, generator: generator, members: members, identities: identities) {
            return PlannedFeed(
                kind: kind, description: description, members: last.keptMembers, entryCount: last.entryCount,
                pages: pages(key, description.outputs, last.split), oversized: last.oversized)
        }
        let positions = members ?? Array(0..<count)
        let sizes: [Int]
        let frame: Int
        if let last, let identities, last.isFor(description, generator: generator) {
            let (head, missing, tail) = last.reusableSizes(for: identities)
            sizes = Array(head) + (try entrySizes(description, positions: Array(positions[missing]))) + Array(tail)
            frame = last.frameBound
        } else {
            sizes = try entrySizes(description, positions: positions)
            frame = try frameBound(description)
        }
        let budget = maxBytes - frame
        var kept: [Int] = []
        var keptSizes: [Int] = []
        var oversized: [OversizedEntry] = []
        kept.reserveCapacity(count)
        keptSizes.reserveCapacity(count)
        for index in 0..<count {
            let position = members?[index] ?? index
            if sizes[index] > budget {
                oversized.append(
                    OversizedEntry(
                        entryID: entries[position].entry.id, feedFileName: key, bytes: sizes[index] + maxBytes - budget, maxBytes: maxBytes))
            } else {
                kept.append(position)
                keptSizes.append(sizes[index])
            }
        }
        let split = PageSplit.plan(entryCount: kept.count, limit: description.limit, budget: budget) { keptSizes[$0] }
        let keptMembers: [Int]? = members == nil && oversized.isEmpty ? nil : kept
        if let cache, let identities {
            cache.remember(
                BudgetPlan(
                    description: description, generator: generator, members: members, identities: identities, sizes: sizes,
                    frameBound: frame, keptMembers: keptMembers, entryCount: kept.count, split: split, oversized: oversized),
                for: key)
        }
        return PlannedFeed(
            kind: kind, description: description, members: keptMembers, entryCount: kept.count, pages: pages(key, description.outputs, split),
            oversized: oversized)
    }

    private func pages(_ key: String, _ outputs: [FeedOutput], _ split: PageSplit) -> [FeedPage] {
        cache?.pages(for: key, outputs: outputs, split: split) ?? PagePlan(outputs: outputs, split: split).pages
    }

    /// The bytes each entry at `positions` (prepared positions) adds to a document of the feed, in the largest of
    /// its formats, separator included.
    private func entrySizes(_ description: FeedDescription, positions: [Int]) throws(PublishError) -> [Int] {
        let count = positions.count
        var largest = Array(repeating: 0, count: count)
        guard count > 0 else { return largest }
        for output in description.outputs {
            let variant = FragmentVariant(format: output.format, in: description)
            let index = store.index(of: variant, fileName: output.fileName)
            let separator = output.format == .json ? 2 : 0
            var known = cache?.sizes(of: positions.map { keys[$0] }, variant: variant) ?? Array(repeating: nil, count: count)
            for (offset, position) in positions.enumerated() where known[offset] == nil {
                known[offset] = store.renderedSize(position, variant: index)
            }
            let missing = positions.indices.filter { known[$0] == nil }
            if !missing.isEmpty {
                try store.render(missing.map { (positions[$0], index) })
                var measured: [(UInt64, Int)] = []
                measured.reserveCapacity(missing.count)
                for offset in missing {
                    let size = store.renderedSize(positions[offset], variant: index) ?? 0
                    known[offset] = size
                    measured.append((keys[positions[offset]], size))
                }
                cache?.remember(sizes: measured, variant: variant)
            }
            for offset in 0..<count { largest[offset] = max(largest[offset], (known[offset] ?? 0) + separator) }
        }
        return largest
    }

    /// The largest head and tail, together, any document of the feed can have: its main feed with every link and
    /// its archive pages with the longest page numbers, in the largest of its formats.
    private func frameBound(_ description: FeedDescription) throws(PublishError) -> Int {
        var bound = 0
        let farPage = 99_999_999
        let newest = Timestamp(secondsSinceEpoch: 0)
        for output in description.outputs {
            let archive = FeedPage.archiveName(output.url, page: farPage)
            let pages = [
                FeedPage(
                    format: output.format, role: .current, fileName: output.fileName, url: output.url, currentURL: output.url,
                    previousArchiveURL: archive, isComplete: false, entryRange: 0..<0),
                FeedPage(
                    format: output.format, role: .archive(farPage), fileName: FeedPage.archiveName(output.fileName, page: farPage),
                    url: archive, currentURL: output.url, previousArchiveURL: archive, nextArchiveURL: archive, isComplete: false,
                    entryRange: 0..<0),
            ]
            for page in pages {
                let renderer = PreparedFeed.renderer(
                    for: page, description: description, generator: generator, newest: newest, needsFallbackAuthor: true)
                let frame = try PreparedFeed.frame(of: renderer, fileName: output.fileName)
                // `fh:complete` is one byte longer than the `fh:archive` drawn here.
                bound = max(bound, frame.head.count + frame.tail.count + 1)
            }
        }
        return bound
    }
}
