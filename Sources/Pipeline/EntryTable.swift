import FeedModel

/// The site's current entries by article path, also kept as one array ready to publish.
///
/// `crier watch` publishes every entry after every save. Building that array from a dictionary each time
/// (`Array(dictionary.values)`) copied 10,000 entries, a dozen strings each, for one changed article; here a
/// change touches one slot and the array is handed over as it is. Its order is the order of arrival (a
/// removal moves the last entry into the gap), which does not matter: `FeedBuilder.prepare` orders entries
/// by date and id, so the feeds never depend on it.
struct EntryTable {
    /// Every entry, in no particular order.
    private(set) var values: [Entry] = []
    /// The article path of each entry in `values`, same positions.
    private(set) var paths: [String] = []
    /// The position of each path's entry in `values`.
    private var positions: [String: Int] = [:]

    init() {}

    /// How many entries there are.
    var count: Int { values.count }

    /// The entry read from `path`; setting nil removes it.
    subscript(path: String) -> Entry? {
        get { positions[path].map { values[$0] } }
        set {
            if let newValue {
                if let position = positions[path] {
                    values[position] = newValue
                } else {
                    positions[path] = values.count
                    values.append(newValue)
                    paths.append(path)
                }
            } else if let position = positions.removeValue(forKey: path) {
                let last = values.count - 1
                if position != last {
                    values.swapAt(position, last)
                    paths.swapAt(position, last)
                    positions[paths[position]] = position
                }
                values.removeLast()
                paths.removeLast()
            }
        }
    }
}
