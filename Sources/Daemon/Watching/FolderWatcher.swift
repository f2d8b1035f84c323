public import Foundation

/// Watches a folder tree with inotify and reports changed files as they happen.
///
/// inotify is not recursive, so the watcher adds a watch for every subfolder, adds watches for folders created
/// or moved in later (reporting the files already inside them, which may have been written before the watch
/// existed) and drops the watches of folders removed or moved out. Editor save styles all end in an event
/// this watcher reports: in-place writes (`CLOSE_WRITE`), temp file + rename and Foundation's atomic write
/// (`MOVED_TO`), `sed -i` (a rename from `sedXXXX`), `mv` in (`MOVED_TO`) and out (`MOVED_FROM`), and `rm`
/// (`DELETE`). Temporary names are reported too; the ingest filter ignores hidden and backup names.
public struct FolderWatcher: ChangeWatcher {
    private let tree: WatchedTree

    /// Creates a watcher for a folder.
    /// - Parameters:
    ///   - root: The folder to watch, recursively.
    ///   - ignoredFolders: Relative paths of subfolders never watched, such as an output folder inside `root`.
    public init(root: URL, ignoredFolders: Set<String> = []) {
        tree = WatchedTree(root: root, ignoredFolders: ignoredFolders)
    }

    public func events() throws(WatchError) -> AsyncStream<WatchEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: WatchEvent.self, bufferingPolicy: .unbounded)
        let session = try FolderWatchSession(tree: tree, continuation: continuation)
        continuation.onTermination = { _ in session.stop() }
        return stream
    }
}

/// One run of a `FolderWatcher`: the inotify instance and the map from watch descriptors to folders.
///
/// All state is touched only on `queue`, where inotify's events are delivered too.
private final class FolderWatchSession: @unchecked Sendable {
    private let tree: WatchedTree
    private let continuation: AsyncStream<WatchEvent>.Continuation
    private let queue = DispatchQueue(label: "crier.folder-watcher")
    private var inotify: Inotify?
    /// Watch descriptor to the folder's relative path ("" for the root).
    private var folders: [Int32: String] = [:]
    private var rootWatch: Int32 = -1

    init(tree: WatchedTree, continuation: AsyncStream<WatchEvent>.Continuation) throws(WatchError) {
        self.tree = tree
        self.continuation = continuation
        let result: Result<Void, WatchError> = queue.sync {
            do throws(WatchError) {
                let inotify = try Inotify(queue: queue) { [weak self] events in self?.handle(events) }
                self.inotify = inotify
                switch inotify.addWatch(folder: tree.root) {
                case .success(let wd):
                    rootWatch = wd
                    folders[wd] = ""
                case .failure(let error):
                    inotify.close()
                    return .failure(error)
                }
                for folder in tree.entries(of: "").folders {
                    watchTree(folder, reportingFiles: false)
                }
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    func stop() {
        queue.async { [self] in
            inotify?.close()
            inotify = nil
            folders.removeAll()
        }
    }

    /// Watches a folder and everything below it; when the folder is new, its files count as changes.
    private func watchTree(_ relative: String, reportingFiles: Bool) {
        guard let inotify, case .success(let wd) = inotify.addWatch(folder: tree.absolute(relative)) else { return }
        folders[wd] = relative
        // Listed after the watch exists so a file created in between is reported by the watch or the listing.
        let (subfolders, files) = tree.entries(of: relative)
        if reportingFiles {
            for file in files { continuation.yield(.changed(file)) }
        }
        for folder in subfolders {
            watchTree(folder, reportingFiles: reportingFiles)
        }
    }

    /// Drops the watches of a folder and everything below it, e.g. after it was moved out of the tree, where
    /// its watches would otherwise keep reporting events under its old path.
    private func unwatchTree(_ relative: String) {
        let prefix = relative + "/"
        for (wd, path) in folders where path == relative || path.hasPrefix(prefix) {
            inotify?.removeWatch(wd)
            folders[wd] = nil
        }
    }

    private func handle(_ events: [InotifyEvent]) {
        guard inotify != nil else { return }
        for event in events {
            if event.mask.contains(.overflow) {
                // Events were dropped: rescan, and re-list the tree so folders created meanwhile get watches.
                resynchronise()
                continuation.yield(.rescan)
                continue
            }
            guard let folder = folders[event.watch] else { continue }
            if event.mask.contains(.ignored) {
                folders[event.watch] = nil
                continue
            }
            if event.mask.contains(.deleteSelf) || event.mask.contains(.moveSelf) || event.mask.contains(.unmounted) {
                if event.watch == rootWatch {
                    rootLost()
                    return
                }
                continue
            }
            let path = tree.relative(folder, event.name)
            if event.mask.contains(.isDirectory) {
                handleFolder(path, event.mask)
            } else if event.mask.contains(.closeWrite) || event.mask.contains(.movedTo) {
                continuation.yield(.written(path))
            } else if !event.mask.contains(.create) {
                // A plain CREATE is followed by CLOSE_WRITE once the content is there; reporting the CREATE
                // would ingest a half-written file.
                continuation.yield(.changed(path))
            }
        }
    }

    /// The watched folder itself was removed, renamed or unmounted. The remaining watches would report paths
    /// under a name that no longer exists (or under its new name), so all are dropped; the consumer gets a
    /// rescan (which finds the folder missing), and the folder's path is checked once a second until a folder
    /// is there again. Once a second keeps a daemon whose folder is gone for good idle, not spinning.
    private func rootLost() {
        for wd in folders.keys { inotify?.removeWatch(wd) }
        folders.removeAll()
        rootWatch = -1
        continuation.yield(.rescan)
        scheduleRootCheck()
    }

    private func scheduleRootCheck() {
        queue.asyncAfter(deadline: .now() + .seconds(1)) { [weak self] in self?.checkRoot() }
    }

    /// Watches the folder again once it is back, and asks for a rescan, since anything may have changed.
    private func checkRoot() {
        guard let inotify, rootWatch < 0 else { return }
        guard case .success(let wd) = inotify.addWatch(folder: tree.root) else {
            scheduleRootCheck()
            return
        }
        rootWatch = wd
        folders[wd] = ""
        for folder in tree.entries(of: "").folders {
            watchTree(folder, reportingFiles: false)
        }
        continuation.yield(.rescan)
    }

    private func handleFolder(_ path: String, _ mask: InotifyMask) {
        if mask.contains(.create) || mask.contains(.movedTo) {
            if tree.includesFolder(path) { watchTree(path, reportingFiles: true) }
        } else if mask.contains(.movedFrom) {
            // Its files left with it but produced no events of their own.
            unwatchTree(path)
            if tree.includesFolder(path) { continuation.yield(.folderRemoved(path)) }
        } else if mask.contains(.delete) {
            // `rm -r` removes (and reports) the files first; only the watches are left to drop.
            unwatchTree(path)
        }
    }

    private func resynchronise() {
        var pending = [""]
        let watched = Set(folders.values)
        while let folder = pending.popLast() {
            for child in tree.entries(of: folder).folders {
                if watched.contains(child) {
                    pending.append(child)
                } else {
                    watchTree(child, reportingFiles: false)
                }
            }
        }
    }
}
