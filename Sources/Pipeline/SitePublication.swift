public import FeedModel
import Ingest

/// What a site publishes, as its configuration says: the title, the feeds and the WebSub hubs.
///
/// Enough to serve and announce the feeds (`crier serve`, `crier watch --serve`), and read from `crier.yml`
/// alone, so serving a folder built earlier needs neither the articles nor the state store.
public struct SitePublication: Sendable, Equatable {
    /// The site's title.
    public var title: String
    /// The feeds: format, file name in the output folder and public URL.
    public var feeds: [FeedOutput]
    /// The WebSub hubs to announce and notify.
    public var hubs: [String]

    /// Creates a publication.
    public init(title: String, feeds: [FeedOutput], hubs: [String] = []) {
        self.title = title
        self.feeds = feeds
        self.hubs = hubs
    }

    init(_ config: SiteConfig) {
        let description = config.feedDescription()
        self.init(title: config.title, feeds: description.outputs, hubs: description.hubs)
    }
}
