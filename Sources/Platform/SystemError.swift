#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call: what was attempted, on which path, and the C library's message for `errno`.
public struct SystemError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was attempted, in words: `open`, `fsync directory`, `rename from …`.
    public var operation: String
    /// The file or folder involved.
    public var path: String
    /// The `errno` value.
    public var code: Int32

    /// Captures `errno` now, right after the failed call.
    init(_ operation: String, path: String) {
        self.operation = operation
        self.path = path
        self.code = errno
    }

    /// True when the path does not exist (`ENOENT`).
    public var isNotFound: Bool { code == ENOENT }

    /// The C library's message for the error (`strerror`), such as `No space left on device`.
    public var message: String {
        strerror(code).map { String(cString: $0) } ?? "errno \(code)"
    }

    /// `PATH: OPERATION failed: MESSAGE`.
    public var description: String { "\(path): \(operation) failed: \(message)" }
}
