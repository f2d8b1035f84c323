#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `lstat(2)` says about a path, without following a symbolic link at its end.
public struct FileStatus: Sendable, Equatable {
    /// What kind of thing the path names.
    public enum Kind: Sendable, Equatable {
        /// A regular file.
        case regular
        /// A folder.
        case directory
        /// A symbolic link (not followed).
        case symbolicLink
        /// Anything else: a device, a socket, a FIFO.
        case other
    }

    /// What the path names (a link itself, never its target).
    public var kind: Kind
    /// The size in bytes.
    public var size: Int
    /// Enough to notice that the file changed or was replaced.
    public var stamp: FileStamp

    /// The status of `path`; nil when it does not exist or cannot be examined.
    public init?(linkAt path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The status of `name` in the folder open as `folder` (`fstatat(2)`, a link at the end not followed); nil
    /// when it does not exist or cannot be examined. One name to look up instead of a whole path, for a caller
    /// examining every file of a folder.
    public init?(linkAt name: String, in folder: FileDescriptor) {
        var info = stat()
        guard fstatat(folder.rawValue, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
        self.init(info)
    }

    /// The status of the file open as `file` (`fstat(2)`): the very file read from, even when its path has
    /// since been renamed over.
    public init?(of file: FileDescriptor) {
        var info = stat()
        guard fstat(file.rawValue, &info) == 0 else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        size = Int(info.st_size)
        #if canImport(Glibc)
        stamp = FileStamp(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modifiedSeconds: Int64(info.st_mtim.tv_sec), modifiedNanoseconds: Int64(info.st_mtim.tv_nsec),
            changedSeconds: Int64(info.st_ctim.tv_sec), changedNanoseconds: Int64(info.st_ctim.tv_nsec))
        #else
        stamp = FileStamp(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
            modifiedSeconds: Int64(info.st_mtimespec.tv_sec), modifiedNanoseconds: Int64(info.st_mtimespec.tv_nsec),
            changedSeconds: Int64(info.st_ctimespec.tv_sec), changedNanoseconds: Int64(info.st_ctimespec.tv_nsec))
        #endif
    }
}

/// What identifies one version of a file without reading it: Crier's one answer to "is this still the file
/// I saw?", for the publisher (is a feed still the one we wrote?) and the server (is a cached ETag still good?).
///
/// A rename over the file (another program, an editor, `cp`) gives a new inode; writing into it in place
/// changes its size or its modification and change times (nanoseconds on ext4 and xfs), so any of these
/// differing means the file must be read again.
public struct FileStamp: Sendable, Hashable {
    /// The device the file is on.
    public var device: UInt64
    /// The file's inode on that device; a rename over the file gives a new one.
    public var inode: UInt64
    /// The size in bytes.
    public var size: Int64
    /// The last modification, in seconds since 1970 (what HTTP `Last-Modified` shows).
    public var modifiedSeconds: Int64
    /// The nanoseconds of the last modification.
    public var modifiedNanoseconds: Int64
    /// The last status change (also moved by writes and renames), in seconds since 1970.
    public var changedSeconds: Int64
    /// The nanoseconds of the last status change.
    public var changedNanoseconds: Int64

    /// The stamp of the regular file at `path`; nil for anything else (missing, a folder, a symbolic link).
    public init?(regularFileAt path: String) {
        guard let status = FileStatus(linkAt: path), status.kind == .regular else { return nil }
        self = status.stamp
    }

    /// The stamp of the regular file `name` in the folder open as `folder`; nil for anything else.
    public init?(regularFileAt name: String, in folder: FileDescriptor) {
        guard let status = FileStatus(linkAt: name, in: folder), status.kind == .regular else { return nil }
        self = status.stamp
    }

    /// A stamp from its parts (a stamp read back from the build cache).
    public init(
        device: UInt64, inode: UInt64, size: Int64, modifiedSeconds: Int64, modifiedNanoseconds: Int64,
        changedSeconds: Int64, changedNanoseconds: Int64
    ) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedSeconds = changedSeconds
        self.changedNanoseconds = changedNanoseconds
    }
}
