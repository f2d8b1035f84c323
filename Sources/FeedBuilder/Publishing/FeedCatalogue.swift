public import FeedModel
public import Foundation
import XML

/// The lists of feeds a publish puts beside them: `feeds.opml` for readers and planets, and a hidden list the
/// publisher keeps for itself.
///
/// The hidden list (`.crier-feeds.json`) names every feed the last publish put in the output folder, with its
/// kind, title, page and files. A later publish removes the feeds that are no longer produced (a tag whose last
/// article lost it, a section folder deleted), archive pages included; `crier serve`, which reads no article,
/// learns from it which feeds there are.
public enum FeedCatalogue {
    /// The OPML file's name in the output folder.
    public static let opmlName = "feeds.opml"
    /// The hidden list's name in the output folder (hidden, so never served).
    public static let listName = ".crier-feeds.json"

    /// The feeds the last publish listed in `outputDirectory`, or nil when it holds no list (never published
    /// there by a publisher that keeps one) or an unreadable one.
    public static func read(from outputDirectory: URL) -> [PublishedFeed]? {
        let path = outputDirectory.appendingPathComponent(listName).path
        guard let bytes = try? AtomicFile.contents(of: path), let parsed = try? JSONSerialization.jsonObject(with: Data(bytes)),
            let root = parsed as? [String: Any], let feeds = root["feeds"] as? [[String: Any]]
        else { return nil }
        return feeds.compactMap { feed in
            guard let kind = (feed["kind"] as? String).flatMap(FeedKind.init(rawValue:)), let title = feed["title"] as? String,
                let page = feed["page"] as? String, let outputs = feed["outputs"] as? [[String: Any]]
            else { return nil }
            return PublishedFeed(
                kind: kind, title: title, pageURL: page,
                outputs: outputs.compactMap { output in
                    guard let format = (output["format"] as? String).flatMap(FeedFormat.init(rawValue:)),
                        let file = output["file"] as? String, let url = output["url"] as? String, isSafeRelativePath(file)
                    else { return nil }
                    return FeedOutput(format: format, fileName: file, url: url)
                })
        }
    }

    /// The hidden list's bytes, in a fixed order.
    static func list(_ feeds: [PublishedFeed]) -> [UInt8] {
        let list = JSONValue.object([
            (key: "version", value: .number(1)),
            (
                key: "feeds",
                value: .array(
                    feeds.map { feed in
                        .object([
                            (key: "kind", value: .string(feed.kind.rawValue)),
                            (key: "title", value: .string(feed.title)),
                            (key: "page", value: .string(feed.pageURL)),
                            (
                                key: "outputs",
                                value: .array(
                                    feed.outputs.map { output in
                                        .object([
                                            (key: "format", value: .string(output.format.rawValue)),
                                            (key: "file", value: .string(output.fileName)),
                                            (key: "url", value: .string(output.url)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ])
        var bytes: [UInt8] = []
        list.write(into: &bytes, level: 0)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// `feeds.opml` (OPML 2.0, http://opml.org/spec2.opml): one outline per kind of feed, holding one
    /// subscription outline per feed with its title, feed URL (`xmlUrl`) and page (`htmlUrl`).
    ///
    /// Each feed is listed once, in its preferred format (`PublishedFeed.preferredOutput`): readers and planets
    /// import every `xmlUrl` they find, and three formats of one feed would be three subscriptions to the same
    /// articles. No date is written (`dateCreated` would change the bytes on every build).
    static func opml(title: String, feeds: [PublishedFeed]) throws(XMLWriterError) -> [UInt8] {
        let writer = XMLStreamWriter(indent: true)
        try writer.startDocument()
        try writer.startElement("opml")
        try writer.attribute("version", "2.0")
        try writer.startElement("head")
        try writer.element("title", title)
        try writer.endElement()
        try writer.startElement("body")
        for kind in FeedKind.allCases {
            let members = feeds.filter { $0.kind == kind }
            guard !members.isEmpty else { continue }
            try writer.startElement("outline")
            try writer.attribute("text", kind.groupTitle)
            for feed in members {
                guard let output = feed.preferredOutput else { continue }
                try writer.emptyElement(
                    "outline",
                    attributes: [
                        "type": "rss", "text": feed.title, "title": feed.title, "xmlUrl": output.url, "htmlUrl": feed.pageURL,
                    ])
            }
            try writer.endElement()
        }
        return try writer.finish()
    }

    /// The autodiscovery lines for a page template (`crier build --print-links`): per kind of feed an HTML
    /// comment naming it, then one `<link rel="alternate">` per feed and format, with absolute URLs, so the
    /// lines work on any page of the site. The site's lines go in every page's head, a section's in its pages.
    public static func links(_ feeds: [PublishedFeed]) -> String {
        var lines: [String] = []
        for kind in FeedKind.allCases {
            let members = feeds.filter { $0.kind == kind }
            guard !members.isEmpty else { continue }
            lines.append("<!-- \(kind.groupTitle) -->")
            for feed in members {
                for output in feed.outputs {
                    let type = output.format.contentType.split(separator: ";")[0]
                    lines.append(
                        "<link rel=\"alternate\" type=\"\(type)\" title=\"\(HTMLEscaping.escaped(feed.title))\" "
                            + "href=\"\(HTMLEscaping.escaped(output.url))\">")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A path inside the output folder the list may name: relative, no `..`, `.` or empty segment, no hidden
    /// name. A tampered list can then never make a publish delete or a server send anything outside it.
    static func isSafeRelativePath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/") else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { segment in
            !segment.isEmpty && !segment.hasPrefix(".")
        }
    }
}
