public import FeedModel

/// One document of a publish: a main feed or an RFC 5005 archive page, in one format.
public struct FeedPage: Sendable, Hashable {
    /// Which document of the feed this is.
    public enum Role: Sendable, Hashable {
        /// The subscription document, holding the newest entries.
        case current
        /// Archive page `n`; page 1 holds the oldest entries.
        case archive(Int)
    }

    /// The format.
    public var format: FeedFormat
    /// Main feed or archive page.
    public var role: Role
    /// The file name in the output folder (`atom.xml`, `atom-archive-2.xml`).
    public var fileName: String
    /// The absolute URL of this document: its `self` link.
    public var url: String
    /// The main feed's URL (`rel="current"` on archive pages; `feed_url` in JSON Feed).
    public var currentURL: String
    /// The URL of the next older archive page (`rel="prev-archive"`, JSON Feed `next_url`), if any.
    public var previousArchiveURL: String?
    /// The URL of the next newer archive page (`rel="next-archive"`), on every archive page but the newest.
    ///
    /// RFC 5005 section 4 asks archive documents for it, and without either archive link the oldest page is
    /// "incomplete" to the W3C Feed Validation Service. It changes a full page's bytes once, when the page after
    /// it first appears; the entries it holds never change.
    public var nextArchiveURL: String? = nil
    /// True when the document holds every entry (RFC 5005 `fh:complete`).
    public var isComplete: Bool
    /// Positions in `PreparedFeed.entries` (newest first) this document holds.
    public var entryRange: Range<Int>

    /// True for an archive page.
    public var isArchive: Bool {
        if case .archive = role { return true }
        return false
    }
}

extension FeedPage {
    /// The name of archive page `number` of a feed file or URL: `-archive-N` goes before the extension of the
    /// last path segment (`atom.xml` → `atom-archive-1.xml`); a query or fragment stays at the end.
    static func archiveName(_ name: String, page number: Int) -> String {
        let (stem, suffix) = archiveParts(of: name)
        return stem + "-archive-\(number)" + suffix
    }

    /// A name split where `-archive-N` goes: `https://x/atom` and `.xml?v=1` for `https://x/atom.xml?v=1`.
    static func archiveParts(of name: String) -> (stem: String, suffix: String) {
        let suffixStart = name.firstIndex { $0 == "?" || $0 == "#" } ?? name.endIndex
        let path = name[..<suffixStart]
        let segmentStart = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let segment = path[segmentStart...]
        let insertAt: String.Index
        if let dot = segment.lastIndex(of: "."), dot != segment.startIndex {
            insertAt = dot
        } else {
            insertAt = path.endIndex
        }
        return (String(name[..<insertAt]), String(name[insertAt...]))
    }

    /// The pages of one output for a split: the main feed, then archive pages 1, 2, … (oldest first).
    ///
    /// Archive pages are counted from the oldest entry forward (`PageSplit`), so a full page keeps the same
    /// entries when newer ones arrive. Each links to the older page (`prev-archive`) and, once there is one, to
    /// the newer page (`next-archive`, RFC 5005 section 4), so a full page's bytes change once, when the page
    /// after it appears, and never again.
    static func pages(for output: FeedOutput, split: PageSplit) -> [FeedPage] {
        let archiveCount = split.archives.count
        func archiveURL(_ number: Int) -> String? {
            number >= 1 ? archiveName(output.url, page: number) : nil
        }
        var pages = [
            FeedPage(
                format: output.format, role: .current, fileName: output.fileName, url: output.url,
                currentURL: output.url, previousArchiveURL: archiveURL(archiveCount),
                isComplete: split.isComplete, entryRange: split.main)
        ]
        for (index, range) in split.archives.enumerated() {
            let number = index + 1
            pages.append(
                FeedPage(
                    format: output.format, role: .archive(number),
                    fileName: archiveName(output.fileName, page: number),
                    url: archiveName(output.url, page: number), currentURL: output.url,
                    previousArchiveURL: archiveURL(number - 1),
                    nextArchiveURL: number < archiveCount ? archiveURL(number + 1) : nil, isComplete: false,
                    entryRange: range))
        }
        return pages
    }

    /// The pages of one output split by count alone (`PageSplit.byCount`).
    static func pages(for output: FeedOutput, entryCount: Int, limit: Int?) -> [FeedPage] {
        pages(for: output, split: .byCount(entryCount: entryCount, limit: limit))
    }
}

extension FeedPage {
    /// The page number when `candidate` is an archive file name of the feed file `name` (`atom-archive-3.xml`
    /// for `atom.xml`), else nil.
    static func archiveNumber(of candidate: String, for name: String) -> Int? {
        let (stem, suffix) = archiveParts(of: name)
        let prefix = stem + "-archive-"
        guard candidate.hasPrefix(prefix), candidate.hasSuffix(suffix),
            candidate.count > prefix.count + suffix.count
        else { return nil }
        let digits = candidate.dropFirst(prefix.count).dropLast(suffix.count)
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), digits.first != "0" else { return nil }
        return Int(digits)
    }
}
