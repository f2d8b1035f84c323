import FeedModel
import XML

/// Renders JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) with keys in a fixed order.
///
/// `feed_url` is the main feed's URL on archive pages too: JSON Feed uses it as the feed's identity, and
/// pages are linked through `next_url`, from the main feed to the newest archive page and on to older ones.
struct JSONFeedRenderer: PageRenderer {
    let description: FeedDescription
    let page: FeedPage

    var separator: [UInt8] { Array(",\n".utf8) }

    func frame() throws(XMLWriterError) -> DocumentFrame {
        let hubs: [JSONValue] =
            page.isArchive
            ? []
            : description.hubs.map {
                .object([(key: "type", value: .string("WebSub")), (key: "url", value: .string($0))])
            }
        let feed = JSONValue.object(omittingEmpty: [
            "version": .string("https://jsonfeed.org/version/1.1"),
            "title": .string(description.title),
            "home_page_url": .string(description.homePageURL),
            "feed_url": .string(page.currentURL),
            "description": .string(description.subtitle),
            "icon": .text(description.logoURL),
            "favicon": .text(description.iconURL),
            "authors": .array(description.authors.map(Self.person)),
            "language": .text(description.language),
            "hubs": .array(hubs),
            "next_url": .text(page.previousArchiveURL),
        ])
        guard case .object(let members) = feed else { return DocumentFrame(head: [], tail: []) }
        // Written member by member so that `items` can stay open for the streamed entries.
        var head: [UInt8] = Array("{\n".utf8)
        for member in members {
            JSONValue.indent(1, into: &head)
            JSONValue.writeString(member.key, into: &head)
            head += Array(": ".utf8)
            member.value.write(into: &head, level: 1)
            head += Array(",\n".utf8)
        }
        head += Array("  \"items\": [\n".utf8)
        return DocumentFrame(head: head, tail: Array("\n  ]\n}\n".utf8))
    }

    /// One item: the body as `content_html` in full-content feeds; in summary feeds the summary or excerpt as
    /// `content_text`, since JSON Feed 1.1 asks every item for one of the two.
    static func item(for prepared: PreparedEntry, content: ContentMode) -> [UInt8] {
        let entry = prepared.entry
        let item = JSONValue.object(omittingEmpty: [
            "id": .string(entry.id),
            "url": .string(entry.link),
            "title": .string(entry.title),
            "content_html": content == .full ? .string(prepared.contentHTML) : nil,
            "content_text": content == .summary ? .string(prepared.summaryText) : nil,
            "summary": .text(entry.summary),
            "image": .text(entry.imageURL),
            "date_published": .string(entry.published.inUTC.rfc3339),
            "date_modified": .string(entry.updated.inUTC.rfc3339),
            "tags": .array(entry.tags.map(JSONValue.string)),
            "authors": .array(entry.authors.map(Self.person)),
            "language": .text(entry.language),
            "attachments": .array(entry.enclosures.map(Self.attachment)),
        ])
        var bytes: [UInt8] = []
        bytes.reserveCapacity(prepared.contentHTML.utf8.count + 1024)
        JSONValue.indent(2, into: &bytes)
        item.write(into: &bytes, level: 2)
        return bytes
    }

    static func person(_ person: Person) -> JSONValue {
        .object(omittingEmpty: ["name": .string(person.name), "url": .text(person.uri)])
    }

    static func attachment(_ enclosure: Enclosure) -> JSONValue {
        .object(omittingEmpty: [
            "url": .string(enclosure.url),
            "mime_type": .string(enclosure.mimeType),
            "size_in_bytes": enclosure.length > 0 ? .number(enclosure.length) : nil,
        ])
    }
}
