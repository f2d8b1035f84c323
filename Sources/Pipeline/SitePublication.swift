public import FeedModel
import Ingest

/// What a site publishes: the title, the feeds (the site's and the derived ones its last publish listed) and the
/// WebSub hubs.
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
    /// Every feed with its kind, title and page, site feed first, as discovery lists them.
    public var catalogue: [PublishedFeed]

    /// Creates a publication; without a catalogue, the feeds are listed as the site's.
    public init(title: String, feeds: [FeedOutput], hubs: [String] = [], catalogue: [PublishedFeed]? = nil) {
        self.title = title
        self.feeds = feeds
        self.hubs = hubs
        self.catalogue = catalogue ?? [PublishedFeed(kind: .site, title: title, pageURL: "", outputs: feeds)]
    }

    /// The publication of a configuration and the feeds a publish listed (its site feed's files, at least,
    /// when the list is empty: before the first publish, or an output folder never published to).
    init(_ config: SiteConfig, catalogue: [PublishedFeed]) {
        let description = config.feedDescription()
        let listed =
            catalogue.isEmpty
            ? [PublishedFeed(kind: .site, title: description.title, pageURL: description.homePageURL, outputs: description.outputs)]
            : catalogue
        self.init(title: config.title, feeds: listed.flatMap(\.outputs), hubs: description.hubs, catalogue: listed)
    }
}
