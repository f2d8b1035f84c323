/// Tells a publisher which files of its output folder may have changed since it last asked, so that a page whose
/// file nobody touched is trusted without examining it.
///
/// A publisher kept across publishes (`crier watch`) skips a page whose inputs are those it last published and
/// whose file is still the one it wrote (`PageHistory`). Without an observer that second condition is a `stat` of
/// every page on every publish: 1,200 files with section feeds, 2,400 with tags, the largest part of an update's
/// staging. An observer (the daemon's, on inotify) answers it for whole folders at once.
public protocol OutputObserver: AnyObject, Sendable {
    /// Starts observing these folders (absolute paths, without a trailing slash), the folders of every page just
    /// staged; a folder observed already is left as it is. A folder that cannot be observed is simply not.
    func observe(folders: Set<String>)

    /// What may have changed since the previous call; each call starts a new interval.
    func changes() -> OutputChanges
}

/// The answer of an `OutputObserver` for one interval: between its previous `changes()` call and this one.
public struct OutputChanges: Sendable {
    /// Folders observed without a gap since before the previous interval began: a file in one of them that is not
    /// in `touched` has not been written, renamed, removed, or had its attributes changed since then.
    public let quietFolders: Set<String>
    /// Files (absolute paths) named by any change in those folders during the interval.
    public let touched: Set<String>

    /// The folders of the files in `touched`.
    public let touchedFolders: Set<String>

    /// Creates an answer.
    public init(quietFolders: Set<String>, touched: Set<String>) {
        self.quietFolders = quietFolders
        self.touched = touched
        touchedFolders = Set(touched.map { path in path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "." })
    }
}
