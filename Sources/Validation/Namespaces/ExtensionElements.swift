/// Where an extension element (an element of a known namespace other than the format's own) appears:
/// what is allowed depends on it, as the W3C service's `extension_*` and `itunes_*` mixins say.
enum ExtensionContext: Sendable, Hashable {
    /// RSS 2.0 `channel` (service: `extension_channel` + `itunes_channel`).
    case rssChannel
    /// RSS 1.0 `channel`.
    case rss10Channel
    /// RSS 2.0 `item` (service: `extension_rss20_item` + `itunes_item`).
    case rssItem
    /// RSS 1.0 `item` (service: `extension_rss10_item`).
    case rss10Item
    /// RSS `image` and RSS 1.0 `image`, `textinput` (service: `extension_everywhere`).
    case everywhere
    /// Atom `feed` and `source` (service: `extension_feed` + `itunes_channel`).
    case atomFeed
    /// Atom `entry` (service: `extension_entry` + `itunes_item`).
    case atomEntry
}

/// The handlers of extension elements: Dublin Core, content, iTunes, Media RSS, GeoRSS, Slash, Syndication,
/// Threading, Feed History, Feedburner and the other vocabularies the W3C service checks.
/// (Placeholder: the extensions family fills this in.)
enum ExtensionElements {
    /// The handlers for a child with this key (`dc:creator`) of `parent` in `context`, nil when it is not an
    /// extension element allowed there. May log on `parent` (`DuplicateSemantics`, for instance).
    static func handlers(for key: String, in context: ExtensionContext, parent: ElementHandler) -> [ElementHandler]? {
        nil
    }
}

/// The iTunes podcast checks a channel, feed, item or entry runs once it knows it is a podcast.
/// (Placeholder: the extensions family fills this in.)
enum ITunes {
    /// A channel or Atom feed turned out to be a podcast (service: `itunes_channel.setItunes`).
    static func setItunes(_ value: Bool, onChannel channel: ElementHandler) {
        channel.itunes = channel.itunes || value
    }

    /// A podcast channel's required iTunes elements (service: `itunes_channel.validate`).
    static func validateChannel(_ channel: ElementHandler) {}

    /// An item or entry turned out to be a podcast episode (service: `itunes_item.setItunes`).
    static func setItunes(_ value: Bool, onItem item: ElementHandler) {
        item.itunes = item.itunes || value
    }

    /// An enclosure of an item or entry, checked for a format iTunes plays (service: `itunes_item.setEnclosure`).
    static func noteEnclosure(url: String, in item: ElementHandler) {
        item.enclosureURLs.append(url)
    }
}
