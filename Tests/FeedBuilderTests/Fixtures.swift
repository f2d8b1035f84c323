import FeedBuilder
import FeedModel
import Foundation
import Testing
import XML

/// Shared sample data and helpers for the FeedBuilder tests.
enum Fixtures {
    static let home = "https://example.org/"

    static func description(
        formats: [FeedFormat] = [.rss, .atom, .json],
        limit: Int? = nil,
        authors: [Person] = [Person(name: "Ada Lovelace", email: "ada@example.org", uri: "https://example.org/ada")],
        hubs: [String] = ["https://hub.example.net/"]
    ) -> FeedDescription {
        FeedDescription(
            title: "Example & Co",
            subtitle: "Notes <from> the lab",
            homePageURL: home,
            language: "en",
            authors: authors,
            iconURL: "https://example.org/icon.png",
            logoURL: "https://example.org/logo.png",
            hubs: hubs,
            outputs: formats.map { FeedOutput(format: $0, fileName: $0.defaultFileName, url: home + $0.defaultFileName) },
            limit: limit,
            rights: "© 2024 Example"
        )
    }

    /// Entry `n` is published `n` days after 2024-01-01 09:30 +01:00.
    static func entry(
        _ n: Int, html: String? = nil, title: String? = nil, authors: [Person] = [],
        summary: String? = nil, tags: [String] = ["swift", "feeds"]
    ) -> Entry {
        let published = Timestamp(CivilTime(year: 2024, month: 1, day: 1, hour: 9, minute: 30), utcOffsetSeconds: 3600)
        let date = Timestamp(secondsSinceEpoch: published.secondsSinceEpoch + Int64(n) * 86_400, utcOffsetSeconds: 3600)
        return Entry(
            id: "tag:example.org,2024:entry-\(n)",
            title: title ?? "Entry \(n)",
            link: "https://example.org/posts/\(n)/",
            published: date,
            updated: Timestamp(secondsSinceEpoch: date.secondsSinceEpoch + 3600, utcOffsetSeconds: 3600),
            authors: authors,
            summary: summary,
            contentHTML: html ?? "<p>Body of entry \(n) with <a href=\"../\(n - 1)/\">a link</a>.</p>",
            tags: tags,
            enclosures: [Enclosure(url: "https://example.org/audio/\(n).mp3", mimeType: "audio/mpeg", length: 1000 + n)]
        )
    }

    static func entries(_ count: Int) -> [Entry] {
        (1...max(1, count)).prefix(count).map { entry($0) }
    }

    /// Renders the main document of a format.
    static func render(_ format: FeedFormat, _ entries: [Entry], description: FeedDescription? = nil) throws -> [UInt8] {
        let feed = try FeedBuilder(description: description ?? Self.description(formats: [format])).prepare(entries)
        let page = try #require(feed.pages.first { $0.format == format && !$0.isArchive })
        return try feed.bytes(of: page)
    }

    static func string(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    static func json(_ bytes: [UInt8]) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(bytes))
        return try #require(object as? [String: Any])
    }

    /// A fresh, empty directory removed by the caller with `FileManager.removeItem`.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("feedbuilder-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func fileNames(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }
}

extension XMLNode {
    /// The text of the first child element with this local name.
    func text(of name: String, namespaceURI: String? = nil) -> String? {
        element(named: name, namespaceURI: namespaceURI)?.textContent
    }
}
