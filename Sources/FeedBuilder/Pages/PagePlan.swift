import FeedModel

/// The pages of every output for one entry count and limit, remembered so that `crier watch` does not plan
/// them again on every save: at 10,000 entries and `limit: 50` that is 600 pages, each with two archive names
/// built character by character.
struct PagePlan: Sendable {
    let outputs: [FeedOutput]
    let entryCount: Int
    let limit: Int?
    let pages: [FeedPage]

    /// Plans the pages: per output, in order, the main feed then its archive pages.
    init(outputs: [FeedOutput], entryCount: Int, limit: Int?) {
        self.outputs = outputs
        self.entryCount = entryCount
        self.limit = limit
        pages = outputs.flatMap { FeedPage.pages(for: $0, entryCount: entryCount, limit: limit) }
    }

    /// True when this plan is what `init` would make of these inputs. Names and URLs are compared byte for
    /// byte: `String`'s `==` would let an NFD spelling reuse pages named in NFC, and the bytes would differ.
    func matches(_ outputs: [FeedOutput], entryCount: Int, limit: Int?) -> Bool {
        entryCount == self.entryCount && limit == self.limit && outputs.count == self.outputs.count
            && zip(outputs, self.outputs).allSatisfy { new, old in
                new.format == old.format && Entry.same(new.fileName, old.fileName) && Entry.same(new.url, old.url)
            }
    }
}
