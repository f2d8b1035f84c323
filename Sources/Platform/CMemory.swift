#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func systemFree(_ pointer: UnsafeMutableRawPointer?) {
    free(pointer)
}

/// The C library's memory and byte-string calls, for code that handles memory a C library gave it.
public enum CMemory {
    /// Frees memory allocated with `malloc` (libxml2's strings, with its default allocator).
    public static func free(_ pointer: UnsafeMutableRawPointer?) {
        systemFree(pointer)
    }

    /// The length of a NUL-terminated byte string (`strlen`).
    public static func length(of string: UnsafePointer<UInt8>) -> Int {
        strlen(UnsafeRawPointer(string).assumingMemoryBound(to: CChar.self))
    }

    /// The first `byte` in `count` bytes from `start` (`memchr`, vectorised by the C library), or nil.
    public static func first(_ byte: UInt8, in start: UnsafePointer<UInt8>, count: Int) -> UnsafePointer<UInt8>? {
        memchr(start, Int32(byte), count).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }
    }
}

extension CMemory {
    /// True when the first `count` bytes at `left` and `right` are equal (`memcmp`).
    public static func equal(_ left: UnsafeRawPointer, _ right: UnsafeRawPointer, count: Int) -> Bool {
        memcmp(left, right, count) == 0
    }
}
