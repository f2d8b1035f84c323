import FeedModel
import XML

/// Renders RSS 2.0 (https://www.rssboard.org/rss-specification) with the Atom, content, Dublin Core and
/// RFC 5005 feed-history namespaces.
///
/// Plain text (titles, names, categories) is written with `&` and `<` as hexadecimal character references, as
/// the RSS Profile recommends: RSS never says whether a title is text or HTML, and that spelling is how the W3C
/// Feed Validation Service tells text from markup. Readers parse it exactly like `&amp;` and `&lt;`.
struct RSSRenderer: PageRenderer {
    let description: FeedDescription
    let generator: FeedGenerator
    let page: FeedPage
    /// The page's newest entry, whose `updated` becomes `lastBuildDate` (never the build time).
    let newest: Timestamp?

    var separator: [UInt8] { [] }

    func frame() throws(XMLWriterError) -> DocumentFrame {
        try XMLStreamWriter.frame { w throws(XMLWriterError) in
            try w.startElement("rss")
            try w.attribute("version", "2.0")
            try w.attribute("xmlns:atom", Namespace.atom)
            try w.attribute("xmlns:content", Namespace.content)
            try w.attribute("xmlns:dc", Namespace.dublinCore)
            try w.attribute("xmlns:fh", Namespace.feedHistory)
            try w.startElement("channel")
            try w.plainTextElement("title", description.title)
            try w.element("link", description.homePageURL)
            // RSS requires a non-empty description; the title is the least surprising stand-in.
            try w.plainTextElement("description", description.subtitle.isEmpty ? description.title : description.subtitle)
            try w.optionalElement("language", description.language)
            try w.optionalPlainTextElement("copyright", description.rights)
            try w.emptyElement("atom:link", attributes: ["rel": "self", "type": "application/rss+xml", "href": page.url])
            // Archive pages are not subscribed to, so they name no hub; that also keeps a full page's bytes
            // stable when the hub list changes.
            if !page.isArchive {
                for hub in description.hubs {
                    try w.emptyElement("atom:link", attributes: ["rel": "hub", "href": hub])
                }
            } else {
                try w.emptyElement("atom:link", attributes: ["rel": "current", "type": "application/rss+xml", "href": page.currentURL])
            }
            if let previous = page.previousArchiveURL {
                try w.emptyElement("atom:link", attributes: ["rel": "prev-archive", "type": "application/rss+xml", "href": previous])
            }
            if let next = page.nextArchiveURL {
                try w.emptyElement("atom:link", attributes: ["rel": "next-archive", "type": "application/rss+xml", "href": next])
            }
            if page.isComplete {
                try w.emptyElement("fh:complete", attributes: [:])
            } else if page.isArchive {
                try w.emptyElement("fh:archive", attributes: [:])
            }
            try w.plainTextElement("generator", generator.text)
            if let newest {
                try w.element("lastBuildDate", newest.inUTC.rfc822)
            }
            try w.element("docs", "https://www.rssboard.org/rss-specification")
            if let logo = description.logoURL {
                try w.startElement("image")
                try w.element("url", logo)
                try w.plainTextElement("title", description.title)
                try w.element("link", description.homePageURL)
                try w.endElement()
            }
        }
    }

    /// One `item`: the body as `content:encoded` in full-content feeds; only the summary or excerpt, as
    /// `description`, in summary feeds.
    static func item(for prepared: PreparedEntry, variant: FragmentVariant) throws(XMLWriterError) -> [UInt8] {
        let entry = prepared.entry
        let authors = entry.authors.isEmpty ? variant.fallbackAuthors : entry.authors
        return try XMLStreamWriter.fragment { w throws(XMLWriterError) in
            try w.startElement("item")
            try w.plainTextElement("title", entry.title)
            try w.element("link", entry.link)
            try w.element("description", prepared.rssDescription)
            if variant.content == .full {
                // Escaped text, never CDATA: `]]>` in a body cannot end a CDATA section early (FIELD-NOTES).
                try w.element("content:encoded", prepared.contentHTML)
            }
            // Names only, as Dublin Core creators. RSS `author` (an e-mail address) next to them is the same fact
            // twice (the service's DuplicateItemSemantics), and a name is what readers show; Atom and JSON Feed
            // carry the addresses.
            for author in authors {
                try w.plainTextElement("dc:creator", author.name)
            }
            for tag in entry.tags {
                try w.plainTextElement("category", tag)
            }
            if entry.id == entry.link {
                try w.element("guid", entry.id)
            } else {
                try w.element("guid", entry.id, attributes: ["isPermaLink": "false"])
            }
            try w.element("pubDate", entry.published.inUTC.rfc822)
            // Most RSS readers take only one enclosure per item (the W3C validator warns on more); Atom and
            // JSON Feed carry all of them.
            if let enclosure = entry.enclosures.first {
                try w.emptyElement(
                    "enclosure",
                    attributes: [
                        "url": enclosure.url, "length": String(enclosure.length), "type": enclosure.mimeType,
                    ])
            }
            try w.endElement()
        }
    }
}
