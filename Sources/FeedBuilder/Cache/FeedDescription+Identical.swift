import FeedModel

extension FeedDescription {
    /// True when every field of the two descriptions has the same bytes (and the same numbers and modes).
    ///
    /// What a remembered plan or page context needs to be reused: `==` compares text by canonical equivalence,
    /// and an NFD title must not reuse what was made for its NFC twin. Unlike writing both out
    /// (`String(reflecting:)`, which the plans compared before), this costs a few `memcmp`s, and none for text
    /// in the same storage (`SiteFeeds` hands out the same description on every publish).
    func isIdentical(to other: FeedDescription) -> Bool {
        limit == other.limit && maxBytes == other.maxBytes && content == other.content
            && Entry.same(title, other.title) && Entry.same(subtitle, other.subtitle) && Entry.same(homePageURL, other.homePageURL)
            && Self.same(language, other.language) && Self.same(iconURL, other.iconURL) && Self.same(logoURL, other.logoURL)
            && Self.same(rights, other.rights)
            && authors.count == other.authors.count
            && zip(authors, other.authors).allSatisfy { left, right in
                Entry.same(left.name, right.name) && Self.same(left.email, right.email) && Self.same(left.uri, right.uri)
            }
            && hubs.count == other.hubs.count && zip(hubs, other.hubs).allSatisfy { Entry.same($0, $1) }
            && outputs.count == other.outputs.count
            && zip(outputs, other.outputs).allSatisfy { left, right in
                left.format == right.format && Entry.same(left.fileName, right.fileName) && Entry.same(left.url, right.url)
            }
            // Any field added to `FeedDescription` later is still compared, if only by `==`.
            && self == other
    }

    private static func same(_ left: String?, _ right: String?) -> Bool {
        switch (left, right) {
        case (nil, nil): true
        case let (left?, right?): Entry.same(left, right)
        default: false
        }
    }
}

extension FeedGenerator {
    /// True when the name, version and URI of the two have the same bytes.
    func isIdentical(to other: FeedGenerator) -> Bool {
        Entry.same(name, other.name) && Entry.same(version, other.version)
            && (uri == nil) == (other.uri == nil) && Entry.same(uri ?? "", other.uri ?? "")
            && self == other
    }
}
