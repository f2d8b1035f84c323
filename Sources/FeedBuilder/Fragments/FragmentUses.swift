/// How many documents of a publish still have to write each fragment, so a fragment is released once the last
/// one has: memory then follows the windows being written, not every entry of every format at once (with
/// `limit: 0`, three documents of 40 MB each).
///
/// Fragments of small main pages stay: they are what the next publish takes over (`CarriedFragments`), and a
/// main page of more than a window could not be carried whole anyway.
struct FragmentUses {
    /// Per variant, per entry position: documents still to write the fragment; `Int.max` for one kept.
    private var counts: [[Int]]

    /// Counts the uses of every fragment the documents hold.
    /// - Parameters:
    ///   - documents: each document's fragments' variant and entry positions.
    ///   - kept: documents whose fragments are never released.
    init(documents: [(variant: Int, positions: [Int])], kept: [Bool], entryCount: Int) {
        let variants = (documents.map(\.variant).max() ?? -1) + 1
        counts = Array(repeating: Array(repeating: 0, count: entryCount), count: variants)
        for (document, keep) in zip(documents, kept) where !keep {
            for position in document.positions { counts[document.variant][position] += 1 }
        }
        for (document, keep) in zip(documents, kept) where keep {
            for position in document.positions { counts[document.variant][position] = Int.max }
        }
    }

    /// Records that these (entry position, variant) pairs were written by one document each.
    /// - Returns: the pairs no document still needs.
    mutating func written(_ pairs: [(position: Int, variant: Int)]) -> [(position: Int, variant: Int)] {
        var done: [(position: Int, variant: Int)] = []
        for pair in pairs where counts[pair.variant][pair.position] != Int.max {
            counts[pair.variant][pair.position] -= 1
            if counts[pair.variant][pair.position] == 0 { done.append(pair) }
        }
        return done
    }
}
