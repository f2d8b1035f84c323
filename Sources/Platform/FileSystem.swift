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
}
