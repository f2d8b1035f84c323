public import Foundation

/// Watches a folder tree by scanning it periodically, for file systems where inotify sees nothing (network
/// mounts, some container volumes): `crier watch --poll SECONDS`.
///
/// A file counts as changed when its modification time, size or inode differs from the previous scan, or when
/// it appeared or disappeared. The inode catches an atomic replace that kept the size within the same second.
public struct PollingWatcher: ChangeWatcher {
    private let tree: WatchedTree
    private let interval: Duration

    /// Creates a polling watcher.
    /// - Parameters:
    ///   - root: The folder to scan, recursively.
    ///   - interval: The time between the end of one scan and the start of the next.
    ///   - ignoredFolders: Relative paths of subfolders never scanned, such as an output folder inside `root`.
    public init(root: URL, interval: Duration, ignoredFolders: Set<String> = []) {
        tree = WatchedTree(root: root, ignoredFolders: ignoredFolders)
        self.interval = interval
    }

    public func events() throws(WatchError) -> AsyncStream<WatchEvent> {
        guard let initial = Snapshot(scanning: tree) else {
            throw WatchError.cannotWatch(path: tree.root, reason: "not a readable folder")
        }
        let (stream, continuation) = AsyncStream.makeStream(of: WatchEvent.self, bufferingPolicy: .unbounded)
        let task = Task { [tree, interval] in
            var previous: Snapshot? = initial
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                if Task.isCancelled { break }
                let current = Snapshot(scanning: tree)
                switch (previous, current) {
                case (let before?, let after?):
                    for path in before.changes(to: after) { continuation.yield(.changed(path)) }
                case (_?, nil), (nil, _?):
                    // The root vanished or came back: only a full scan can say what that means.
                    continuation.yield(.rescan)
                case (nil, nil):
                    break
                }
                previous = current
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}

/// What one scan saw of each file: enough to notice a change without reading contents.
private struct Snapshot {
    struct Signature: Equatable {
        var modified: Date?
        var size: UInt64?
        var inode: UInt64?
    }

    var files: [String: Signature] = [:]

    /// Scans the tree; `nil` when the root is not a folder any more.
    init?(scanning tree: WatchedTree) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: tree.root, isDirectory: &isFolder), isFolder.boolValue else {
            return nil
        }
        var pending = [""]
        while let folder = pending.popLast() {
            let (folders, names) = tree.entries(of: folder)
            pending.append(contentsOf: folders)
            for name in names {
                let attributes = (try? FileManager.default.attributesOfItem(atPath: tree.absolute(name))) ?? [:]
                files[name] = Signature(
                    modified: attributes[.modificationDate] as? Date,
                    size: (attributes[.size] as? NSNumber)?.uint64Value,
                    inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
                )
            }
        }
    }

    /// The paths that appeared, disappeared or changed signature, sorted for a deterministic order.
    func changes(to next: Snapshot) -> [String] {
        var changed: [String] = []
        for (path, signature) in next.files where files[path] != signature {
            changed.append(path)
        }
        for path in files.keys where next.files[path] == nil {
            changed.append(path)
        }
        return changed.sorted()
    }
}
