import FeedModel
import Foundation

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
        let date = Self.padded(civil.year, 4) + "-" + Self.padded(civil.month, 2) + "-" + Self.padded(civil.day, 2)
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
            let part = slug.isEmpty ? "article" : slug
            // Slugs of ASCII names are already all tag-safe; encoding them would return them unchanged.
            if part.utf8.allSatisfy(isTagSafe) { return part }
            return part.addingPercentEncoding(withAllowedCharacters: tagSafe) ?? slug
        }.joined(separator: "/")
    }

    /// The bytes of `tagSafe`.
    private static func isTagSafe(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "-")
    }

    /// `String(format: "%0\(width)d", value)`, without Foundation's formatter for the usual non-negative case.
    static func padded(_ value: Int, _ width: Int) -> String {
        guard value >= 0 else { return String(format: "%0\(width)d", value) }
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
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
    ///
    /// `{slug}` is the slug alone; `{path}` (the default pattern is `/{path}/`) is the article's folder below
    /// the source, each folder name slugged, then the slug: `sport/001.txt` gets `/sport/001/`, so the file
    /// names a news site repeats in every section still give one URL per article.
    func link(stated: String?, path: String, slug: String, published: Timestamp) -> String {
        if let stated, !stated.isEmpty { return URLText.absolute(stated, base: config.baseURL) }
        let civil = published.localCivilTime
        let encodedSlug = Self.encodedSegment(slug)
        var replacements = [
            ("{slug}", encodedSlug), ("{year}", Self.padded(civil.year, 4)),
            ("{month}", Self.padded(civil.month, 2)), ("{day}", Self.padded(civil.day, 2)),
        ]
        if config.permalink.contains("{path}") {
            replacements.append(("{path}", (Self.folderSegments(of: path) + [encodedSlug]).joined(separator: "/")))
        }
        var link = config.permalink
        for (token, value) in replacements {
            link = Self.replacing(token, with: value, in: link)
        }
        return config.baseURL + (link.hasPrefix("/") ? String(link.dropFirst()) : link)
    }

    /// A slug as a URL path segment: ASCII slugs (letters, digits, dashes) are already allowed there as they are.
    private static func encodedSegment(_ slug: String) -> String {
        slug.utf8.allSatisfy(isTagSafe) ? slug : slug.addingPercentEncoding(withAllowedCharacters: slugAllowed) ?? slug
    }

    /// The folders of a relative path, each slugged (`folder` when nothing is left) and encoded as a segment.
    static func folderSegments(of path: String) -> [String] {
        path.split(separator: "/").dropLast().map { folder in
            let slug = Slug.make(String(folder))
            return encodedSegment(slug.isEmpty ? "folder" : slug)
        }
    }

    /// `text.replacingOccurrences(of: token, with: value)`, done on bytes when both texts are ASCII (then
    /// Foundation's comparison is byte equality), through Foundation otherwise.
    static func replacing(_ token: String, with value: String, in text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }), value.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.replacingOccurrences(of: token, with: value)
        }
        let bytes = Array(text.utf8)
        let pattern = Array(token.utf8)
        guard !pattern.isEmpty else { return text }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + value.utf8.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == pattern[0], index + pattern.count <= bytes.count, bytes[index..<index + pattern.count].elementsEqual(pattern) {
                result += value.utf8
                index += pattern.count
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
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
