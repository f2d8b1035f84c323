import FeedModel

/// How a feed with a size budget was cut the last time it was planned, and from what, so the next publish
/// plans it again only when something it was cut from changed, and then measures only the entries that did.
///
/// Planning a budgeted feed needs every entry's fragment size in every format (`FeedPlanner`): 30,000 lookups for
/// the site feed of 10,000 articles, another 30,000 for their sections, on every save. The cut depends on nothing
/// but the description and generator (byte for byte: they give the head and tail the budget leaves room for and
/// the variants measured), which prepared positions the feed holds, and those entries' identities (each one
/// stands for a byte-identical prepared entry, hence byte-identical fragments and sizes). When all of these are
/// equal, the result is equal. When only some identities differ (an edit replaces one, a new article inserts
/// one), the sizes of the others are those remembered here: only the run of identities between the longest common
/// beginning and the longest common end is measured again, and the cut is made afresh from the sizes.
struct BudgetPlan: Sendable {
    /// The description and generator the feed was cut for.
    var description: FeedDescription
    var generator: FeedGenerator
    /// The feed's members as given to the planner (nil for every entry).
    var members: [Int]?
    /// The identity of each of those entries, in order.
    var identities: [UInt64]
    /// The bytes each of those entries adds to a document in the largest of the feed's formats, same order.
    var sizes: [Int]
    /// The largest head and tail, together, any document of the feed can have.
    var frameBound: Int
    /// The result: the entries kept, how many, the cut and the entries over the budget.
    var keptMembers: [Int]?
    var entryCount: Int
    var split: PageSplit
    var oversized: [OversizedEntry]

    /// True when the feed was cut for this description and generator, byte for byte: its sizes and frame bound
    /// hold for them.
    func isFor(_ description: FeedDescription, generator: FeedGenerator) -> Bool {
        self.description.isIdentical(to: description) && self.generator.isIdentical(to: generator)
    }

    /// True when a plan from these inputs is this one's result.
    func matches(_ description: FeedDescription, generator: FeedGenerator, members: [Int]?, identities: [UInt64]) -> Bool {
        self.members == members && self.identities == identities && isFor(description, generator: generator)
    }

    /// The remembered sizes that hold for `identities`: those of the longest common beginning and end of the two
    /// lists of identities, and the range of `identities` between them, which must be measured again.
    func reusableSizes(for identities: [UInt64]) -> (head: ArraySlice<Int>, missing: Range<Int>, tail: ArraySlice<Int>) {
        let old = self.identities
        let shorter = min(old.count, identities.count)
        var prefix = 0
        while prefix < shorter && old[prefix] == identities[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < shorter - prefix && old[old.count - 1 - suffix] == identities[identities.count - 1 - suffix] { suffix += 1 }
        return (sizes[..<prefix], prefix..<(identities.count - suffix), sizes[(old.count - suffix)...])
    }
}
