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

    /// The sets of extension elements allowed in this context.
    var scope: ExtensionScope {
        switch self {
        case .rssChannel, .rss10Channel: ExtensionScope.ofRSSChannel
        case .rssItem: ExtensionScope.ofRSSItem
        case .rss10Item: ExtensionScope.ofRSS10Item
        case .everywhere: ExtensionScope.ofImage
        case .atomFeed: ExtensionScope.ofAtomFeed
        case .atomEntry: ExtensionScope.ofAtomEntry
        }
    }
}

/// The sets of extension elements the W3C service allows, one per mixin class of its: a context is the
/// union of the sets its element inherits (an RSS 2.0 item has `extension_rss20_item`, which extends
/// `extension_item`, which extends `extension_channel_item`, which extends `extension_everywhere`).
struct ExtensionScope: OptionSet, Sendable {
    /// One bit per set.
    let rawValue: UInt16

    /// Dublin Core, DCMI terms, RDF, geo positions, OPML owner fields (`extension_everywhere`).
    static let everywhere = ExtensionScope(rawValue: 1 << 0)
    /// `taxo:topics`, `l:link` (`extension_channel_item`).
    static let channelOrItem = ExtensionScope(rawValue: 1 << 1)
    /// Slash, wfw, thr, Google Base, feedburner item links, Media RSS groups... (`extension_item`).
    static let item = ExtensionScope(rawValue: 1 << 2)
    /// Syndication, admin, blogChannel, feedburner, OpenSearch, feed history... (`extension_channel`).
    static let channel = ExtensionScope(rawValue: 1 << 3)
    /// Trackback with full URIs (`extension_rss20_item`).
    static let rss20Item = ExtensionScope(rawValue: 1 << 4)
    /// Trackback as RDF resources, `l:permalink` (`extension_rss10_item`).
    static let rss10Item = ExtensionScope(rawValue: 1 << 5)
    /// Dublin Core for Atom's own fields, `creativeCommons:license`, trackback (`extension_entry`).
    static let entry = ExtensionScope(rawValue: 1 << 6)
    /// Dublin Core for Atom's own fields, `creativeCommons:license`, `access:restriction` (`extension_feed`).
    static let feed = ExtensionScope(rawValue: 1 << 7)
    /// The extension children the service's RSS `channel` class itself takes (`dc:creator`, `dc:date`...).
    static let rssChannel = ExtensionScope(rawValue: 1 << 8)
    /// The extension children the service's RSS `item` class itself takes (`content:encoded`, `dc:date`...).
    static let rssItem = ExtensionScope(rawValue: 1 << 9)
    /// The Dublin Core children RSS `image` and `textInput` take.
    static let image = ExtensionScope(rawValue: 1 << 10)
    /// iTunes channel elements (`itunes_channel`).
    static let itunesChannel = ExtensionScope(rawValue: 1 << 11)
    /// iTunes episode elements (`itunes_item`).
    static let itunesItem = ExtensionScope(rawValue: 1 << 12)
    /// Media RSS elements but groups and contents (`media_elements`), also allowed in those two.
    static let media = ExtensionScope(rawValue: 1 << 13)

    /// What each context allows, computed once: the lookup runs per element.
    static let ofRSSChannel: ExtensionScope = [.everywhere, .media, .channelOrItem, .channel, .rssChannel, .itunesChannel]
    /// RSS 2.0 item.
    static let ofRSSItem: ExtensionScope = [.everywhere, .media, .channelOrItem, .item, .rss20Item, .rssItem, .itunesItem]
    /// RSS 1.0 item.
    static let ofRSS10Item: ExtensionScope = [.everywhere, .media, .channelOrItem, .item, .rss10Item, .rssItem, .itunesItem]
    /// RSS image and text input.
    static let ofImage: ExtensionScope = [.everywhere, .image]
    /// Atom feed and source.
    static let ofAtomFeed: ExtensionScope = [.everywhere, .media, .channelOrItem, .channel, .feed, .itunesChannel]
    /// Atom entry.
    static let ofAtomEntry: ExtensionScope = [.everywhere, .media, .channelOrItem, .item, .entry, .itunesItem]

    /// Whether any of the sets in `other` is allowed (for one set: whether it is); plain bit tests, which the
    /// generic `SetAlgebra` members only become once the optimiser has specialised them.
    @inline(__always) func contains(_ other: ExtensionScope) -> Bool { rawValue & other.rawValue != 0 }

    /// Whether none of the sets in `other` is allowed.
    @inline(__always) func isDisjoint(with other: ExtensionScope) -> Bool { rawValue & other.rawValue == 0 }
}

/// The handlers of extension elements: Dublin Core, content, iTunes, Media RSS, GeoRSS, Slash, Syndication,
/// Threading, Feed History, Feedburner and the other vocabularies the W3C service checks.
///
/// Core handlers (channel, item, feed, entry, image) take their own children first and fall back to this.
/// It runs for every extension element of every entry, so it allocates nothing for a known key: one switch
/// on the prefix, then one on the local name inside the vocabulary's own file.
enum ExtensionElements {
    /// The handlers for a child with this key (`dc:creator`) of `parent` in `context`, nil when it is not an
    /// extension element allowed there. May log on `parent` (`DuplicateSemantics`, for instance).
    static func handlers(for key: String, in context: ExtensionContext, parent: ElementHandler) -> [ElementHandler]? {
        handlers(for: key, scope: context.scope, parent: parent)
    }

    /// The handlers for `key` among the sets in `scope`. `parent` is nil where the service looks the name up
    /// on a fresh object (its `Questionable`), which has no earlier siblings to compare with.
    static func handlers(for key: String, scope: ExtensionScope, parent: ElementHandler?) -> [ElementHandler]? {
        // Scanning UTF-8 code units, not Characters: keys are ASCII in practice and this runs per element.
        guard let colon = key.utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let prefix = key[..<colon]
        var local = key[key.utf8.index(after: colon)...]
        // The service finds `do_slash_hit_parade` for `slash:hit-parade` and `slash:hit_parade` alike.
        if local.utf8.contains(UInt8(ascii: "-")) { local = Substring(local.replacing("-", with: "_")) }
        let element = ExtensionElement(key: key, local: local, scope: scope, parent: parent)
        switch prefix {
        case "dc": return DublinCore.elements(element)
        case "dcterms": return DublinCore.terms(element)
        case "content": return ContentModule.elements(element)
        case "itunes": return ITunes.elements(element)
        case "media": return MediaRSS.elements(element)
        case "rdf", "rdfs": return RDFTerms.elements(element, rdfs: prefix == "rdfs")
        case "geo", "georss", "geourl", "icbm": return GeoRSS.elements(element, prefix: prefix)
        case "opml": return OPMLOwner.elements(element)
        case "sy": return Syndication.elements(element)
        case "slash": return Slash.elements(element)
        case "wfw": return CommentAPI.elements(element)
        case "thr": return Threading.elements(element)
        case "fh": return FeedHistory.elements(element)
        case "cc", "creativeCommons": return CreativeCommons.elements(element, rdf: prefix == "cc")
        case "feedburner": return Feedburner.elements(element)
        case "trackback": return Trackback.elements(element)
        case "admin": return Admin.elements(element)
        case "blogChannel": return BlogChannel.elements(element)
        case "ag": return Aggregation.elements(element)
        case "annotate": return Annotation.elements(element)
        case "ev": return Events.elements(element)
        case "foaf": return FOAF.elements(element)
        case "l": return LinkModule.elements(element)
        case "taxo": return Taxonomy.elements(element)
        case "wiki": return Wiki.elements(element)
        case "cp": return ChangedPage.elements(element)
        case "g": return GoogleBase.elements(element)
        case "access": return Access.elements(element)
        case "cf": return CommonFeed.elements(element)
        case "sx": return FeedSync.elements(element)
        case "xhtml": return XHTMLInFeeds.elements(element)
        case "opensearch", "opensearch10": return OpenSearch.elements(element, version11: prefix == "opensearch")
        case "conversationsNetwork": return ConversationsNetwork.elements(element)
        default: return nil
        }
    }
}

/// One extension child being looked up: what a vocabulary's switch needs to pick its handlers.
struct ExtensionElement {
    /// The child's key as the document spells it (`slash:hit-parade`).
    let key: String
    /// The local name with `-` read as `_` (`hit_parade`), as the service's method names have it.
    let local: Substring
    /// The sets of elements allowed where the child appears.
    let scope: ExtensionScope
    /// The element the child is in; nil for a lookup without siblings (`Questionable`).
    let parent: ElementHandler?

    /// Whether the parent has already had a child with this key.
    func parentHas(_ sibling: String) -> Bool {
        parent?.children.contains(sibling) ?? false
    }

    /// Logs on the parent (as the service's `do_` methods log on `self`), at the child's start tag.
    func log(_ rule: Rule, _ message: String) {
        parent?.log(rule, message)
    }

    /// `DuplicateSemantics`: the parent already has the core element meaning the same as this one.
    func warnDuplicate(core: String, of rule: Rule = .duplicateSemantics) {
        if parentHas(core) {
            log(rule, "\(key) says what \(core) in \(parent?.name ?? "") already says; use one of them")
        }
    }
}
