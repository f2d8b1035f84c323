/// The syndication formats Crier publishes.
public enum FeedFormat: String, Sendable, Hashable, CaseIterable, Codable {
    /// RSS 2.0.
    case rss
    /// Atom 1.0 (RFC 4287).
    case atom
    /// JSON Feed 1.1.
    case json

    /// The HTTP `Content-Type` a server should send for a document of this format.
    public var contentType: String {
        switch self {
        case .rss: "application/rss+xml; charset=utf-8"
        case .atom: "application/atom+xml; charset=utf-8"
        case .json: "application/feed+json; charset=utf-8"
        }
    }

    /// The file name used when the configuration does not name one.
    public var defaultFileName: String {
        switch self {
        case .rss: "rss.xml"
        case .atom: "atom.xml"
        case .json: "feed.json"
        }
    }
}
