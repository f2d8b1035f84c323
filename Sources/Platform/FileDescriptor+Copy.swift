#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Named apart from `FileDescriptor.open`, so the call below reaches the C function.
private func openForWriting(_ path: String) -> Int32 {
    open(path, O_WRONLY | O_CLOEXEC)
}

extension FileDescriptor {
    /// Opens an existing file for writing, positioned at its end: like `open(appendingAt:)` for a single writer,
    /// but without `O_APPEND`, which `sendfile(2)` refuses as a destination.
    public static func open(writingAtEndOf path: String) throws(SystemError) -> FileDescriptor {
        let descriptor = openForWriting(path)
        if descriptor < 0 { throw SystemError("open", path: path) }
        let file = FileDescriptor(rawValue: descriptor, path: path)
        if lseek(descriptor, 0, SEEK_END) < 0 {
            let error = SystemError("lseek", path: path)
            try? file.close()
            throw error
        }
        return file
    }

    /// Appends `count` bytes of `source`, from its byte `offset`, at this file's position, copied inside the
    /// kernel (`sendfile(2)`): the bytes never pass through this process, so a span of a published file that a
    /// new document keeps costs neither a read into memory nor a write out of it. Where the kernel cannot copy
    /// between these two files, the bytes are read and written a block at a time instead.
    /// - Throws: a `SystemError` when a call fails, or when `source` ends before `offset + count`.
    public func copy(from source: FileDescriptor, offset: Int, count: Int) throws(SystemError) {
        #if canImport(Glibc)
        var position = off_t(offset)
        var left = count
        while left > 0 {
            let copied = sendfile(rawValue, source.rawValue, &position, min(left, 1 << 30))
            if copied < 0 {
                if errno == EINTR { continue }
                if errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP {
                    try copyThroughMemory(from: source, offset: Int(position), count: left)
                    return
                }
                throw SystemError("sendfile", path: path)
            }
            if copied == 0 { throw Self.endedEarly("sendfile", path: source.path) }
            left -= copied
        }
        #else
        try copyThroughMemory(from: source, offset: offset, count: count)
        #endif
    }

    /// The error for a file shorter than the span asked of it (it was cut while being copied).
    private static func endedEarly(_ operation: String, path: String) -> SystemError {
        var error = SystemError(operation, path: path)
        error.code = EIO
        return error
    }

    /// `copy(from:offset:count:)` through a buffer of this process.
    private func copyThroughMemory(from source: FileDescriptor, offset: Int, count: Int) throws(SystemError) {
        let block = min(count, 1 << 20)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: block, alignment: 16)
        defer { buffer.deallocate() }
        var done = 0
        while done < count {
            let want = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<min(block, count - done)])
            let read = try source.read(into: want, at: offset + done)
            if read == 0 { throw Self.endedEarly("pread", path: source.path) }
            try write(UnsafeRawBufferPointer(rebasing: buffer[0..<read]))
            done += read
        }
    }
}

extension FileDescriptor {
    /// Asks the kernel to start writing the file's changed pages to the disk now, without waiting for them
    /// (`sync_file_range(2)` with `SYNC_FILE_RANGE_WRITE`), so that a later `sync()` waits only for what was
    /// written since: a publish writing 120 MB then has most of it on the disk by the time it syncs. Promises
    /// nothing by itself (`sync()` does); does nothing where the call is missing.
    public func startWriteback() {
        #if os(Linux)
        _ = FileDescriptor.syncFileRange?(rawValue, 0, 0, 2)  // SYNC_FILE_RANGE_WRITE
        #endif
    }

    #if os(Linux)
    /// `sync_file_range` from the C library, looked up once: a GNU extension Swift's Glibc module does not declare.
    private static let syncFileRange: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
    }()
    #endif
}
