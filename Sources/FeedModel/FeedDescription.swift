/// Everything about a feed that is not its entries: the site's title, links, authors and publishing options.
public struct FeedDescription: Sendable, Hashable {
    /// The site's title.
    public var title: String
    /// A one-line description (RSS `description`, Atom `subtitle`, JSON Feed `description`).
    public var subtitle: String
    /// The absolute URL of the site's home page.
    public var homePageURL: String
    /// The language of the feed (BCP 47, such as `en` or `fr-CA`).
    public var language: String?
    /// The site's authors, used for entries that name none.
    public var authors: [Person]
    /// An absolute URL of a small square icon.
    public var iconURL: String?
    /// An absolute URL of a larger logo.
    public var logoURL: String?
    /// WebSub hub URLs; each feed links to them with `rel="hub"`.
    public var hubs: [String]
    /// The formats to publish, each with the file name and absolute URL it is published at.
    public var outputs: [FeedOutput]
    /// How many of the newest entries the main feed holds; older ones go to RFC 5005 archive pages.
    /// `nil` means no limit: the feed holds everything and says so with `fh:complete`.
    public var limit: Int?
    /// A copyright or licence line, if any.
    public var rights: String?
    /// Whether entries carry their full body or only a summary.
    public var content: ContentMode
    /// The largest size, in bytes, of any document of this feed (the main feed and each archive page); entries
    /// that would push a document over it go to the archive pages instead. `nil` means no budget.
    ///
    /// Readers refuse feeds past a size (Miniflux above 15 MB, CommaFeed above 5 MB, FeedBurner above 512 KB).
    public var maxBytes: Int?

    /// Creates a feed description.
    public init(
        title: String,
        subtitle: String = "",
        homePageURL: String,
        language: String? = nil,
        authors: [Person] = [],
        iconURL: String? = nil,
        logoURL: String? = nil,
        hubs: [String] = [],
        outputs: [FeedOutput],
        limit: Int? = nil,
        rights: String? = nil,
        content: ContentMode = .full,
        maxBytes: Int? = nil
    ) {
        self.title = title
        self.subtitle = subtitle
        self.homePageURL = homePageURL
        self.language = language
        self.authors = authors
        self.iconURL = iconURL
        self.logoURL = logoURL
        self.hubs = hubs
        self.outputs = outputs
        self.limit = limit
        self.rights = rights
        self.content = content
        self.maxBytes = maxBytes
    }

    /// The output for a format, if that format is published.
    public func output(for format: FeedFormat) -> FeedOutput? {
        outputs.first { $0.format == format }
    }
}

/// One published feed file: its format, file name in the output folder, and public URL.
public struct FeedOutput: Sendable, Hashable {
    /// The format of the file.
    public var format: FeedFormat
    /// The file name inside the output folder, such as `atom.xml`.
    public var fileName: String
    /// The absolute URL the file is published at: the feed's `self` link.
    public var url: String

    /// Creates an output.
    public init(format: FeedFormat, fileName: String, url: String) {
        self.format = format
        self.fileName = fileName
        self.url = url
    }
}
