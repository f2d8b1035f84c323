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
    /// - Parameter alreadyScreened: true for the path of an entry known to pass with nothing to say (the
    ///   build cache remembers the verdict for an entry it gives unchanged); such entries are not screened.
    /// - Returns: the paths of the entries screened here that passed with nothing to say.
    @discardableResult
    static func screen(_ result: inout IngestResult, alreadyScreened: (String) -> Bool = { _ in false }) -> [String] {
        var failing: Set<Int> = []
        var clean: [String] = []
        for (index, path) in result.entryPaths.enumerated() where !alreadyScreened(path) {
            let verdict = screen(result.entries[index], path: path)
            result.warnings += verdict.warnings
            if let failure = verdict.failure {
                result.failed.append(failure)
                failing.insert(index)
            } else if verdict.warnings.isEmpty {
                clean.append(path)
            }
        }
        // Most builds fail nothing: the entries stay where they are.
        if !failing.isEmpty {
            let kept = result.entries.indices.filter { !failing.contains($0) }
            result.entries = kept.map { result.entries[$0] }
            result.entryPaths = kept.map { result.entryPaths[$0] }
        }
        return clean
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
