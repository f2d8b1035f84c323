import FeedModel
import Ingest
import Validation

/// Screens each entry's verbatim values (`EntryValues`) as it comes out of ingest, so one article's bad `id`,
/// `lang` or author address fails that article, named by its file, instead of failing the whole site's
/// feeds at the document check and naming a line of `atom.xml`.
enum EntryScreening {
    /// What screening makes of one entry.
    struct Verdict {
        /// Why the article cannot be published, when a value would make the feeds invalid.
        var failure: IngestIssue?
        /// Values the W3C service would warn about; the article is published.
        var warnings: [IngestIssue]
    }

    /// Screens the entry read from `path` (relative to the source folder).
    static func screen(_ entry: Entry, path: String) -> Verdict {
        let problems = EntryValues.problems(in: entry)
        guard !problems.isEmpty else { return Verdict(failure: nil, warnings: []) }
        let errors = problems.filter { $0.severity == .error }
        let warnings = problems.filter { $0.severity == .warning }.map { IngestIssue(file: path, message: "\($0.message) (\($0.rule))") }
        guard !errors.isEmpty else { return Verdict(failure: nil, warnings: warnings) }
        let reasons = errors.map { "\($0.message) (\($0.rule))" }.joined(separator: "; ")
        let failure = IngestIssue(file: path, message: "\(reasons); the article is not published until this is fixed")
        return Verdict(failure: failure, warnings: warnings)
    }
}

extension EntryScreening {
    /// Screens every entry of a whole ingest: failed articles move from `entries` to `failed`, warnings join
    /// the result's. Costs a few microseconds per entry, with nothing to do for entries Crier named itself.
    static func screen(_ result: inout IngestResult) {
        var entries: [Entry] = []
        var paths: [String] = []
        entries.reserveCapacity(result.entries.count)
        paths.reserveCapacity(result.entryPaths.count)
        for (entry, path) in zip(result.entries, result.entryPaths) {
            let verdict = screen(entry, path: path)
            result.warnings += verdict.warnings
            if let failure = verdict.failure {
                result.failed.append(failure)
            } else {
                entries.append(entry)
                paths.append(path)
            }
        }
        result.entries = entries
        result.entryPaths = paths
    }
}

extension EntryScreening {
    /// Screens one re-read article: an entry whose values fail becomes a failed outcome, so the article keeps
    /// its last good version in the feeds, as for any other failure.
    static func screen(_ outcome: IngestOutcome, path: String) -> IngestOutcome {
        guard case .entry(let entry, let warnings) = outcome else { return outcome }
        let verdict = screen(entry, path: path)
        if let failure = verdict.failure { return .failed(failure) }
        return verdict.warnings.isEmpty ? outcome : .entry(entry, warnings: warnings + verdict.warnings)
    }
}
