import Foundation

/// Parses one article from bytes, without touching the disk or the state store: the entry point the fuzzer
/// (`CrierFuzz`) drives, so every byte sequence reaches the same code `crier build` runs on a file.
public enum ArticleParsing {
    /// What the parsers made of the bytes.
    public enum Outcome: Sendable {
        /// The bytes became an article with this title and content; `warnings` were reported alongside.
        case article(title: String, contentHTML: String, warnings: [IngestIssue])
        /// The article was left out on purpose (a draft, a title without a body).
        case leftOut(IngestIssue)
        /// The bytes could not become an article; the issue says why.
        case failed(IngestIssue)
    }

    /// Parses `bytes` as the article file at `path` would be parsed.
    ///
    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - path: a relative path whose extension (`.txt`, `.md`, `.html`…) picks the parser and whose name
    ///     gives the fallback title and date.
    ///   - config: the site's settings (time zone for dates without one).
    /// - Returns: the article, or why there is none. Never throws and never traps on any input.
    public static func parse(bytes: [UInt8], path: String, config: SiteConfig) -> Outcome {
        let reader = ArticleReader(source: URL(fileURLWithPath: "/nonexistent-source"), config: config)
        switch reader.parse(bytes, path: path) {
        case .parsed(let parsed):
            return .article(title: parsed.article.title, contentHTML: parsed.article.contentHTML, warnings: parsed.warnings)
        case .leftOut(let issue):
            return .leftOut(issue)
        case .failed(let issue):
            return .failed(issue)
        }
    }
}
