import Foundation
import FeedModel

/// The stable parts of an entry: its id, slug and link, derived only from things that do not change when the
/// article is edited (the file's path, its explicit or first-seen date, the site's host).
struct EntryIdentity {
    let config: SiteConfig
    private let host: String

    init(config: SiteConfig) {
        self.config = config
        self.host = URLText.host(of: config.baseURL)
    }

    /// An RFC 4151 tag URI, `tag:example.com,2024-03-05:/posts/2024-03-05-hello`.
    ///
    /// The specific part is the file's relative path without extension (each segment slugged), which is
    /// unique within the folder, so two articles with the same title and date still get different ids.
    func tagURI(path: String, published: Timestamp) -> String {
        let civil = published.localCivilTime
        let date = String(format: "%04d-%02d-%02d", civil.year, civil.month, civil.day)
        return "tag:\(host),\(date):/" + Self.pathSlug(path)
    }

    /// Characters a tag URI's specific part may carry unencoded here (RFC 4151 allows more; this keeps ids plain).
    private static let tagSafe = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789-")

    /// The relative path without extension, each segment slugged and percent-encoded (tag URIs are ASCII).
    static func pathSlug(_ path: String) -> String {
        let segments = path.split(separator: "/").map(String.init)
        return segments.enumerated().map { index, segment in
            let stem = index == segments.count - 1 ? Slug.stem(ofFileName: segment, droppingDate: false) : segment
            let slug = Slug.make(stem)
            return (slug.isEmpty ? "article" : slug).addingPercentEncoding(withAllowedCharacters: tagSafe) ?? slug
        }.joined(separator: "/")
    }

    /// The URL slug: the article's own, else the file name without date prefix and extension.
    func slug(path: String, stated: String?) -> String {
        if let stated, !Slug.make(stated).isEmpty { return Slug.make(stated) }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let slug = Slug.make(Slug.stem(ofFileName: name, droppingDate: true))
        return slug.isEmpty ? "article" : slug
    }

    /// Characters a slug keeps unencoded in a link: a path segment's, so no `/`. Built once; building a
    /// `CharacterSet` per entry showed up in profiles.
    private static let slugAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))

    /// The article's absolute URL: its stated link resolved against `base_url`, else `base_url` + permalink.
    func link(stated: String?, slug: String, published: Timestamp) -> String {
        if let stated, !stated.isEmpty { return URLText.absolute(stated, base: config.baseURL) }
        let civil = published.localCivilTime
        let encodedSlug = slug.addingPercentEncoding(withAllowedCharacters: Self.slugAllowed) ?? slug
        let path = config.permalink
            .replacingOccurrences(of: "{slug}", with: encodedSlug)
            .replacingOccurrences(of: "{year}", with: String(format: "%04d", civil.year))
            .replacingOccurrences(of: "{month}", with: String(format: "%02d", civil.month))
            .replacingOccurrences(of: "{day}", with: String(format: "%02d", civil.day))
        return config.baseURL + (path.hasPrefix("/") ? String(path.dropFirst()) : path)
    }

    /// The date a file name starts with, at midnight in the site's zone.
    func fileNameDate(path: String) -> Timestamp? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let (year, month, day) = Slug.datePrefix(of: name) else { return nil }
        let civil = CivilTime(year: year, month: month, day: day)
        guard civil.isValid else { return nil }
        return Timestamp(civil, utcOffsetSeconds: config.timeZone.offsetSeconds(at: civil))
    }
}
