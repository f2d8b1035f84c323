#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Named like the C calls they wrap, so the methods below reach the C functions through these.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}

private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t = 0) -> Int32 {
    open(path, flags, mode)
}

/// An open file: the few calls Crier makes on one, with interrupted calls retried and short reads and writes
/// completed. Closing is explicit (`close()`); the owner decides when, as with the C descriptor it wraps.
public struct FileDescriptor: Sendable {
    /// The C descriptor.
    public let rawValue: Int32
    /// The path it was opened with, for messages.
    public let path: String

    /// Opens `path` for reading.
    public static func open(readingAt path: String) throws(SystemError) -> FileDescriptor {
        let descriptor = systemOpen(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 { throw SystemError("open", path: path) }
        return FileDescriptor(rawValue: descriptor, path: path)
    }

    /// Opens the folder at `path` for listing (`FileSystem.entries(in:)`) and for calls relative to it.
    public static func open(directoryAt path: String) throws(SystemError) -> FileDescriptor {
        let descriptor = systemOpen(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if descriptor < 0 { throw SystemError("open", path: path) }
        return FileDescriptor(rawValue: descriptor, path: path)
    }

    /// Opens the folder `name` inside the folder open as `parent`, without following a symbolic link:
    /// one name to look up instead of a whole path, for a walk through a tree.
    public static func open(directoryNamed name: String, in parent: FileDescriptor) throws(SystemError) -> FileDescriptor {
        let path = parent.path.hasSuffix("/") ? parent.path + name : parent.path + "/" + name
        let descriptor = openat(parent.rawValue, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if descriptor < 0 { throw SystemError("open", path: path) }
        return FileDescriptor(rawValue: descriptor, path: path)
    }

    /// Opens `path` for reading and writing, creating it (mode 0644) when missing: for lock files.
    public static func open(creatingAt path: String) throws(SystemError) -> FileDescriptor {
        let descriptor = systemOpen(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        if descriptor < 0 { throw SystemError("open", path: path) }
        return FileDescriptor(rawValue: descriptor, path: path)
    }

    /// Opens an existing file for writing at its end.
    public static func open(appendingAt path: String) throws(SystemError) -> FileDescriptor {
        let descriptor = systemOpen(path, O_WRONLY | O_APPEND | O_CLOEXEC)
        if descriptor < 0 { throw SystemError("open", path: path) }
        return FileDescriptor(rawValue: descriptor, path: path)
    }

    /// Creates a new file from a `mkstemp` template (a path ending in `XXXXXX`) and gives it `mode`.
    public static func makeUnique(template: String, mode: UInt32) throws(SystemError) -> FileDescriptor {
        var bytes = Array(template.utf8CString)
        let descriptor = bytes.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        if descriptor < 0 { throw SystemError("create temporary file", path: template) }
        let path = String(decoding: bytes.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if fchmod(descriptor, mode_t(mode)) != 0 {
            let error = SystemError("chmod", path: path)
            _ = systemClose(descriptor)
            unlink(path)
            throw error
        }
        return FileDescriptor(rawValue: descriptor, path: path)
    }

    /// Reads into `buffer` until it is full or the file ends; the count read.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let count = systemRead(rawValue, base + filled, buffer.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError("read", path: path)
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// Reads into `buffer` from byte `offset` of the file (`pread(2)`, the file position untouched) until it is
    /// full or the file ends; the count read.
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(SystemError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            let count = pread(rawValue, base + filled, buffer.count - filled, off_t(offset + filled))
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError("pread", path: path)
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }

    /// Reads to the end of the file, starting with room for `expected` bytes.
    public func readToEnd(expected: Int = 1 << 16) throws(SystemError) -> [UInt8] {
        var bytes: [UInt8] = []
        var capacity = max(expected, 0)
        while true {
            var failure: SystemError?
            let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                do throws(SystemError) {
                    initialized = try read(into: UnsafeMutableRawBufferPointer(buffer))
                } catch {
                    initialized = 0
                    failure = error
                }
            }
            if let failure { throw failure }
            if bytes.isEmpty { bytes = chunk } else { bytes += chunk }
            // A short read means the end; a full one may have more behind it (the file grew meanwhile).
            if chunk.count < capacity { return bytes }
            capacity = 1 << 16
        }
    }

    /// Writes every byte.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(rawValue, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw SystemError("write", path: path)
            }
            offset += written
        }
    }

    /// Flushes the file's data to the disk.
    public func sync() throws(SystemError) {
        if fsync(rawValue) != 0 { throw SystemError("fsync", path: path) }
    }

    /// Closes the descriptor.
    public func close() throws(SystemError) {
        if systemClose(rawValue) != 0 { throw SystemError("close", path: path) }
    }

    /// Takes an exclusive advisory lock (`flock`), failing at once when another holds it; the kernel releases
    /// it when the process dies, even by `kill -9`.
    public func tryLockExclusively() -> Bool {
        flock(rawValue, LOCK_EX | LOCK_NB) == 0
    }

    /// Releases a lock taken with `tryLockExclusively()`.
    public func unlock() {
        flock(rawValue, LOCK_UN)
    }
}
