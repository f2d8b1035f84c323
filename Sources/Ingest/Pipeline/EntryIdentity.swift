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
    func link(stated: String?, slug: String, published: Timestamp) -> String {
        if let stated, !stated.isEmpty { return URLText.absolute(stated, base: config.baseURL) }
        let civil = published.localCivilTime
        // Slugs are letters, digits and dashes; ASCII ones are all allowed in a path segment already.
        let encodedSlug =
            slug.utf8.allSatisfy(Self.isTagSafe)
            ? slug
            : slug.addingPercentEncoding(withAllowedCharacters: Self.slugAllowed) ?? slug
        let replacements = [
            ("{slug}", encodedSlug), ("{year}", Self.padded(civil.year, 4)),
            ("{month}", Self.padded(civil.month, 2)), ("{day}", Self.padded(civil.day, 2)),
        ]
        var path = config.permalink
        for (token, value) in replacements {
            path = Self.replacing(token, with: value, in: path)
        }
        return config.baseURL + (path.hasPrefix("/") ? String(path.dropFirst()) : path)
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
