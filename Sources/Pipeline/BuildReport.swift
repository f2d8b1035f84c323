public import Ingest

/// What one build or regeneration did, for the summary line and the daemon's log.
public struct BuildReport: Sendable {
    /// Entries in the feeds after this build.
    public var entryCount: Int
    /// Article files that failed: they could not be published (a file that failed in `crier watch` keeps
    /// its last good entry in the feeds), each with the reason.
    public var failed: [IngestIssue]
    /// Problems that did not stop an article from being published (a file read as Windows-1252, say).
    public var warnings: [IngestIssue]
    /// Feed files written because their bytes changed.
    public var written: [String]
    /// Feed files whose bytes did not change, left untouched.
    public var unchanged: [String]
    /// Archive files removed because they are no longer needed.
    public var removed: [String]
    /// Article paths re-read in this build (all of them for a full build).
    public var articlesRead: Int
    /// How long the build took, in milliseconds.
    public var milliseconds: Int
    /// Article files deliberately not published (drafts, a title without a body, symlinks leading out of
    /// the source folder), with the reason; unlike `failed`, these do not fail `--strict`.
    public var leftOut: [IngestIssue] = []
    /// Feed files rendered and validated in this build; the other unchanged ones were not rendered because
    /// neither their entries nor their file on disk changed since the last build of this `Site`.
    public var rendered: [String] = []

    /// True when at least one feed file changed on disk.
    public var changedFeeds: Bool { !written.isEmpty || !removed.isEmpty }

    /// One line for a person: `7 entries, 1 failed, 3 written, 0 unchanged in 42 ms`.
    public var summary: String {
        var parts = ["\(entryCount) \(entryCount == 1 ? "entry" : "entries")"]
        parts.append("\(failed.count) failed")
        if !leftOut.isEmpty { parts.append("\(leftOut.count) left out") }
        if !warnings.isEmpty { parts.append("\(warnings.count) warning\(warnings.count == 1 ? "" : "s")") }
        parts.append("\(written.count) written")
        parts.append("\(unchanged.count) unchanged")
        if !removed.isEmpty { parts.append("\(removed.count) removed") }
        return parts.joined(separator: ", ") + " in \(milliseconds) ms"
    }
}
