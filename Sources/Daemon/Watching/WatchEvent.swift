/// What a watcher reports: a file that may have changed, or a request to look at everything again.
public enum WatchEvent: Sendable, Hashable {
    /// The file at this path, relative to the watched folder with `/` separators, may have been created,
    /// modified or removed. Whether it still exists is for the consumer to check.
    case changed(String)
    /// The file at this path was just written and closed (`IN_CLOSE_WRITE`) or moved into place (`IN_MOVED_TO`):
    /// what is there now is a complete version, unless another event for it follows.
    case written(String)
    /// The folder at this relative path left the tree (moved out, or removed) together with everything in
    /// it, which produced no events of its own. `Site.update(changedPaths:)` forgets every entry under a
    /// path that no longer exists, so the folder's path is passed on as a changed path.
    case folderRemoved(String)
    /// Events were lost (inotify queue overflow, or the watched folder itself moved or vanished): only a full
    /// scan can tell what changed.
    case rescan
}

/// Why a folder cannot be watched.
public enum WatchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder (or the inotify instance) could not be watched; `reason` is the system's explanation.
    case cannotWatch(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWatch(let path, let reason): "cannot watch \(path): \(reason)"
        }
    }
}

/// Something that watches a folder tree and reports changed files as they happen.
///
/// `FolderWatcher` (inotify) and `PollingWatcher` (periodic scans) both conform, so the daemon and its tests
/// run the same way in either mode.
public protocol ChangeWatcher: Sendable {
    /// Starts watching and returns the events. Watching stops, and its resources are released, when the
    /// consumer stops iterating (the stream is terminated or its task is cancelled).
    func events() throws(WatchError) -> AsyncStream<WatchEvent>
}
