public import FeedBuilder
import Foundation
import Platform

/// The daemon's `OutputObserver`: inotify on every folder of the output that holds pages, read when the publisher
/// asks, so an update examines only the files something touched instead of every page's file.
///
/// A folder counts as quiet for an interval only when its watch was in place before the interval before it began:
/// the publisher examined every file in it then (it was not quiet yet), under the watch, so any later change is an
/// event. A watch is dropped, and its folder examined file by file again, when the kernel's queue overflowed, the
/// folder was removed or moved (or its path now leads to another folder: a parent renamed), or the watch ended.
/// Folders on file systems where inotify cannot see every change (NFS, SMB, FUSE) are never watched.
///
/// What inotify does not report is not noticed until the file is next examined: a feed file changed through a hard
/// link in another folder or through a shared memory mapping. Safe to share between threads.
public final class OutputWatch: OutputObserver, @unchecked Sendable {
    private struct Watched {
        var watch: Int32
        /// The folder's device and inode when the watch was added: its path must still lead there.
        var device: UInt64
        var inode: UInt64
        /// How many intervals had ended when the watch was added.
        var since: Int
    }

    // Guards everything below; the unchecked Sendable conformance rests on every access holding it.
    private let lock = NSLock()
    private let inotify: Inotify?
    private var folders: [String: Watched] = [:]
    private var byWatch: [Int32: String] = [:]
    /// Intervals ended so far (`changes()` calls).
    private var intervals = 0
    /// Whether each file system (by a folder's device) lets inotify see every change.
    private var localDevices: [UInt64: Bool] = [:]

    /// Creates a watch; when inotify is unavailable (no instance left), it observes nothing and every page is
    /// examined as without it.
    public init() {
        inotify = try? Inotify()
    }

    public func observe(folders paths: Set<String>) {
        lock.withLock {
            guard let inotify else { return }
            for path in paths where folders[path] == nil {
                guard let status = FileStatus(linkAt: path), status.kind == .directory else { continue }
                let device = status.stamp.device
                if localDevices[device] == nil { localDevices[device] = Self.seesEveryChange(onDevice: device) }
                guard localDevices[device] == true, let watch = inotify.addContentWatch(folder: path) else { continue }
                if let other = byWatch[watch] {
                    // The same folder under another path (a link): watched once, trusted under neither.
                    folders[other] = nil
                    byWatch[watch] = nil
                    continue
                }
                folders[path] = Watched(watch: watch, device: device, inode: status.stamp.inode, since: intervals)
                byWatch[watch] = path
            }
        }
    }

    public func changes() -> OutputChanges {
        lock.withLock {
            intervals += 1
            guard let inotify else { return OutputChanges(quietFolders: [], touched: []) }
            var touched: Set<String> = []
            var lost: Set<String> = []
            for event in inotify.pendingEvents() {
                if event.mask.contains(.overflow) {
                    lost.formUnion(folders.keys)
                    continue
                }
                guard let folder = byWatch[event.watch] else { continue }
                if !event.mask.intersection([.ignored, .deleteSelf, .moveSelf, .unmounted]).isEmpty {
                    lost.insert(folder)
                } else if !event.name.isEmpty {
                    touched.insert(folder + "/" + event.name)
                }
            }
            for (path, watched) in folders where !lost.contains(path) {
                // A parent moved or replaced: the path leads elsewhere, and that folder's changes are not watched.
                guard let status = FileStatus(linkAt: path), status.kind == .directory, status.stamp.device == watched.device,
                    status.stamp.inode == watched.inode
                else {
                    lost.insert(path)
                    continue
                }
            }
            for path in lost {
                guard let watched = folders.removeValue(forKey: path) else { continue }
                byWatch[watched.watch] = nil
                inotify.removeWatch(watched.watch)
            }
            // Watched since before the previous interval began: `since` intervals had ended, at most this one's
            // predecessor's start.
            let quiet = Set(folders.filter { $0.value.since < intervals - 1 }.keys)
            return OutputChanges(quietFolders: quiet, touched: touched)
        }
    }

    /// True when the file system mounted from `device` (a `stat`'s `st_dev`) is a local one, where every write goes
    /// through this kernel and so reaches inotify: ext2/3/4, XFS, Btrfs, tmpfs, F2FS, ZFS. On NFS, SMB, FUSE and the
    /// like another machine (or the process behind the file system) can change a file without an event. The type is
    /// the mount's, from `/proc/self/mountinfo` (`MAJOR:MINOR` is its third field, the type follows ` - `).
    static func seesEveryChange(onDevice device: UInt64) -> Bool {
        let major = ((device >> 8) & 0xFFF) | ((device >> 32) & ~0xFFF)
        let minor = (device & 0xFF) | ((device >> 12) & ~0xFF)
        guard let table = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return false }
        let local: Set<Substring> = ["ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "f2fs", "zfs"]
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 2, fields[2] == "\(major):\(minor)", let dash = fields.firstIndex(of: "-"), dash + 1 < fields.count
            else { continue }
            return local.contains(fields[dash + 1])
        }
        return false
    }
}
