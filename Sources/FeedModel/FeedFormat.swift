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

    /// The format's name and version for people: `RSS 2.0`, `Atom 1.0`, `JSON Feed 1.1` (the versions Crier
    /// writes), as the daemon's index page and the validator's messages show it.
    public var displayName: String {
        switch self {
        case .rss: "RSS 2.0"
        case .atom: "Atom 1.0"
        case .json: "JSON Feed 1.1"
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
