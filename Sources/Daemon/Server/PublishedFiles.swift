import FeedModel
import Foundation

/// The allow-list of what the server may send: the feed and archive documents in the output folder, and the
/// list of feeds (`feeds.opml`).
///
/// Built from a listing of the output folder, never from a request's path: a request names a key of this
/// list or gets 404, so traversal (`..`, encoded slashes, absolute paths), symbolic links and anything the
/// publisher leaves around (hidden temp files, lock files, backups) can never be reached.
struct PublishedFiles: Sendable {
    /// How a published document is served.
    struct Document: Sendable, Equatable {
        /// The `Content-Type` header value.
        var contentType: String
        /// The feed this document is, when it is one of the configured feeds (not an archive page).
        var feed: FeedOutput?
    }

    /// Relative path (with `/` separators) to document.
    private(set) var documents: [String: Document] = [:]

    /// How deep archive subfolders are looked into; deep trees are not something the publisher writes.
    private static let maximumDepth = 3

    /// Lists the output folder.
    /// - Parameters:
    ///   - folder: The output folder.
    ///   - feeds: The configured feeds, whose formats decide their content types.
    init(listing folder: URL, feeds: [FeedOutput]) {
        let feedsByName = Dictionary(feeds.map { ($0.fileName, $0) }, uniquingKeysWith: { first, _ in first })
        var pending: [(relative: String, depth: Int)] = [("", 0)]
        let root = folder.standardizedFileURL.path
        while let (relative, depth) = pending.popLast() {
            let path = relative.isEmpty ? root : root + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in names where Self.isPublishable(name: name) {
                let child = relative.isEmpty ? name : relative + "/" + name
                // attributesOfItem does not follow links: a symbolic link is neither a file nor a folder here.
                let type =
                    (try? FileManager.default.attributesOfItem(atPath: root + "/" + child))?[.type]
                    as? FileAttributeType
                if type == .typeDirectory {
                    if depth < Self.maximumDepth { pending.append((child, depth + 1)) }
                } else if type == .typeRegular {
                    if child == Self.opmlName {
                        documents[child] = Document(contentType: "text/x-opml; charset=utf-8", feed: nil)
                    } else if let feed = feedsByName[child] {
                        documents[child] = Document(contentType: feed.format.contentType, feed: feed)
                    } else if let contentType = Self.contentType(ofArchive: root + "/" + child) {
                        documents[child] = Document(contentType: contentType, feed: nil)
                    }
                }
            }
        }
    }

    /// The list of every feed the publisher writes beside them (`FeedCatalogue.opmlName`), served for readers that
    /// import a site's feeds at once.
    static let opmlName = "feeds.opml"

    /// The document published at a path, if any.
    func document(at path: String) -> Document? {
        documents[path]
    }

    /// Whether a name may be served at all: not hidden, not a temp, lock or backup file.
    static func isPublishable(name: String) -> Bool {
        guard !name.isEmpty, !name.hasPrefix("."), !name.hasSuffix("~"), !name.hasPrefix("#") else { return false }
        let lowered = name.lowercased()
        for suffix in [".tmp", ".temp", ".lock", ".swp", ".bak", ".part"] where lowered.hasSuffix(suffix) {
            return false
        }
        return true
    }

    /// The content type of an archive document (RFC 5005 pages are full feeds of the same format): by the
    /// `.json` extension, or for `.xml` by the root element, so an RSS archive is not served as Atom.
    private static func contentType(ofArchive path: String) -> String? {
        if path.hasSuffix(".json") { return FeedFormat.json.contentType }
        guard path.hasSuffix(".xml"), let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        let text = String(decoding: head, as: UTF8.self)
        switch rootElement(of: text) {
        case "rss": return FeedFormat.rss.contentType
        case "feed": return FeedFormat.atom.contentType
        default: return nil
        }
    }

    /// The local name of the first element, skipping the XML declaration, comments and processing instructions.
    private static func rootElement(of text: String) -> String? {
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[rest.index(after: open)...]
            if rest.hasPrefix("?") || rest.hasPrefix("!") {
                guard let close = rest.firstIndex(of: ">") else { return nil }
                rest = rest[rest.index(after: close)...]
                continue
            }
            let name = rest.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            return name.split(separator: ":").last.map(String.init)
        }
        return nil
    }
}
