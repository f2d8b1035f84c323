#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func posixStat(_ path: String, _ info: inout stat) -> Int32 {
    stat(path, &info)
}

/// What `stat(2)` says about a file we published: enough to notice that it is no longer the file we wrote.
///
/// A rename over it (another program, an editor, `cp`) gives a new inode; writing into it in place changes
/// its size or its modification and change times (nanoseconds on ext4 and xfs), so any of these differing
/// means the file must be rendered and compared again.
struct FileStamp: Sendable, Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int
    var changedSeconds: Int
    var changedNanoseconds: Int
}

extension AtomicFile {
    /// The stamp of the file at `path`; nil when it cannot be read (missing, not a regular file).
    static func stamp(of path: String) -> FileStamp? {
        var info = stat()
        guard posixStat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Glibc)
        return FileStamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         modifiedSeconds: Int(info.st_mtim.tv_sec), modifiedNanoseconds: Int(info.st_mtim.tv_nsec),
                         changedSeconds: Int(info.st_ctim.tv_sec), changedNanoseconds: Int(info.st_ctim.tv_nsec))
        #else
        return FileStamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         modifiedSeconds: Int(info.st_mtimespec.tv_sec), modifiedNanoseconds: Int(info.st_mtimespec.tv_nsec),
                         changedSeconds: Int(info.st_ctimespec.tv_sec), changedNanoseconds: Int(info.st_ctimespec.tv_nsec))
        #endif
    }
}
