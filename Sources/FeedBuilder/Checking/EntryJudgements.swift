import FeedModel

/// What a document's head tells the validator about its entries: two documents with equal judgements judge a
/// given fragment alike, so a fragment that passed in one need not be checked again in the other.
///
/// The validator judges an entry by its own bytes and by what the document around it says:
/// - the format and the namespaces declared on the root, which the renderer fixes per format (`variant`);
/// - the language the entries inherit (Atom `xml:lang` on the feed, RSS and JSON Feed `language`);
/// - whether the feed names an author: RFC 4287 section 4.1.2 lets an Atom entry go without one only when its
///   feed has one (the W3C service's `MissingElement` on an entry otherwise), and JSON Feed items inherit the
///   feed's `authors` the same way;
/// - for RSS, whether the channel has a `lastBuildDate`, which one item rule consults (`slash:comments`).
///
/// What the heads of a site's feeds otherwise differ in is left out because no entry rule reads it: the title,
/// description and alternate link (text and URLs the entries never refer to), the self, current and archive
/// links and `fh:complete`/`fh:archive` (checked on the feed alone, RFC 5005), the hub links, and the feed's
/// `updated`/`lastBuildDate` value. The self link is also where the validator locates the document, and
/// relative references in entries would resolve against it; Crier writes no `xml:base` and every URL in an
/// entry is absolute (`Entry`), so none does. `DerivedFeedTests.reuseEqualsFromScratch` checks these claims against the validator: for
/// random feeds and documents, the shortcut hides no finding a full check makes.
struct EntryJudgements: Hashable, Sendable {
    let variant: FragmentVariant
    /// The inherited language's bytes (empty for none).
    let language: [UInt8]
    /// The feed names an author (its own or the stand-in the Atom renderer adds).
    let feedHasAuthor: Bool
    /// The document holds an entry, so RSS writes `lastBuildDate`.
    let hasNewestDate: Bool

    init(variant: FragmentVariant, description: FeedDescription, needsFallbackAuthor: Bool, isEmpty: Bool) {
        self.variant = variant
        language = Array((description.language ?? "").utf8)
        feedHasAuthor = !description.authors.isEmpty || (variant.format == .atom && needsFallbackAuthor)
        hasNewestDate = !isEmpty
    }
}
