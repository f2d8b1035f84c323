import FeedModel
import Foundation

/// Reads and parses one article file: the part of ingest that needs no shared state, so it runs in parallel.
struct ArticleReader {
    let source: URL
    let config: SiteConfig
    /// Ids, slugs and links from the configuration, worked out once.
    let identity: EntryIdentity
    /// The source folder with symlinks resolved, computed once rather than for every file.
    let resolvedRoot: String
    /// The source folder's path with a trailing `/` when it is already canonical (no symlink, `.` or `..`),
    /// so `PlainFile` may read below it; nil sends every file through the general route.
    let canonicalRoot: String?

    init(source: URL, config: SiteConfig) {
        identity = EntryIdentity(config: config)
        self.source = source
        self.config = config
        resolvedRoot = ArticleFiles.resolvedRoot(of: source)
        let sourcePath = source.path
        canonicalRoot = sourcePath.hasSuffix("/") || sourcePath + "/" != resolvedRoot ? nil : resolvedRoot
    }

    /// A parsed file ready to be given its stable fields.
    struct Parsed {
        var path: String
        var article: ParsedArticle
        var contentHash: String
        var warnings: [IngestIssue]
        /// What of the entry's identity follows from the file alone, worked out here, on all cores, rather
        /// than in the one-thread step that consults the state store.
        var identity: FileIdentity
        /// The file's modification time in the site's zone, when it is plausible (`plausibleModification`):
        /// a new undated article's first-seen time.
        var modified: Timestamp?
    }

    /// The parts of an entry's identity that need no state store.
    struct FileIdentity {
        /// The date the article states, or its file name's date.
        var explicitDate: Timestamp?
        /// The id when it is a pure function of the file (stated, or from the explicit date).
        var fixedID: String?
        var slug: String
        /// The link when the published date is explicit.
        var link: String?

        init(explicitDate: Timestamp?, fixedID: String?, slug: String, link: String?) {
            self.explicitDate = explicitDate
            self.fixedID = fixedID
            self.slug = slug
            self.link = link
        }

        init(path: String, article: ParsedArticle, identity: EntryIdentity) {
            explicitDate = article.date ?? identity.fileNameDate(path: path)
            // An explicit date makes the id a pure function of the file, so deleting the store keeps it.
            fixedID = article.id ?? explicitDate.map { identity.tagURI(path: path, published: $0) }
            slug = identity.slug(path: path, stated: article.slug)
            link = explicitDate.map { identity.link(stated: article.link, path: path, slug: slug, published: $0) }
        }
    }

    enum Result {
        case parsed(Parsed)
        case leftOut(IngestIssue)
        case failed(IngestIssue)
    }

    /// The largest article body (rendered HTML, in UTF-8 bytes) that is published.
    ///
    /// libxml2, which newsboat and Crier's own validator parse with, refuses a text node over 10,000,000 bytes
    /// (XML_MAX_TEXT_LENGTH) unless told to read "huge" documents, so a 10 MB article would make every XML feed
    /// unreadable; cleaning can lengthen the body (absolute links), hence the margin.
    static let maximumContentBytes = 4_000_000

    /// The largest file read at all: saved web pages with inlined images run to tens of megabytes, while
    /// their article text stays small.
    static let maximumFileBytes = 64_000_000

    func read(_ path: String) -> Result {
        readRemembering(path).result
    }

    /// `read(_:)`, with the SHA-256 of the bytes when the result came from parsing them: such a result follows
    /// from the bytes, the path and the configuration alone, so the build cache may keep it. Results about
    /// the file rather than its bytes (missing, unreadable, too large, a symlink leading out) have none.
    func readRemembering(_ path: String) -> (result: Result, contentHash: String?) {
        guard ArticleFiles.isArticlePath(path) else {
            return (
                .leftOut(
                    IngestIssue(file: path, message: "not an article file (hidden, an editor leftover, or not .txt/.md/.markdown/.html/.htm)")), nil
            )
        }
        if let canonicalRoot {
            switch PlainFile.contents(of: path, canonicalRoot: canonicalRoot, maximumBytes: Self.maximumFileBytes) {
            case .bytes(let bytes, let modified): return Self.withHash(parse(bytes, path: path, modified: modified), of: bytes)
            case .tooLarge(let size): return (.failed(Self.tooLarge(path, size: size)), nil)
            case .notSure: break
            }
        }
        let file = source.appendingPathComponent(path)
        guard ArticleFiles.isInside(file, resolvedRoot: resolvedRoot) else {
            return (.leftOut(IngestIssue(file: path, message: "symlink to a file outside the source folder; not read")), nil)
        }
        guard FileManager.default.fileExists(atPath: file.path) else {
            return (.failed(IngestIssue(file: path, message: "no such file (deleted or renamed)")), nil)
        }
        // Checked before reading: a multi-gigabyte (or sparse) file must not be pulled into memory whole.
        if let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int, size > Self.maximumFileBytes {
            return (.failed(Self.tooLarge(path, size: size)), nil)
        }
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: file))
        } catch {
            return (.failed(IngestIssue(file: path, message: "cannot read the file (\(error.localizedDescription))")), nil)
        }
        let modified = ((try? FileManager.default.attributesOfItem(atPath: file.path))?[.modificationDate] as? Date)
            .map { Int64($0.timeIntervalSince1970.rounded(.down)) }
        return Self.withHash(parse(bytes, path: path, modified: modified), of: bytes)
    }

    /// A result parsed from `bytes` with their content hash: a parsed file carries it already, so it is
    /// computed again only for a file that did not parse.
    private static func withHash(_ result: Result, of bytes: [UInt8]) -> (result: Result, contentHash: String?) {
        if case .parsed(let parsed) = result { return (result, parsed.contentHash) }
        return (result, ContentHash.hex(bytes))
    }

    /// Modification times before this (1995-01-01) are not taken as a first-seen date: build tools and
    /// archives set 0 or 1 (1970) to make files reproducible, and no article of a feed is that old by accident.
    static let earliestPlausibleModification: Int64 = 788_918_400

    /// `seconds` as a timestamp in the site's zone, or nil when it is implausible: before 1995, or more than a
    /// day ahead of `now` (a clock that was wrong when the file was written).
    func plausibleModification(_ seconds: Int64?, now: Int64 = Int64(Date().timeIntervalSince1970)) -> Timestamp? {
        guard let seconds, seconds >= Self.earliestPlausibleModification, seconds <= now + 86_400 else { return nil }
        let utc = Timestamp(secondsSinceEpoch: seconds)
        return Timestamp(secondsSinceEpoch: seconds, utcOffsetSeconds: config.timeZone.offsetSeconds(at: utc.localCivilTime))
    }

    /// White space or a control character. ASCII is decided without the Unicode property tables (letters and
    /// punctuation are neither; controls are U+0000–U+001F and U+007F, spaces U+0009–U+000D and U+0020).
    static func isBlankScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return scalar.value <= 0x20 || scalar.value == 0x7F }
        return scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
    }

    private static func tooLarge(_ path: String, size: Int) -> IngestIssue {
        IngestIssue(file: path, message: "the file is \(size / 1_000_000) MB; files over \(maximumFileBytes / 1_000_000) MB are not read")
    }

    /// Parses an article's bytes as the file at `path` (relative to the source folder; its extension picks the
    /// format, its name the fallback title and date), last modified at `modified` (seconds since the epoch).
    /// Needs no file, so the fuzzer can call it.
    func parse(_ bytes: [UInt8], path: String, modified: Int64? = nil) -> Result {
        let (name, ext) = ArticlePath.nameAndExtension(of: path, in: source)
        let isHTML = ext == "html" || ext == "htm"
        let decoded: TextDecoder.Decoded
        do {
            decoded = try TextDecoder.decode(bytes, rejectNUL: !isHTML)
        } catch {
            let message =
                error == .empty
                ? "the file is empty or only whitespace" : "the file looks binary (it contains NUL bytes); expected UTF-8 or UTF-16 text"
            return .failed(IngestIssue(file: path, message: message))
        }
        var warnings: [IngestIssue] = []
        if decoded.guessedWindows1252 {
            warnings.append(IngestIssue(file: path, message: "not valid UTF-8; read as Windows-1252 (save the file as UTF-8 to silence this)"))
        }

        let dates = DateReader(zone: config.timeZone)
        let stem = Slug.stem(ofFileName: name, droppingDate: true)
        var article: ParsedArticle
        do {
            switch ext {
            case "txt": article = try PlainTextArticle.parse(decoded.text, dates: dates)
            case "html", "htm": article = try HTMLArticle.parse(decoded.text, fileStem: stem, dates: dates)
            default: article = try MarkdownArticle.parse(decoded.text, fileStem: stem, dates: dates)
            }
        } catch {
            return .failed(IngestIssue(file: path, line: error.line, message: error.message))
        }
        article.title = TitleText.withoutMarkup(article.title)
        article.summary = article.summary.map(TitleText.withoutMarkup)
        // A title of only white space and controls (a vertical tab line, found by the fuzzer) would give an
        // entry readers list as blank; the file name is what Markdown and HTML fall back to as well.
        if article.title.unicodeScalars.allSatisfy(Self.isBlankScalar) {
            article.title = stem
        }
        if article.isDraft {
            return .leftOut(IngestIssue(file: path, message: "draft: true; not published"))
        }
        // A title with nothing under it is usually a file just started; a link post still has a summary or link.
        if article.contentHTML.allSatisfy(\.isWhitespace) && article.summary == nil && article.link == nil {
            return .leftOut(IngestIssue(file: path, message: "has a title but no body text, summary or link; not published yet"))
        }
        if article.contentHTML.utf8.count > Self.maximumContentBytes {
            let megabytes = String(format: "%.1f", Double(article.contentHTML.utf8.count) / 1_000_000)
            return .failed(
                IngestIssue(
                    file: path,
                    message:
                        "the article's HTML is \(megabytes) MB; at most \(Self.maximumContentBytes / 1_000_000) MB is published, since feed readers built on libxml2 refuse a text over 10 MB (split the article)"
                ))
        }
        warnings += article.warnings.map { IngestIssue(file: path, line: $0.line, message: $0.message) }
        return .parsed(
            Parsed(
                path: path, article: article, contentHash: ContentHash.hex(bytes), warnings: warnings,
                identity: FileIdentity(path: path, article: article, identity: identity),
                modified: plausibleModification(modified)))
    }
}
