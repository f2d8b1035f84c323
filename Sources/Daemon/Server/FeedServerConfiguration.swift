public import FeedModel

/// What the feed server serves and how it listens.
public struct FeedServerConfiguration: Sendable {
    /// The address to listen on; `127.0.0.1` keeps the server local, as behind a reverse proxy.
    public var host: String
    /// The port to listen on; 0 picks a free one (see `FeedServer.listeningPort()`).
    public var port: Int
    /// The site's title, shown on the index page.
    public var siteTitle: String
    /// The published feeds: their file names decide content types and `rel="self"` links.
    public var feeds: [FeedOutput]
    /// WebSub hubs, announced with `Link: <hub>; rel="hub"` on each feed.
    public var hubs: [String]
    /// Every feed with its kind and title, as the index page lists them; empty lists `feeds` as the site's.
    public var catalogue: [PublishedFeed]
    /// `Cache-Control: max-age` in seconds. Feed readers poll anyway; a minute spares the server repeated
    /// fetches by readers that poll aggressively, while an edit still shows within a minute.
    public var maxAgeSeconds: Int
    /// How long a connection may stay idle (including a client that sends its request slowly) before the
    /// server closes it.
    public var idleTimeoutSeconds: Int64
    /// The largest request header section accepted, in bytes. Feed requests are small; a few kilobytes leaves
    /// room for cookies a proxy may add.
    public var maximumHeaderBytes: Int

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        siteTitle: String,
        feeds: [FeedOutput],
        hubs: [String] = [],
        catalogue: [PublishedFeed] = [],
        maxAgeSeconds: Int = 60,
        idleTimeoutSeconds: Int64 = 30,
        maximumHeaderBytes: Int = 16 * 1024
    ) {
        self.host = host
        self.port = port
        self.siteTitle = siteTitle
        self.feeds = feeds
        self.hubs = hubs
        self.catalogue = catalogue
        self.maxAgeSeconds = maxAgeSeconds
        self.idleTimeoutSeconds = idleTimeoutSeconds
        self.maximumHeaderBytes = maximumHeaderBytes
    }
}
