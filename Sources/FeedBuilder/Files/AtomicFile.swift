#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The methods below are named like the C calls they wrap, so the C functions are reached through these.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

private func posixRename(_ source: String, _ target: String) -> Int32 {
    rename(source, target)
}

/// The only file of the module that calls the C library for files: temp files, fsync, rename.
///
/// Publishing a feed must never leave a half-written file where a reader or web server can see it, so each
/// document is written to a hidden temp file in the target's own folder (rename is atomic only within one file
/// system), synced, and renamed over the target; then the folder itself is synced so the rename survives a
/// crash (rename(2) and fsync(2) on Linux ext4/xfs).
enum AtomicFile {
    /// Permissions of published feeds: a web server must read them; mkstemp would make them 0600.
    static let publishedMode: mode_t = 0o644

    /// An open temp file; removed by `discard()` unless it was renamed into place.
    final class Temporary {
        let path: String
        private(set) var descriptor: Int32

        init(path: String, descriptor: Int32) {
            self.path = path
            self.descriptor = descriptor
        }

        deinit {
            if descriptor >= 0 { close(descriptor) }
        }

        /// Writes all bytes, retrying short writes and interrupted calls.
        func write(_ bytes: [UInt8]) throws(PublishError) {
            let failed = bytes.withUnsafeBytes { buffer -> Bool in
                guard let base = buffer.baseAddress else { return false }
                var offset = 0
                while offset < buffer.count {
                    let written = posixWrite(descriptor, base + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return true
                    }
                    offset += written
                }
                return false
            }
            if failed { throw AtomicFile.failure(path, "write") }
        }

        /// Flushes the file's data to disk and closes it.
        func syncAndClose() throws(PublishError) {
            if fsync(descriptor) != 0 { throw AtomicFile.failure(path, "fsync") }
            let result = close(descriptor)
            descriptor = -1
            if result != 0 { throw AtomicFile.failure(path, "close") }
        }

        /// Closes and deletes the temp file; used on every error path and for unchanged documents.
        func discard() {
            if descriptor >= 0 {
                close(descriptor)
                descriptor = -1
            }
            unlink(path)
        }
    }

    /// Creates `.NAME.tmp-XXXXXX` next to `target` (hidden, so static-site servers and globbing skip it).
    static func temporary(for target: String) throws(PublishError) -> Temporary {
        let (directory, name) = split(target)
        var template = Array("\(directory)/.\(name).tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if descriptor < 0 { throw failure(target, "create temporary file") }
        if fchmod(descriptor, publishedMode) != 0 {
            let error = failure(path, "chmod")
            close(descriptor)
            unlink(path)
            throw error
        }
        return Temporary(path: path, descriptor: descriptor)
    }

    /// Reads a whole file; nil when it does not exist.
    static func contents(of path: String) throws(PublishError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw failure(path, "open")
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, "read")
            }
            if count == 0 { return bytes }
            chunk.withUnsafeBytes { bytes.append(contentsOf: $0.prefix(count)) }
        }
    }

    /// True when the file at `path` exists and holds exactly `bytes`. Reads it in chunks, so a large feed is
    /// not held twice.
    static func file(_ path: String, equals bytes: [UInt8]) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0, Int(status.st_size) == bytes.count else { return false }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            if count == 0 { return offset == bytes.count }
            guard offset + count <= bytes.count else { return false }
            let same = chunk.withUnsafeBytes { read in
                bytes.withUnsafeBytes { expected in
                    guard let readBase = read.baseAddress, let expectedBase = expected.baseAddress else { return false }
                    return memcmp(readBase, expectedBase + offset, count) == 0
                }
            }
            guard same else { return false }
            offset += count
        }
    }

    /// Renames a temp file over its target (atomic on one file system).
    static func rename(_ source: String, to target: String) throws(PublishError) {
        if posixRename(source, target) != 0 { throw failure(target, "rename from \(source)") }
    }

    /// Deletes a file.
    static func remove(_ path: String) throws(PublishError) {
        if unlink(path) != 0 && errno != ENOENT { throw failure(path, "unlink") }
    }

    /// Syncs a directory so renames and deletions in it are durable.
    static func syncDirectory(_ path: String) throws(PublishError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor < 0 { throw failure(path, "open directory") }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { throw failure(path, "fsync directory") }
    }

    /// Creates a directory and its parents when missing.
    static func createDirectory(_ path: String) throws(PublishError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw failure(prefix, "mkdir") }
        }
    }

    /// The names of the entries of a directory, sorted (readdir order is not deterministic).
    static func names(in directory: String) throws(PublishError) -> [String] {
        guard let handle = opendir(directory) else { throw failure(directory, "opendir") }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Splits a path into its directory (`.` when none) and last component.
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    static func failure(_ path: String, _ operation: String) -> PublishError {
        let code = errno
        let message = strerror(code).map { String(cString: $0) } ?? "errno \(code)"
        return PublishError(.fileSystem(path: path, operation: operation, message: message))
    }
}
