public import FeedModel

/// The site's settings from `crier.yml`: what the feeds are called, where they live, how dates are read.
///
/// Every field has a default except `title` and `base_url`. See `exampleYAML` for the file format.
public struct SiteConfig: Sendable, Hashable {
    /// The number of entries in the main feed when the file does not say: enough for a reader that was
    /// offline for a while, small enough that the feed stays quick to fetch.
    public static let defaultLimit = 50

    /// The site's title.
    public var title: String
    /// A one-line description of the site.
    public var description: String
    /// The site's absolute http(s) URL, always ending with `/`.
    public var baseURL: String
    /// Where the feed files are published, always ending with `/`; defaults to `baseURL`.
    public var feedBaseURL: String
    /// The site's author, used for entries that name none.
    public var author: Person?
    /// The feed's language (BCP 47), if set.
    public var language: String?
    /// The zone that dates without an offset are read in; UTC unless set.
    public var timeZone: ZoneSetting
    /// How many of the newest entries the main feed holds. 0 means no limit (every entry, `fh:complete`).
    public var limit: Int
    /// The formats to publish, in the order rss, atom, json.
    public var formats: [FeedFormat]
    /// The output file name for each format, in `FeedFormat.allCases` order.
    public var outputs: [FeedFormat: String]
    /// The permalink pattern under `baseURL`, with `{path}`, `{slug}`, `{year}`, `{month}`, `{day}` placeholders.
    public var permalink: String

    /// `/{path}/`: the article's folder below the source and its slug, one URL per file however names repeat
    /// across folders.
    public static let defaultPermalink = "/{path}/"

    /// WebSub hub URLs.
    public var hubs: [String]
    /// Absolute URL of a small square icon.
    public var icon: String?
    /// Absolute URL of a larger logo.
    public var logo: String?
    /// A copyright or licence line.
    public var rights: String?
    /// Whether the site feeds carry full text or summaries.
    public var content: ContentMode
    /// The size budget of every document of the site feeds, in bytes; nil for none.
    public var maxBytes: Int?
    /// The feeds per folder directly under the source folder.
    public var sections: SectionSettings
    /// The taxonomies with feeds of their own, off unless named in `crier.yml`.
    public var taxonomies: [Taxonomy: TaxonomySettings]

    /// The size budget when `max_bytes` is not given: CommaFeed refuses feeds over 5 MB, the lowest limit of
    /// the readers in wide use (Miniflux refuses 15 MB; FeedBurner's 512 KB is a legacy service's), and a main
    /// feed of 50 full-text articles rarely comes near it.
    public static let defaultMaxBytes = 5_000_000

    /// Creates a configuration with defaults for everything but the title and base URL.
    /// `baseURL` and `feedBaseURL` get a trailing `/` if they lack one.
    public init(
        title: String,
        description: String = "",
        baseURL: String,
        feedBaseURL: String? = nil,
        author: Person? = nil,
        language: String? = nil,
        timeZone: ZoneSetting = .utc,
        limit: Int = SiteConfig.defaultLimit,
        formats: [FeedFormat] = FeedFormat.allCases,
        outputs: [FeedFormat: String] = [:],
        permalink: String = SiteConfig.defaultPermalink,
        hubs: [String] = [],
        icon: String? = nil,
        logo: String? = nil,
        rights: String? = nil,
        content: ContentMode = .full,
        maxBytes: Int? = SiteConfig.defaultMaxBytes,
        sections: SectionSettings = SectionSettings(),
        taxonomies: [Taxonomy: TaxonomySettings] = [:]
    ) {
        self.title = title
        self.description = description
        self.baseURL = Self.withTrailingSlash(baseURL)
        self.feedBaseURL = Self.withTrailingSlash(feedBaseURL ?? baseURL)
        self.author = author
        self.language = language
        self.timeZone = timeZone
        self.limit = limit
        self.formats = FeedFormat.allCases.filter(formats.contains)
        self.outputs = Dictionary(uniqueKeysWithValues: FeedFormat.allCases.map { ($0, outputs[$0] ?? $0.defaultFileName) })
        self.permalink = permalink
        self.hubs = hubs
        self.icon = icon
        self.logo = logo
        self.rights = rights
        self.content = content
        self.maxBytes = maxBytes
        self.sections = sections
        self.taxonomies = taxonomies
    }

    /// The FeedModel description of the site: outputs get absolute URLs (`feedBaseURL` + file name), a
    /// `limit` of 0 becomes "no limit".
    public func feedDescription() -> FeedDescription {
        FeedDescription(
            title: title,
            subtitle: description,
            homePageURL: baseURL,
            language: language,
            authors: author.map { [$0] } ?? [],
            iconURL: icon,
            logoURL: logo,
            hubs: hubs,
            outputs: formats.map { format in
                let name = outputs[format] ?? format.defaultFileName
                return FeedOutput(format: format, fileName: name, url: feedBaseURL + name)
            },
            limit: limit == 0 ? nil : limit,
            rights: rights,
            content: content,
            maxBytes: maxBytes
        )
    }

    static func withTrailingSlash(_ url: String) -> String {
        url.hasSuffix("/") ? url : url + "/"
    }
}
