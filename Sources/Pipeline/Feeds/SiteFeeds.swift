public import FeedBuilder
public import FeedModel
public import Ingest

/// The feeds a site derives from its entries for one publish: a feed per section (folder directly under the
/// source folder) and, when `crier.yml` turns them on, per tag, author and language.
///
/// Every derived feed lives in a folder of its own in the output folder (`sport/`, `tags/c-plus-plus/`), with
/// the site's file names, its own title ("Site: Sport"), self link, page, archives and hubs. The feeds come
/// out in a fixed order (sections, tags, authors, languages, each by folder), so `feeds.opml` and the publish
/// do not depend on the order articles were read in.
///
/// Kept by a `Site` across publishes: the normalised form of every tag, name and language seen is remembered,
/// so `crier watch` does not fold the case of 10,000 articles' tags again on every save; and so is what the last
/// feeds were derived from (`DerivedBasis`): a save that changes no entry's path, tags, authors or language (a
/// body or title edited) gets the last feeds back as they were, the very values, without grouping anything again.
public final class SiteFeeds {
    private let config: SiteConfig
    /// The configuration file's name, for errors.
    private let configName: String
    /// Each term as written to its grouping key (NFC, lower case, spaces collapsed).
    private var keys: [String: String] = [:]
    /// What `last` was derived from.
    private var basis = DerivedBasis()
    /// The feeds of the last successful `derived`; nil before it, or after it threw.
    private var last: [DerivedFeed]?
    /// The description of each feed made so far, by its folder, with the title and language it was made for: a
    /// feed made again with the same ones gets the same value (the same storage), which the publisher recognises by identity.
    private var made: [String: (title: String, language: String?, description: FeedDescription)] = [:]

    /// The site feed's description (`SiteConfig.feedDescription()`), made once: the same value on every publish.
    public let siteDescription: FeedDescription

    /// Creates a planner for a configuration.
    /// - Parameter configName: the configuration file's name, named by errors.
    public init(config: SiteConfig, configName: String = "crier.yml") {
        self.config = config
        self.configName = configName
        siteDescription = config.feedDescription()
    }

    /// The derived feeds of `entries`, read from `paths` (same positions, relative to the source folder).
    /// - Throws: `ConfigError` naming the folder or key when a section cannot be a URL segment or two feeds
    ///   would share a folder.
    public func derived(_ entries: [Entry], paths: [String]) throws(ConfigError) -> [DerivedFeed] {
        if basis.update(entries, paths: paths), let last { return last }
        last = nil
        let feeds = try derivedAfresh(entries, paths: paths)
        last = feeds
        return feeds
    }

    /// `derived`, grouping every entry.
    func derivedAfresh(_ entries: [Entry], paths: [String]) throws(ConfigError) -> [DerivedFeed] {
        var feeds: [(folder: String, feed: DerivedFeed)] = []
        var owners: [String: String] = [:]
        // Names in the output folder that are not feed folders: the site's files and the list of feeds.
        for output in config.feedDescription().outputs { owners[output.fileName.lowercased()] = "the site feed \(output.fileName)" }
        owners[FeedCatalogue.opmlName] = "the list of feeds"
        for taxonomy in Taxonomy.allCases {
            guard let settings = config.taxonomies[taxonomy] else { continue }
            try claim(settings.folder, by: "the \(taxonomy.rawValue) feeds", key: "taxonomies.\(taxonomy.rawValue).folder", in: &owners)
        }
        for section in try sections(entries, paths: paths) {
            try claim(
                section.folder, by: "the section feeds of folder '\(section.name)'", key: "sections.folders.\(section.name).slug",
                in: &owners)
            feeds.append(
                (
                    section.folder,
                    makeFeed(.section, title: section.title, folder: section.folder, settings: config.sections.feed, members: section.members)
                ))
        }
        for taxonomy in Taxonomy.allCases {
            guard let settings = config.taxonomies[taxonomy] else { continue }
            for term in terms(of: taxonomy, in: entries) where term.members.count >= settings.minEntries {
                let folder = settings.folder + "/" + term.slug
                let feed = makeFeed(
                    taxonomy.kind, title: term.title, folder: folder, settings: settings.feed, members: term.members,
                    language: taxonomy == .languages ? term.key : nil)
                feeds.append((folder, feed))
            }
        }
        return feeds.map(\.feed)
    }

    /// Records that `folder` holds `owner`'s feeds, or throws naming the key to change when it is taken.
    private func claim(_ folder: String, by owner: String, key: String, in owners: inout [String: String]) throws(ConfigError) {
        // Compared without case: on a case-insensitive disk (macOS, Windows shares) `Sport/` and `sport/` are one.
        let name = folder.lowercased()
        if let holder = owners[name] {
            throw ConfigError(
                file: configName, key: key,
                message: "\(owner) would go in '\(folder)/' in the output folder, where \(holder) already goes; give one of them another name")
        }
        owners[name] = owner
    }

    /// One section: the folder as on disk, its feed's folder and title, and its entries.
    private struct Section {
        var name: String
        var folder: String
        var title: String
        var members: [Int]
    }

    /// The sections holding entries, by feed folder.
    private func sections(_ entries: [Entry], paths: [String]) throws(ConfigError) -> [Section] {
        guard config.sections.enabled else { return [] }
        var members: [String: [Int]] = [:]
        for (position, path) in paths.enumerated() where position < entries.count {
            guard let name = Self.topFolder(of: path) else { continue }
            members[name, default: []].append(position)
        }
        var sections: [Section] = []
        for (name, positions) in members {
            let override = config.sections.override(for: name)
            if override?.enabled == false { continue }
            let folder = override?.slug ?? name
            guard Slug.isURLSegment(folder) else {
                throw ConfigError(
                    file: configName, key: "sections.folders",
                    message: "folder '\(name)' cannot name a section feed's folder and URL as it is (only letters, digits, '-', '_', '.' "
                        + "and '~'); give it a slug (sections: folders: \(name): slug: …) or turn it off (sections: folders: \(name): false)")
            }
            sections.append(Section(name: name, folder: folder, title: override?.title ?? name, members: positions))
        }
        return sections.sorted { Array($0.folder.utf8).lexicographicallyPrecedes(Array($1.folder.utf8)) }
    }

    /// The first folder of a relative path, nil for a file at the top.
    ///
    /// Runs for every article on every save: a path that is ASCII up to the character after its first `/` is
    /// cut there by bytes (no grapheme breaking, and an ASCII key hashes without normalising); any other path
    /// is cut by `Character`, as always, so a `/` that a following combining mark turns into another character
    /// still does not count as a separator.
    static func topFolder(of path: String) -> String? {
        let utf8 = path.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            if byte >= 0x80 { break }
            if byte == UInt8(ascii: "/") {
                let next = utf8.index(after: index)
                guard next == utf8.endIndex || utf8[next] < 0x80 else { break }
                return String(path[..<index])
            }
            index = utf8.index(after: index)
        }
        if index == utf8.endIndex { return nil }
        guard let slash = path.firstIndex(of: "/") else { return nil }
        return String(path[..<slash])
    }

    /// One term of a taxonomy (a tag, an author, a language): its grouping key, slug, title and entries.
    private struct Term {
        var key: String
        var slug: String
        var title: String
        var members: [Int]
    }

    /// Every term of a taxonomy among the entries, by slug; the members of each in feed order.
    private func terms(of taxonomy: Taxonomy, in entries: [Entry]) -> [Term] {
        var members: [String: [Int]] = [:]
        var spellings: [String: [String: Int]] = [:]
        let siteAuthor = config.author.map { [$0] } ?? []
        for (position, entry) in entries.enumerated() {
            let written: [String] =
                switch taxonomy {
                case .tags: entry.tags
                case .authors: (entry.authors.isEmpty ? siteAuthor : entry.authors).map(\.name)
                case .languages: [entry.language ?? config.language].compactMap { $0 }
                }
            for text in written {
                let key = self.key(of: text)
                guard !key.isEmpty else { continue }
                // An entry tagged `Swift` and `swift` is in that feed once.
                if members[key]?.last != position { members[key, default: []].append(position) }
                spellings[key, default: [:]][text, default: 0] += 1
            }
        }
        let slugs = Self.slugs(for: Array(members.keys), taxonomy: taxonomy)
        let terms = members.map { key, positions in
            Term(key: key, slug: slugs[key] ?? key, title: Self.title(spellings[key] ?? [:]), members: positions)
        }
        return terms.sorted { Array($0.slug.utf8).lexicographicallyPrecedes(Array($1.slug.utf8)) }
    }

    /// The grouping key of a term: NFC, lower case, runs of white space as one space, trimmed.
    private func key(of text: String) -> String {
        if let known = keys[text] { return known }
        let words = text.precomposedStringWithCanonicalMapping.lowercased().split(whereSeparator: \.isWhitespace)
        let key = words.joined(separator: " ")
        keys[text] = key
        return key
    }

    /// The spelling most entries use, ties to the first in byte order, so the title does not depend on the order
    /// articles were read in.
    private static func title(_ spellings: [String: Int]) -> String {
        spellings.max { left, right in
            left.value != right.value ? left.value < right.value : Array(left.key.utf8).lexicographicallyPrecedes(Array(right.key.utf8)) == false
        }?.key ?? ""
    }

    /// Each key's slug: `Slug.term`, and where two keys would share one, a suffix from the key's own hash for every
    /// key but the one already spelt like the slug (`c-plus-plus` the tag keeps `c-plus-plus`; `C++` becomes
    /// `c-plus-plus-3fa2c1`). The suffix depends on the key alone, so it is the same whatever other terms exist; a
    /// term spelt like its slug never moves, and another moves only when a term with the same slug comes or goes.
    public static func slugs(for keys: [String], taxonomy: Taxonomy) -> [String: String] {
        var bySlug: [String: [String]] = [:]
        var slugs: [String: String] = [:]
        for key in keys {
            var slug = taxonomy == .languages && Slug.isURLSegment(key) ? key : Slug.term(key)
            if slug.isEmpty { slug = "term-" + hash(of: key) }
            slugs[key] = slug
            bySlug[slug, default: []].append(key)
        }
        for (slug, sharing) in bySlug where sharing.count > 1 {
            for key in sharing where key != slug { slugs[key] = slug + "-" + hash(of: key) }
        }
        return slugs
    }

    /// Six hexadecimal digits of the FNV-1a hash of a key's UTF-8 bytes: short, and the same on every machine.
    static func hash(of key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let digits = String(hash & 0xFF_FFFF, radix: 16)
        return String(repeating: "0", count: 6 - digits.count) + digits
    }

    /// A derived feed in `folder`, from the site's description and the family's settings; `language`, when given,
    /// is the feed's own (a language feed says its language).
    private func makeFeed(
        _ kind: FeedKind, title: String, folder: String, settings: DerivedFeedSettings, members: [Int], language: String? = nil
    ) -> DerivedFeed {
        // Keyed by the folder's bytes: two spellings of one folder name are two folders on disk.
        let key = "\(kind) " + Array(folder.utf8).map { String($0, radix: 16) }.joined(separator: " ")
        if let known = made[key], DerivedBasis.Item.same(known.title, title),
            (known.language == nil) == (language == nil), DerivedBasis.Item.same(known.language ?? "", language ?? "")
        {
            return DerivedFeed(kind: kind, description: known.description, members: members)
        }
        var description = siteDescription
        if let language { description.language = language }
        description.title = config.title + ": " + title
        let encoded = URLPath.encoded(folder)
        description.homePageURL = config.baseURL + encoded + "/"
        description.outputs = description.outputs.map { output in
            FeedOutput(format: output.format, fileName: folder + "/" + output.fileName, url: config.feedBaseURL + encoded + "/" + output.fileName)
        }
        if let limit = settings.limit { description.limit = limit == 0 ? nil : limit }
        if let content = settings.content { description.content = content }
        if let maxBytes = settings.maxBytes { description.maxBytes = maxBytes == 0 ? nil : maxBytes }
        made[key] = (title, language, description)
        return DerivedFeed(kind: kind, description: description, members: members)
    }
}

/// Percent-encoding of relative paths for URLs.
enum URLPath {
    /// Every byte outside RFC 3986's unreserved set and `/` percent-encoded, so a Unicode slug is a valid URI.
    static func encoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
