#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func systemRename(_ source: String, _ target: String) -> Int32 {
    rename(source, target)
}

/// Calls on paths rather than open files: rename, remove, create and sync folders, list a folder.
public enum FileSystem {
    /// Renames `source` over `target` (atomic on one file system).
    public static func rename(_ source: String, to target: String) throws(SystemError) {
        if systemRename(source, target) != 0 { throw SystemError("rename from \(source)", path: target) }
    }

    /// Deletes a file; a file already gone is not an error.
    public static func removeFile(_ path: String) throws(SystemError) {
        if unlink(path) != 0 && errno != ENOENT { throw SystemError("unlink", path: path) }
    }

    /// Creates a folder (mode 0755); one that exists already is not an error.
    public static func makeDirectory(_ path: String) throws(SystemError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw SystemError("mkdir", path: path) }
    }

    /// Removes a folder if it is empty; true when it is gone (or was never there). A folder that still holds
    /// something is left as it is.
    @discardableResult
    public static func removeDirectoryIfEmpty(_ path: String) -> Bool {
        rmdir(path) == 0 || errno == ENOENT
    }

    /// Syncs a folder, so renames and deletions in it survive a crash.
    public static func syncDirectory(_ path: String) throws(SystemError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor < 0 { throw SystemError("open directory", path: path) }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { throw SystemError("fsync directory", path: path) }
    }

    /// The names in a folder, without `.` and `..`, in `readdir` order (which is not deterministic).
    public static func names(inDirectory path: String) throws(SystemError) -> [String] {
        guard let handle = opendir(path) else { throw SystemError("opendir", path: path) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// One name in a folder, with its kind when the folder's listing says it (`d_type`).
    public struct Entry: Sendable {
        /// The name, valid UTF-8.
        public var name: String
        /// What the name is, as the listing says; nil when the file system does not say (then `lstat` it).
        public var kind: FileStatus.Kind?
    }

    /// The names in the folder open as `folder`, without `.`, `..` and names that are not valid UTF-8 (no
    /// article path could name them), in `readdir` order. The descriptor stays open and owned by the caller.
    public static func entries(in folder: FileDescriptor) throws(SystemError) -> [Entry] {
        // fdopendir takes over the descriptor it is given: give it a copy, so closing the listing leaves ours.
        let copy = dup(folder.rawValue)
        guard copy >= 0, let handle = fdopendir(copy) else {
            let error = SystemError("opendir", path: folder.path)
            if copy >= 0 { close(copy) }
            throw error
        }
        defer { closedir(handle) }
        rewinddir(handle)
        var entries: [Entry] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(validating: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard let name, name != ".", name != ".." else { continue }
            let kind: FileStatus.Kind? =
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_REG): .regular
                case Int32(DT_DIR): .directory
                case Int32(DT_LNK): .symbolicLink
                case Int32(DT_UNKNOWN): nil
                default: .other
                }
            entries.append(Entry(name: name, kind: kind))
        }
        return entries
    }
}
