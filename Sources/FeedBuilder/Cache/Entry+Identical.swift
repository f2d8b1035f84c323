import FeedModel
import Foundation

extension Entry {
    /// True when every field of the two entries has the same bytes (and the same dates and numbers).
    ///
    /// Stricter than `==`, whose `String` comparison is by canonical equivalence: an NFC and an NFD `é` are
    /// equal but are written differently, so a cached rendering of one must not stand in for the other.
    /// Text shared between the two (an entry kept unchanged in memory) is recognised by its storage address
    /// without reading it, which keeps a check of 10,000 unchanged entries cheap.
    func isIdentical(to other: Entry) -> Bool {
        published == other.published && updated == other.updated
            && Self.same(id, other.id) && Self.same(title, other.title) && Self.same(link, other.link)
            && Self.same(summary, other.summary) && Self.same(contentHTML, other.contentHTML)
            && Self.same(language, other.language) && Self.same(imageURL, other.imageURL)
            && tags.count == other.tags.count && zip(tags, other.tags).allSatisfy { Self.same($0, $1) }
            && authors.count == other.authors.count
            && zip(authors, other.authors).allSatisfy { left, right in
                Self.same(left.name, right.name) && Self.same(left.email, right.email) && Self.same(left.uri, right.uri)
            }
            && enclosures.count == other.enclosures.count
            && zip(enclosures, other.enclosures).allSatisfy { left, right in
                left.length == right.length && Self.same(left.url, right.url) && Self.same(left.mimeType, right.mimeType)
            }
            // Any field added to `Entry` later is still compared, if only by `==`.
            && self == other
    }

    private static func same(_ left: String?, _ right: String?) -> Bool {
        switch (left, right) {
        case (nil, nil): return true
        case let (left?, right?): return same(left, right)
        default: return false
        }
    }

    /// Byte equality of two strings' UTF-8.
    static func same(_ left: String, _ right: String) -> Bool {
        var left = left
        var right = right
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                guard leftBytes.count == rightBytes.count else { return false }
                guard let leftBase = leftBytes.baseAddress, let rightBase = rightBytes.baseAddress,
                    leftBase != rightBase
                else { return true }
                return memcmp(leftBase, rightBase, leftBytes.count) == 0
            }
        }
    }
}
