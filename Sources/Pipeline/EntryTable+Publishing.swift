import FeedModel
import Ingest

/// An article left out of the feeds because an older one already has its link or id.
struct WithheldEntry: Equatable {
    /// The article left out.
    var path: String
    /// The older article that keeps the link or id.
    var holder: String
    /// What they share.
    var key: EntryClaims.Key

    /// The report line: both files, what they share, and how to fix it.
    var issue: IngestIssue {
        switch key {
        case .link(let link):
            IngestIssue(
                file: path,
                message: "has the same link as \(holder) (\(link)); \(holder) is older and keeps it, "
                    + "and this article is not published until one of them gets another file name, 'slug', 'link' or permalink")
        case .id(let id):
            IngestIssue(
                file: path,
                message: "has the same id as \(holder) (\(id)); \(holder) is older and keeps it, "
                    + "and this article is not published until one of them gets another file name, date or 'id'")
        }
    }
}

extension EntryTable {
    /// The entries to publish, in feed order, the article path of each, and the articles left out.
    ///
    /// - When articles share a link or an id (a `permalink` without `{path}`, or the same `slug`, `link` or `id`
    ///   in front matter), the oldest (earliest `published`, then the first path) keeps it and the others are
    ///   left out, so no reader merges two articles or opens the wrong one. Fixing either file brings the other
    ///   back on the next build.
    /// - When entries share an `updated` instant, all but the first path are moved on by whole seconds, past
    ///   every instant already taken, so every entry has its own (the W3C Feed Validation Service warns on
    ///   duplicates, and readers that sort by it have no order). Only `updated` moves; `published` stays as the
    ///   article states it.
    ///
    /// Both cost nothing when nothing is shared, the usual case: `values` is returned as it is.
    func publishable() -> (entries: [Entry], paths: [String], withheld: [WithheldEntry]) {
        guard !claims.contested.isEmpty || claims.hasTiedUpdated else { return (values, orderedPaths, []) }
        let withheld = withheldEntries()
        let left = Set(withheld.map(\.path))
        let kept = left.isEmpty ? Array(values.indices) : values.indices.filter { !left.contains(orderedPaths[$0]) }
        let moved = claims.hasTiedUpdated ? updatedInstants(of: kept) : []
        if left.isEmpty && moved.isEmpty { return (values, orderedPaths, withheld) }
        var entries = left.isEmpty ? values : kept.map { values[$0] }
        let paths = left.isEmpty ? orderedPaths : kept.map { orderedPaths[$0] }
        for (index, seconds) in moved { entries[index].updated.secondsSinceEpoch = seconds }
        return (entries, paths, withheld)
    }

    /// The articles that lose a contested link or id to an older one: every article holding a contested key, oldest
    /// first, keeps its keys unless an article before it has taken one of them.
    private func withheldEntries() -> [WithheldEntry] {
        guard !claims.contested.isEmpty else { return [] }
        var involved = Set<String>()
        for key in claims.contested { involved.formUnion(claims.holders(of: key)) }
        let ordered = involved.compactMap { path in self[path].map { (path: path, entry: $0) } }.sorted { left, right in
            let leftSeconds = left.entry.published.secondsSinceEpoch
            let rightSeconds = right.entry.published.secondsSinceEpoch
            return leftSeconds != rightSeconds ? leftSeconds < rightSeconds : left.path < right.path
        }
        var taken: [EntryClaims.Key: String] = [:]
        var withheld: [WithheldEntry] = []
        for (path, entry) in ordered {
            let keys = EntryClaims.keys(of: entry).filter { claims.contested.contains($0) }
            if let key = keys.first(where: { taken[$0] != nil }), let holder = taken[key] {
                withheld.append(WithheldEntry(path: path, holder: holder, key: key))
            } else {
                for key in keys { taken[key] = path }
            }
        }
        return withheld.sorted { $0.path < $1.path }
    }

    /// The new `updated` instant of each entry of `kept` (positions in `values`) that must move, by its index in
    /// `kept`: entries in order of `updated`, then path, each at least one second after the one before.
    ///
    /// Articles dated by the day share instants by the thousand, so this runs on most publishes: the instants are
    /// read once into an array, and paths are compared only between entries with the same one.
    private func updatedInstants(of kept: [Int]) -> [(index: Int, seconds: Int64)] {
        let instants = kept.map { values[$0].updated.secondsSinceEpoch }
        let order = kept.indices.sorted { left, right in
            instants[left] != instants[right] ? instants[left] < instants[right] : orderedPaths[kept[left]] < orderedPaths[kept[right]]
        }
        var moved: [(index: Int, seconds: Int64)] = []
        var previous = Int64.min
        for index in order {
            var seconds = instants[index]
            if seconds <= previous {
                seconds = previous + 1
                moved.append((index, seconds))
            }
            previous = seconds
        }
        return moved
    }
}
