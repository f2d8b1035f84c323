import FeedModel
import XML

/// Renders one entry's fragment (an RSS `item`, an Atom `entry`, a JSON Feed item) for a `FragmentVariant`.
///
/// Pure and free of libxml2 state between calls, so fragments render concurrently; what a fragment holds
/// depends only on the entry and the variant, never on the page or feed it ends up in.
struct FragmentRenderer: Sendable {
    let variant: FragmentVariant

    func fragment(for prepared: PreparedEntry) throws(XMLWriterError) -> [UInt8] {
        switch variant.format {
        case .rss: try RSSRenderer.item(for: prepared, variant: variant)
        case .atom: try AtomRenderer.entry(for: prepared, content: variant.content)
        case .json: JSONFeedRenderer.item(for: prepared, content: variant.content)
        }
    }
}
