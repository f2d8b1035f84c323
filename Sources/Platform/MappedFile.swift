#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes mapped read-only into memory (`mmap(2)`), unmapped when the last reference goes.
///
/// For large files read in scattered pieces (the build cache's pack of parsed articles, tens of megabytes):
/// nothing is copied, pages come from the page cache as they are touched, and the mapping costs no heap.
/// The file must not shrink while mapped (a read past its new end faults); Crier replaces such files by a
/// rename and only appends to them in place, which leaves a mapping whole.
public final class MappedFile: @unchecked Sendable {
    // Immutable after `init`, and the mapping is read-only: safe to share between threads.
    private let base: UnsafeRawPointer?
    /// The mapped length in bytes: the file's size when it was opened.
    public let count: Int

    /// Maps the regular file at `path`.
    /// - Throws: a `SystemError` when it cannot be opened, examined or mapped.
    public init(readingAt path: String) throws(SystemError) {
        let file = try FileDescriptor.open(readingAt: path)
        defer { try? file.close() }
        var info = stat()
        guard fstat(file.rawValue, &info) == 0 else { throw SystemError("fstat", path: path) }
        count = Int(info.st_size)
        guard count > 0 else {
            base = nil
            return
        }
        let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, file.rawValue, 0)
        guard let mapped, mapped != MAP_FAILED else { throw SystemError("mmap", path: path) }
        base = UnsafeRawPointer(mapped)
    }

    deinit {
        if let base { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }

    /// Calls `body` with the mapped bytes, which stay valid only during the call.
    public func withUnsafeBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }
}
