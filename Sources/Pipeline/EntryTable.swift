import FeedBuilder
import FeedModel
import Parallel

/// The site's current entries by article path, also kept as one array in feed order, ready to publish.
///
/// `crier watch` publishes every entry after every save. Building that array from a dictionary each time
/// (`Array(dictionary.values)`) and sorting it copied 10,000 entries, a dozen strings each, for one changed
/// article; here a change moves one entry to its place and the array is handed over as it is, already in
/// the order `FeedBuilder.prepare` would sort it into (which it then only confirms).
struct EntryTable {
    /// Every entry, newest first, equal instants by id (`FeedBuilder.isNewerOrSameTie`).
    private(set) var values: [Entry] = []
    /// The article path of each entry in `values`, same positions.
    private(set) var orderedPaths: [String] = []
    /// Each path's entry, to find its place in `values`.
    private var byPath: [String: Entry] = [:]
    /// Who holds each link, id and `updated` instant (see `publishable()`).
    private(set) var claims = EntryClaims()

    init() {}

    /// A table of entries read from `paths` (same positions; a path given twice keeps its last entry), put
    /// in order by one sort rather than one insertion each.
    ///
    /// Ingest gives paths in ascending order, each once: then no path needs looking up to find its last
    /// entry, and the sort compares the published seconds kept in an array, reaching the entries only for ties.
    init(paths: [String], entries: [Entry]) {
        let count = min(paths.count, entries.count)
        var positions: [Int]
        if zip(paths[..<count], paths[..<count].dropFirst()).allSatisfy({ $0 < $1 }) {
            positions = Array(0..<count)
        } else {
            var last: [String: Int] = [:]
            for position in 0..<count { last[paths[position]] = position }
            positions = Array(last.values)
        }
        let seconds = entries.map(\.published.secondsSinceEpoch)
        // `FeedBuilder.isNewer`, with the positions as the last tie-break.
        positions.sort { left, right in
            if seconds[left] != seconds[right] { return seconds[left] > seconds[right] }
            if entries[left].id != entries[right].id { return entries[left].id < entries[right].id }
            return left < right
        }
        values = positions.map { entries[$0] }
        orderedPaths = positions.map { paths[$0] }
        // The two tables side by side: 10,000 and 20,000 insertions by string at 10,000 articles, a warm build's
        // wait between reading the articles and publishing them.
        let ordered = positions
        let tables = Parallel.map(count: 2) { table -> Table in
            if table == 0 {
                var byPath = [String: Entry](minimumCapacity: ordered.count)
                for position in ordered { byPath[paths[position]] = entries[position] }
                return .byPath(byPath)
            }
            var claims = EntryClaims(capacity: ordered.count)
            for position in ordered { claims.add(entries[position], path: paths[position]) }
            return .claims(claims)
        }
        for table in tables {
            switch table {
            case .byPath(let table): byPath = table
            case .claims(let table): claims = table
            }
        }
    }

    /// One of the tables `init(paths:entries:)` builds.
    private enum Table: Sendable {
        case byPath([String: Entry])
        case claims(EntryClaims)
    }

    /// How many entries there are.
    var count: Int { values.count }

    /// Every article path that has an entry.
    var paths: Dictionary<String, Entry>.Keys { byPath.keys }

    /// The entry read from `path`; setting nil removes it.
    subscript(path: String) -> Entry? {
        get { byPath[path] }
        set {
            if let old = byPath[path] {
                claims.remove(old, path: path)
                if let position = position(of: old, path: path) {
                    values.remove(at: position)
                    orderedPaths.remove(at: position)
                }
            }
            byPath[path] = newValue
            guard let newValue else { return }
            claims.add(newValue, path: path)
            // After every entry that sorts before it or ties with it, so equal keys keep their arrival order.
            let position = firstIndex { FeedBuilder.isNewer(newValue, than: $0) }
            values.insert(newValue, at: position)
            orderedPaths.insert(path, at: position)
        }
    }

    /// The position of `entry` (stored for `path`) in `values`.
    private func position(of entry: Entry, path: String) -> Int? {
        // The first entry that does not sort before it; entries with an equal key (duplicate ids, which
        // `prepare` rejects, but they may be there until fixed) follow, and the path tells them apart.
        var position = firstIndex { !FeedBuilder.isNewer($0, than: entry) }
        while position < values.count && !FeedBuilder.isNewer(entry, than: values[position]) {
            if orderedPaths[position] == path { return position }
            position += 1
        }
        return orderedPaths.firstIndex(of: path)
    }

    /// The first position whose entry satisfies `predicate`, which must be false then true along `values`.
    private func firstIndex(where predicate: (Entry) -> Bool) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if predicate(values[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
