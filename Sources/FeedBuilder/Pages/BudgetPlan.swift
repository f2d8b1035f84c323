import FeedModel

/// How a feed with a size budget was cut the last time it was planned, and from what, so the next publish
/// plans it again only when something it was cut from changed.
///
/// Planning a budgeted feed looks up every entry's fragment size in every format (`FeedPlanner`): 60,000
/// lookups a save at 10,000 articles in sections, for feeds that mostly hold none of the edited entries. The cut
/// depends on nothing but the description and generator (byte for byte: they give the head and tail the budget
/// leaves room for), which prepared positions the feed holds, and those entries' identities (each one stands
/// for a byte-identical prepared entry, hence byte-identical fragments and sizes). When all of these are equal,
/// the result is equal.
struct BudgetPlan: Sendable {
    /// The description and generator written out (`String(reflecting:)`), compared byte for byte.
    var text: String
    /// The feed's members as given to the planner (nil for every entry).
    var members: [Int]?
    /// The identity of each of those entries, in order.
    var identities: [UInt64]
    /// The result: the entries kept, how many, the cut and the entries over the budget.
    var keptMembers: [Int]?
    var entryCount: Int
    var split: PageSplit
    var oversized: [OversizedEntry]

    /// True when a plan from these inputs is this one's result.
    func matches(text: String, members: [Int]?, identities: [UInt64]) -> Bool {
        self.members == members && self.identities == identities && Entry.same(self.text, text)
    }
}
