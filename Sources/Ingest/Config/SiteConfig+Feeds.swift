import FeedModel
import Yams

extension SiteConfig {
    /// `content: full | summary`.
    static func content(_ fields: YAMLFields, _ key: String) throws(YAMLFieldError) -> ContentMode? {
        guard let text = try fields.string(key) else { return nil }
        guard let mode = ContentMode(rawValue: FastText.trimmingSpaces(text).lowercased()) else {
            throw YAMLFieldError(line: fields.line(of: key), key: key, message: "expected full or summary, found \"\(text)\"")
        }
        return mode
    }

    /// `max_bytes`: a number of bytes, 0 for no budget.
    static func maxBytes(_ fields: YAMLFields) throws(YAMLFieldError) -> Int? {
        guard let bytes = try fields.int("max_bytes") else { return nil }
        // Below a few kilobytes not even a feed's head and one short entry fit.
        guard bytes == 0 || bytes >= minimumMaxBytes else {
            throw YAMLFieldError(
                line: fields.line(of: "max_bytes"), key: "max_bytes",
                message: "expected 0 (no budget) or a number of bytes of at least \(minimumMaxBytes), such as 5000000, found \(bytes)")
        }
        return bytes
    }

    /// The smallest `max_bytes` accepted.
    static let minimumMaxBytes = 4_096

    /// `limit`, `content` and `max_bytes` under a family of derived feeds.
    private static func derivedFeed(_ fields: YAMLFields) throws(YAMLFieldError) -> DerivedFeedSettings {
        let limit = try fields.int("limit")
        if let limit, limit < 0 {
            throw YAMLFieldError(line: fields.line(of: "limit"), key: "limit", message: "expected 0 (no limit) or a positive number, found \(limit)")
        }
        return DerivedFeedSettings(limit: limit, content: try content(fields, "content"), maxBytes: try maxBytes(fields))
    }

    /// `sections: false`, or a mapping with `enabled`, `limit`, `content`, `max_bytes` and `folders`.
    static func sections(_ fields: YAMLFields) throws(YAMLFieldError) -> SectionSettings {
        guard let found = fields.entry("sections") else { return SectionSettings() }
        if let enabled = found.value.bool { return SectionSettings(enabled: enabled) }
        return try YAMLFields.under("sections") { () throws(YAMLFieldError) in
            let nested = try YAMLFields(nested: found.value, key: "sections", line: found.line)
            try nested.rejectUnknownKeys(["enabled", "limit", "content", "max_bytes", "folders"])
            var settings = SectionSettings(enabled: try nested.bool("enabled") ?? true, feed: try derivedFeed(nested))
            if let folders = nested.entry("folders") {
                let byFolder = try YAMLFields(nested: folders.value, key: "folders", line: folders.line)
                for (name, value, line) in byFolder.entries {
                    settings.folders[name] = try YAMLFields.under("folders") { () throws(YAMLFieldError) in
                        try sectionOverride(name, value, line: line)
                    }
                }
            }
            return settings
        }
    }

    /// One folder's settings: `false` (no feed), or `title` and `slug`.
    private static func sectionOverride(_ folder: String, _ value: Node, line: Int?) throws(YAMLFieldError) -> SectionOverride {
        if let enabled = value.bool { return SectionOverride(enabled: enabled) }
        return try YAMLFields.under(folder) { () throws(YAMLFieldError) in
            let fields = try YAMLFields(nested: value, key: folder, line: line)
            try fields.rejectUnknownKeys(["enabled", "title", "slug"])
            let slug = try fields.string("slug")
            if let slug, !Slug.isURLSegment(slug) {
                throw YAMLFieldError(
                    line: fields.line(of: "slug"), key: "slug",
                    message: "expected letters, digits, '-', '_', '.' or '~' (one URL segment, not hidden), found \"\(slug)\"")
            }
            return SectionOverride(enabled: try fields.bool("enabled") ?? true, title: try fields.string("title"), slug: slug)
        }
    }

    /// `taxonomies:` naming `tags` (or `categories`), `authors` and `languages`, each `true` or a mapping with
    /// `folder`, `min_entries`, `limit`, `content` and `max_bytes`.
    static func taxonomies(_ fields: YAMLFields) throws(YAMLFieldError) -> [Taxonomy: TaxonomySettings] {
        guard let found = fields.entry("taxonomies") else { return [:] }
        return try YAMLFields.under("taxonomies") { () throws(YAMLFieldError) in
            let nested = try YAMLFields(nested: found.value, key: "taxonomies", line: found.line)
            var taxonomies: [Taxonomy: TaxonomySettings] = [:]
            for (name, value, line) in nested.entries {
                // Every article format reads tags and categories into one list, so `categories` is that list.
                guard let taxonomy = name == "categories" ? .tags : Taxonomy(rawValue: name) else {
                    throw YAMLFieldError(line: line, key: name, message: "unknown taxonomy; expected tags (or categories), authors or languages")
                }
                guard taxonomies[taxonomy] == nil else {
                    throw YAMLFieldError(line: line, key: name, message: "tags and categories are the same list of an article; name only one")
                }
                if let enabled = value.bool {
                    if enabled { taxonomies[taxonomy] = TaxonomySettings(folder: name) }
                    continue
                }
                taxonomies[taxonomy] = try YAMLFields.under(name) { () throws(YAMLFieldError) in
                    try taxonomySettings(name, value, line: line)
                }
            }
            return taxonomies
        }
    }

    private static func taxonomySettings(_ name: String, _ value: Node, line: Int?) throws(YAMLFieldError) -> TaxonomySettings {
        let fields = try YAMLFields(nested: value, key: name, line: line)
        try fields.rejectUnknownKeys(["folder", "min_entries", "limit", "content", "max_bytes"])
        let folder = try fields.string("folder") ?? name
        guard Slug.isURLSegment(folder) else {
            throw YAMLFieldError(
                line: fields.line(of: "folder"), key: "folder",
                message: "expected letters, digits, '-', '_', '.' or '~' (one URL segment, not hidden), found \"\(folder)\"")
        }
        let minimum = try fields.int("min_entries") ?? TaxonomySettings.defaultMinEntries
        guard minimum >= 1 else {
            throw YAMLFieldError(line: fields.line(of: "min_entries"), key: "min_entries", message: "expected 1 or more, found \(minimum)")
        }
        return TaxonomySettings(folder: folder, minEntries: minimum, feed: try derivedFeed(fields))
    }
}
