public import FeedModel
import Foundation

/// How a family of derived feeds (sections, or one taxonomy) is cut and what it carries; each field unset
/// takes the site's value, so `limit: 20` under `sections:` changes only the section feeds.
public struct DerivedFeedSettings: Sendable, Hashable {
    /// Entries in each main feed; 0 for no limit; nil for the site's `limit`.
    public var limit: Int?
    /// Full text or summaries; nil for the site's `content`.
    public var content: ContentMode?
    /// The size budget of each document in bytes; 0 for none; nil for the site's `max_bytes`.
    public var maxBytes: Int?

    /// Creates settings; nil fields take the site's values.
    public init(limit: Int? = nil, content: ContentMode? = nil, maxBytes: Int? = nil) {
        self.limit = limit
        self.content = content
        self.maxBytes = maxBytes
    }
}

/// The section feeds: one per folder directly under the source folder, on unless turned off.
public struct SectionSettings: Sendable, Hashable {
    /// Whether folders become sections at all (`sections: false` turns every one off).
    public var enabled: Bool
    /// Limit, content and budget of every section feed.
    public var feed: DerivedFeedSettings
    /// What `crier.yml` says about single folders, by folder name as on disk.
    public var folders: [String: SectionOverride]

    /// Creates section settings.
    public init(enabled: Bool = true, feed: DerivedFeedSettings = DerivedFeedSettings(), folders: [String: SectionOverride] = [:]) {
        self.enabled = enabled
        self.feed = feed
        self.folders = folders
    }

    /// The override for a folder, compared byte for byte after NFC, so a name typed on one system matches the
    /// folder written by another.
    public func override(for folder: String) -> SectionOverride? {
        if let exact = folders[folder] { return exact }
        let composed = folder.precomposedStringWithCanonicalMapping
        return folders.first { $0.key.precomposedStringWithCanonicalMapping == composed }?.value
    }
}

/// One section's own settings: its feed's title and folder, or no feed at all.
public struct SectionOverride: Sendable, Hashable {
    /// False when this folder gets no feeds (its articles stay in the site feeds).
    public var enabled: Bool
    /// The part after "Site: " in the feed's title; the folder name when nil.
    public var title: String?
    /// The folder of its feeds in the output folder and its page under `base_url`; the folder name when nil.
    public var slug: String?

    /// Creates an override.
    public init(enabled: Bool = true, title: String? = nil, slug: String? = nil) {
        self.enabled = enabled
        self.title = title
        self.slug = slug
    }
}

/// What entries can be grouped by, beyond their folder.
public enum Taxonomy: String, Sendable, Hashable, CaseIterable {
    /// The entry's tags or categories (one list: every article format reads both into it).
    case tags
    /// The entry's authors, or the site's author for entries that name none.
    case authors
    /// The entry's language, or the site's.
    case languages

    /// The kind of feed it makes.
    public var kind: FeedKind {
        switch self {
        case .tags: .tag
        case .authors: .author
        case .languages: .language
        }
    }
}

/// One taxonomy's feeds, turned on in `crier.yml` under `taxonomies:`.
public struct TaxonomySettings: Sendable, Hashable {
    /// The folder its feeds go in, one subfolder per term (`tags` for `OUTPUT/tags/swift/atom.xml`).
    public var folder: String
    /// Fewer entries than this and a term gets no feed: a feed of one article is not worth a subscription.
    public var minEntries: Int
    /// Limit, content and budget of its feeds.
    public var feed: DerivedFeedSettings

    /// The minimum when `min_entries` is not given.
    public static let defaultMinEntries = 2

    /// Creates taxonomy settings.
    public init(folder: String, minEntries: Int = TaxonomySettings.defaultMinEntries, feed: DerivedFeedSettings = DerivedFeedSettings()) {
        self.folder = folder
        self.minEntries = minEntries
        self.feed = feed
    }
}
