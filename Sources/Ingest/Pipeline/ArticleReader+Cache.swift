import FeedModel
import Platform

/// How a parse of one article file is kept in the build cache: every field the parsers produce, strings as
/// their exact UTF-8 bytes, so an article served from the cache gives the same entry, byte for byte, as
/// parsing its file again would.
extension ArticleReader.Result {
    private enum Kind: UInt64 {
        case parsed = 0
        case leftOut = 1
        case failed = 2
    }

    /// The cache's bytes for this result.
    func cacheBytes() -> [UInt8] {
        var writer = CacheWriter(capacity: 4096)
        switch self {
        case .parsed(let parsed):
            writer.write(Kind.parsed.rawValue)
            parsed.write(to: &writer)
        case .leftOut(let issue):
            writer.write(Kind.leftOut.rawValue)
            writer.write(issue)
        case .failed(let issue):
            writer.write(Kind.failed.rawValue)
            writer.write(issue)
        }
        // Kept until the cache is saved, 10,000 of them: exactly sized, not with the room the writer grew.
        let bytes = writer.bytes
        return [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: bytes)
        }
    }

    /// The result kept as `bytes` for the file at `path`, modified at `modified` (seconds since 1970), whose
    /// bytes hash to `contentHash`; nil when the bytes do not read back whole.
    init?(cacheBytes bytes: UnsafeRawBufferPointer, path: String, contentHash: String, modified: Timestamp?) {
        var reader = CacheReader(bytes)
        guard let raw = reader.unsigned(), let kind = Kind(rawValue: raw) else { return nil }
        switch kind {
        case .parsed:
            guard let parsed = ArticleReader.Parsed(from: &reader, path: path, contentHash: contentHash, modified: modified) else {
                return nil
            }
            self = .parsed(parsed)
        case .leftOut:
            guard let issue = reader.issue() else { return nil }
            self = .leftOut(issue)
        case .failed:
            guard let issue = reader.issue() else { return nil }
            self = .failed(issue)
        }
        guard reader.isAtEnd else { return nil }
    }
}

extension ArticleReader.Parsed {
    fileprivate func write(to writer: inout CacheWriter) {
        article.write(to: &writer)
        writer.write(warnings.count)
        for warning in warnings { writer.write(warning) }
        writer.write(identity.explicitDate)
        writer.write(identity.fixedID)
        writer.write(identity.slug)
        writer.write(identity.link)
    }

    fileprivate init?(from reader: inout CacheReader, path: String, contentHash: String, modified: Timestamp?) {
        guard let article = ParsedArticle(from: &reader), let count = reader.int(), count >= 0 else { return nil }
        var warnings: [IngestIssue] = []
        for _ in 0..<count {
            guard let warning = reader.issue() else { return nil }
            warnings.append(warning)
        }
        guard let explicitDate = reader.optionalTimestamp(), let fixedID = reader.optionalString(), let slug = reader.string(),
            let link = reader.optionalString()
        else { return nil }
        self.init(
            path: path, article: article, contentHash: contentHash, warnings: warnings,
            identity: ArticleReader.FileIdentity(explicitDate: explicitDate, fixedID: fixedID, slug: slug, link: link),
            modified: modified)
    }
}

extension ParsedArticle {
    fileprivate func write(to writer: inout CacheWriter) {
        writer.write(title)
        writer.write(summary)
        writer.write(contentHTML)
        writer.write(contentIsSelfContained)
        writer.write(date)
        writer.write(updated)
        writer.write(authors.count)
        for author in authors {
            writer.write(author.name)
            writer.write(author.email)
            writer.write(author.uri)
        }
        writer.write(tags.count)
        for tag in tags { writer.write(tag) }
        writer.write(slug)
        writer.write(link)
        writer.write(id)
        writer.write(language)
        writer.write(image)
        writer.write(isDraft)
        writer.write(warnings.count)
        for warning in warnings {
            writer.write(warning.line.map(Int64.init))
            writer.write(warning.message)
        }
    }

    fileprivate init?(from reader: inout CacheReader) {
        guard let title = reader.string(), let summary = reader.optionalString(), let contentHTML = reader.string(),
            let selfContained = reader.bool(), let date = reader.optionalTimestamp(), let updated = reader.optionalTimestamp(),
            let authorCount = reader.int(), authorCount >= 0
        else { return nil }
        self.init(title: title, summary: summary, contentHTML: contentHTML)
        contentIsSelfContained = selfContained
        self.date = date
        self.updated = updated
        for _ in 0..<authorCount {
            guard let name = reader.string(), let email = reader.optionalString(), let uri = reader.optionalString() else { return nil }
            authors.append(Person(name: name, email: email, uri: uri))
        }
        guard let tagCount = reader.int(), tagCount >= 0 else { return nil }
        for _ in 0..<tagCount {
            guard let tag = reader.string() else { return nil }
            tags.append(tag)
        }
        guard let slug = reader.optionalString(), let link = reader.optionalString(), let id = reader.optionalString(),
            let language = reader.optionalString(), let image = reader.optionalString(), let isDraft = reader.bool(),
            let warningCount = reader.int(), warningCount >= 0
        else { return nil }
        (self.slug, self.link, self.id, self.language, self.image, self.isDraft) = (slug, link, id, language, image, isDraft)
        for _ in 0..<warningCount {
            guard let line = reader.optionalInt(), let message = reader.string() else { return nil }
            warnings.append((line: line, message: message))
        }
    }
}

extension CacheWriter {
    fileprivate mutating func write(_ value: Int64?) {
        write(value != nil)
        if let value { write(value) }
    }
}

extension CacheReader {
    fileprivate mutating func optionalInt() -> Int?? {
        guard let present = bool() else { return nil }
        if !present { return .some(nil) }
        guard let value = int() else { return nil }
        return .some(value)
    }
}
