import Crypto
import FeedModel
import Platform

/// A name for exact bytes that holds across processes: the first 128 bits of a SHA-256 over them.
///
/// Identities from `PreparedEntryCache` are numbers valid in one process; what a later `crier build` may take
/// over from an earlier one (fragments, their verdicts) must be named by content instead. SHA-256 rather than a
/// fast checksum because two different entries sharing a key would put one article's text under the other's
/// title: with a cryptographic hash that takes a deliberate 2^64 effort, not bad luck or a crafted article.
/// Every field is written with its length, so no two different inputs run together into the same bytes.
///
/// Platform's `ContentName` under the feed builder's name for it: what the builder reports (`PublishReport.bodyNames`)
/// and is handed back (`bodyHints`) is the key itself, with no conversion either way.
typealias ContentKey = ContentName

extension ContentKey {
    /// The key of a prepared entry: every field of the entry as given, and what cleaning made of it. A fragment
    /// is a pure function of these and its variant (the renderers are part of the executable, which the build
    /// cache's key covers).
    init(_ prepared: PreparedEntry) {
        self.init(prepared, body: Self.body(of: prepared))
    }

    /// The key of a prepared entry whose body is named `body`: `body(of:)` of this very entry, or the name an
    /// earlier process gave the body of the same article file's entry, kept by the build cache while the file's
    /// parse and state stay the ones it came from (`PublishMemory.contentKeys`). Every other field is hashed here,
    /// so what the pipeline changes across entries (an `updated` moved past a tie) is always covered.
    init(_ prepared: PreparedEntry, body: ContentKey) {
        var hasher = KeyHasher()
        hasher.add("prepared entry 2")
        let entry = prepared.entry
        hasher.add(entry.id)
        hasher.add(entry.title)
        hasher.add(entry.link)
        hasher.add(optional: entry.language)
        hasher.add(optional: entry.imageURL)
        hasher.add(entry.published)
        hasher.add(entry.updated)
        hasher.add(UInt64(entry.authors.count))
        for person in entry.authors {
            hasher.add(person.name)
            hasher.add(optional: person.email)
            hasher.add(optional: person.uri)
        }
        hasher.add(UInt64(entry.tags.count))
        for tag in entry.tags { hasher.add(tag) }
        hasher.add(UInt64(entry.enclosures.count))
        for enclosure in entry.enclosures {
            hasher.add(enclosure.url)
            hasher.add(enclosure.mimeType)
            hasher.add(UInt64(bitPattern: Int64(enclosure.length)))
        }
        hasher.add(body.high)
        hasher.add(body.low)
        self = hasher.key
    }

    /// The name of the bulk of a prepared entry: the body and summary as given, whether the body is taken as it
    /// is, the link its relative URLs are resolved against, and what cleaning made of them (the cleaned body, the
    /// RSS description, the summary text). These are a pure function of the article file's parse, its state and
    /// `crier.yml`, which is what lets the build cache keep the name beside the file.
    static func body(of prepared: PreparedEntry) -> ContentKey {
        var hasher = KeyHasher()
        hasher.add("entry body 1")
        let entry = prepared.entry
        hasher.add(entry.link)
        hasher.add(entry.contentHTML)
        hasher.add(optional: entry.summary)
        hasher.add(entry.contentIsSelfContained ? 1 : 0)
        // A body taken as it is (`Entry.contentIsSelfContained`) is the entry's own: its bytes are not hashed twice.
        if Entry.same(prepared.contentHTML, entry.contentHTML) {
            hasher.add(2)
        } else {
            hasher.add(3)
            hasher.add(prepared.contentHTML)
        }
        hasher.add(prepared.rssDescription)
        hasher.add(prepared.summaryText)
        return hasher.key
    }

    /// The key of a fragment variant (format, content mode, the RSS fallback authors' bytes).
    init(_ variant: FragmentVariant) {
        var hasher = KeyHasher()
        hasher.add("fragment variant 1")
        hasher.add(variant.format.rawValue)
        hasher.add(variant.content.rawValue)
        hasher.add(UInt64(variant.fallbackAuthors.count))
        for person in variant.fallbackAuthors {
            hasher.add(person.name)
            hasher.add(optional: person.email)
            hasher.add(optional: person.uri)
        }
        self = hasher.key
    }

    /// The key of a document's head and tail and the bytes between two of its fragments.
    init(_ frame: DocumentFrame, separator: [UInt8]) {
        var hasher = KeyHasher()
        hasher.add("document frame 1")
        hasher.add(bytes: frame.head)
        hasher.add(bytes: frame.tail)
        hasher.add(bytes: separator)
        self = hasher.key
    }

    /// The key of what a document's head tells the validator about its entries (`EntryJudgements`).
    init(_ judgements: EntryJudgements) {
        var hasher = KeyHasher()
        hasher.add("entry judgements 1")
        let variant = ContentKey(judgements.variant)
        hasher.add(variant.high)
        hasher.add(variant.low)
        hasher.add(bytes: judgements.language)
        hasher.add(judgements.feedHasAuthor ? 1 : 0)
        hasher.add(judgements.hasNewestDate ? 1 : 0)
        self = hasher.key
    }
}

/// SHA-256 over length-prefixed fields.
///
/// Short fields are gathered in a buffer and hashed together: a warm build keys 10,000 entries by their small
/// fields alone (`ContentKey(_:body:)`), and one update of the digest per field (about fifteen an entry) cost more
/// than the hashing. A long field (a body) goes to the digest directly, without a copy.
private struct KeyHasher {
    private var sha = SHA256()
    private var pending: [UInt8] = []

    /// Fields longer than this skip the buffer.
    private static let directLength = 512

    init() {
        pending.reserveCapacity(1024)
    }

    mutating func add(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { pending.append(contentsOf: $0) }
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in add(raw: UnsafeRawBufferPointer(bytes)) }
    }

    mutating func add(optional text: String?) {
        if let text {
            add(1)
            add(text)
        } else {
            add(0)
        }
    }

    mutating func add(bytes: [UInt8]) {
        bytes.withUnsafeBytes { add(raw: $0) }
    }

    /// An instant and its offset.
    mutating func add(_ time: Timestamp) {
        add(UInt64(bitPattern: time.secondsSinceEpoch))
        add(UInt64(bitPattern: Int64(time.utcOffsetSeconds)))
    }

    /// The length, then the bytes.
    private mutating func add(raw bytes: UnsafeRawBufferPointer) {
        add(UInt64(bytes.count))
        if bytes.count > Self.directLength {
            flush()
            sha.update(bufferPointer: bytes)
        } else {
            pending.append(contentsOf: bytes)
        }
    }

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBytes { sha.update(bufferPointer: $0) }
        pending.removeAll(keepingCapacity: true)
    }

    var key: ContentKey {
        mutating get {
            flush()
            let digest = Array(sha.finalize())
            var high: UInt64 = 0
            var low: UInt64 = 0
            for index in 0..<8 {
                high = high << 8 | UInt64(digest[index])
                low = low << 8 | UInt64(digest[8 + index])
            }
            return ContentKey(high: high, low: low)
        }
    }
}
