import FeedModel

/// The pages of every output of one feed for one split, remembered so that `crier watch` does not plan them
/// again on every save: at 10,000 entries and `limit: 50` that is 600 pages, each with two archive names built
/// character by character.
struct PagePlan: Sendable {
    let outputs: [FeedOutput]
    let split: PageSplit
    let pages: [FeedPage]

    /// Plans the pages: per output, in order, the main feed then its archive pages.
    init(outputs: [FeedOutput], split: PageSplit) {
        self.outputs = outputs
        self.split = split
        pages = outputs.flatMap { FeedPage.pages(for: $0, split: split) }
    }

    /// True when this plan is what `init` would make of these inputs. Names and URLs are compared byte for
    /// byte: `String`'s `==` would let an NFD spelling reuse pages named in NFC, and the bytes would differ.
    func matches(_ outputs: [FeedOutput], split: PageSplit) -> Bool {
        split == self.split && outputs.count == self.outputs.count
            && zip(outputs, self.outputs).allSatisfy { new, old in
                new.format == old.format && Entry.same(new.fileName, old.fileName) && Entry.same(new.url, old.url)
            }
    }
}
