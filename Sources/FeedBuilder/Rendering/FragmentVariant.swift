import FeedModel

/// Everything an entry's fragment depends on besides the entry itself: two feeds with the same variant carry
/// byte-identical fragments for the same entry, so a fragment is rendered once per variant and build however
/// many feeds (the site, its sections, its tags) hold the entry.
///
/// The format and the content mode shape the element; RSS items also credit the feed's authors when the entry
/// names none (`dc:creator`), while Atom entries and JSON Feed items inherit the feed's authors without
/// repeating them, so only RSS variants carry the authors. Compared byte for byte: an author spelt in another
/// Unicode normal form renders other bytes.
struct FragmentVariant: Sendable, Hashable {
    let format: FeedFormat
    let content: ContentMode
    /// The feed's authors, for RSS items without their own; empty for the other formats.
    let fallbackAuthors: [Person]
    /// The authors' fields as UTF-8 bytes, what equality and hashing compare.
    private let authorBytes: [UInt8]

    init(format: FeedFormat, content: ContentMode, fallbackAuthors: [Person]) {
        self.format = format
        self.content = content
        self.fallbackAuthors = format == .rss ? fallbackAuthors : []
        var bytes: [UInt8] = []
        for person in self.fallbackAuthors {
            for field in [person.name, person.email ?? "", person.uri ?? ""] {
                bytes += field.utf8
                bytes.append(0)
            }
            bytes.append(1)
        }
        authorBytes = bytes
    }

    /// The variant of `format` in the feed `description`.
    init(format: FeedFormat, in description: FeedDescription) {
        self.init(format: format, content: description.content, fallbackAuthors: description.authors)
    }

    static func == (lhs: FragmentVariant, rhs: FragmentVariant) -> Bool {
        lhs.format == rhs.format && lhs.content == rhs.content && lhs.authorBytes == rhs.authorBytes
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(format)
        hasher.combine(content)
        hasher.combine(authorBytes)
    }
}
