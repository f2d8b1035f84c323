import Dispatch
import Glibc

/// What happened to one name in a watched folder, as inotify reported it.
struct InotifyEvent: Sendable {
    /// The watch descriptor the event belongs to; -1 for a queue overflow.
    let watch: Int32
    let mask: InotifyMask
    /// Pairs a `movedFrom` with its `movedTo` when a rename stays inside watched folders.
    let cookie: UInt32
    /// The name inside the watched folder; empty for events about the folder itself.
    let name: String
}

/// The inotify event bits Crier cares about, as a Swift option set so no other file needs Glibc.
struct InotifyMask: OptionSet, Sendable {
    let rawValue: UInt32

    static let modify = InotifyMask(rawValue: UInt32(IN_MODIFY))
    static let attributes = InotifyMask(rawValue: UInt32(IN_ATTRIB))
    static let closeWrite = InotifyMask(rawValue: UInt32(IN_CLOSE_WRITE))
    static let movedFrom = InotifyMask(rawValue: UInt32(IN_MOVED_FROM))
    static let movedTo = InotifyMask(rawValue: UInt32(IN_MOVED_TO))
    static let create = InotifyMask(rawValue: UInt32(IN_CREATE))
    static let delete = InotifyMask(rawValue: UInt32(IN_DELETE))
    static let deleteSelf = InotifyMask(rawValue: UInt32(IN_DELETE_SELF))
    static let moveSelf = InotifyMask(rawValue: UInt32(IN_MOVE_SELF))
    static let unmounted = InotifyMask(rawValue: UInt32(IN_UNMOUNT))
    static let overflow = InotifyMask(rawValue: UInt32(IN_Q_OVERFLOW))
    static let ignored = InotifyMask(rawValue: UInt32(IN_IGNORED))
    static let isDirectory = InotifyMask(rawValue: UInt32(IN_ISDIR))
}

/// One inotify instance read through a dispatch source: the only place in Crier that calls inotify.
///
/// Every method must be called on `queue`, the serial queue the event handler also runs on, so the caller's
/// bookkeeping (watch descriptors to folders) never races with incoming events.
final class Inotify: @unchecked Sendable {
    private let descriptor: Int32
    /// Delivers events as they come; nil for an instance read only when asked (`pendingEvents()`).
    private let source: (any DispatchSourceRead)?
    private var closed = false

    /// Opens an inotify instance and starts delivering batches of events to `handler` on `queue`.
    init(queue: DispatchQueue, handler: @escaping @Sendable ([InotifyEvent]) -> Void) throws(WatchError) {
        // Non-blocking so the drain loop stops at EAGAIN; close-on-exec so a spawned editor or hook does not
        // inherit the descriptor and keep the instance alive.
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else {
            throw WatchError.cannotWatch(path: "inotify", reason: Self.describe(errno))
        }
        descriptor = fd
        let source = DispatchSource.makeReadSource(fileDescriptor: fd, queue: queue)
        source.setEventHandler { [descriptor = fd] in
            let events = Self.drain(descriptor)
            if !events.isEmpty { handler(events) }
        }
        source.setCancelHandler { [descriptor = fd] in
            _ = Glibc.close(descriptor)
        }
        source.resume()
        self.source = source
    }

    /// Opens an inotify instance whose events are read only by `pendingEvents()`, when its owner asks.
    init() throws(WatchError) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else {
            throw WatchError.cannotWatch(path: "inotify", reason: Self.describe(errno))
        }
        descriptor = fd
        source = nil
    }

    deinit {
        close()
    }

    /// Every event queued so far (for an instance made by `init()`).
    func pendingEvents() -> [InotifyEvent] {
        closed ? [] : Self.drain(descriptor)
    }

    /// Watches one folder for anything that can change a file in it: writes (as they happen, not only when the
    /// writer closes), attribute and link changes, names created, removed or renamed in or out, and the folder
    /// itself removed or moved.
    func addContentWatch(folder path: String) -> Int32? {
        let mask =
            UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE)
            | UInt32(IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)
        let wd = inotify_add_watch(descriptor, path, mask)
        return wd >= 0 ? wd : nil
    }

    /// Watches one folder (not recursively: inotify has no recursive mode). Returns `nil` with the reason when
    /// the folder cannot be watched, such as when it vanished between listing and watching.
    func addWatch(folder path: String) -> Result<Int32, WatchError> {
        let mask =
            UInt32(IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_ATTRIB)
            | UInt32(IN_DELETE_SELF | IN_MOVE_SELF)
            // Symlinked folders are not followed: a link loop would otherwise add watches forever.
            | UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW)
        let wd = inotify_add_watch(descriptor, path, mask)
        guard wd >= 0 else {
            return .failure(.cannotWatch(path: path, reason: Self.describe(errno)))
        }
        return .success(wd)
    }

    /// Stops watching a folder. Failures are ignored: the kernel already drops watches of deleted folders.
    func removeWatch(_ watch: Int32) {
        _ = inotify_rm_watch(descriptor, watch)
    }

    /// Stops the dispatch source; its cancel handler closes the descriptor.
    func close() {
        guard !closed else { return }
        closed = true
        if let source { source.cancel() } else { _ = Glibc.close(descriptor) }
    }

    /// Reads every pending event until the kernel says `EAGAIN`.
    private static func drain(_ fd: Int32) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        // Large enough for many events: each is 16 bytes plus a name of at most NAME_MAX + 1 bytes.
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer, capacity)
            if count < 0 {
                if errno == EINTR { continue }
                break  // EAGAIN: drained. Anything else: nothing more to read now.
            }
            if count == 0 { break }
            var offset = 0
            // The header is 16 bytes: wd, mask, cookie, len; `name[]` is not imported, so read it at offset 16.
            while offset + 16 <= count {
                let base = buffer.advanced(by: offset)
                let wd = base.loadUnaligned(fromByteOffset: 0, as: Int32.self)
                let mask = base.loadUnaligned(fromByteOffset: 4, as: UInt32.self)
                let cookie = base.loadUnaligned(fromByteOffset: 8, as: UInt32.self)
                let length = Int(base.loadUnaligned(fromByteOffset: 12, as: UInt32.self))
                guard offset + 16 + length <= count else { break }
                let nameBytes = UnsafeRawBufferPointer(start: base.advanced(by: 16), count: length)
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                events.append(InotifyEvent(watch: wd, mask: InotifyMask(rawValue: mask), cookie: cookie, name: name))
                offset += 16 + length
            }
        }
        return events
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
