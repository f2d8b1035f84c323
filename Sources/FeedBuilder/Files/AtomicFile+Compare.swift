#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension AtomicFile {
    /// True when the file at `path` exists and holds exactly the bytes of the file at `other`. Reads both in
    /// chunks, so comparing a freshly written feed with the one in place holds neither in memory.
    static func file(_ path: String, equalsFile other: String) -> Bool {
        var first = stat()
        var second = stat()
        guard stat(path, &first) == 0, stat(other, &second) == 0, first.st_size == second.st_size else { return false }
        let left = open(path, O_RDONLY | O_CLOEXEC)
        guard left >= 0 else { return false }
        defer { close(left) }
        let right = open(other, O_RDONLY | O_CLOEXEC)
        guard right >= 0 else { return false }
        defer { close(right) }
        let chunkSize = 1 << 16
        var leftChunk = [UInt8](repeating: 0, count: chunkSize)
        var rightChunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            guard let leftCount = readFully(left, into: &leftChunk), let rightCount = readFully(right, into: &rightChunk),
                  leftCount == rightCount else { return false }
            if leftCount == 0 { return true }
            let same = leftChunk.withUnsafeBytes { a in
                rightChunk.withUnsafeBytes { b in
                    guard let aBase = a.baseAddress, let bBase = b.baseAddress else { return false }
                    return memcmp(aBase, bBase, leftCount) == 0
                }
            }
            guard same else { return false }
        }
    }

    /// Fills `buffer` unless the file ends first (read(2) may return less than asked); the count read, nil on
    /// an error.
    private static func readFully(_ descriptor: Int32, into buffer: inout [UInt8]) -> Int? {
        var filled = 0
        while filled < buffer.count {
            let count = buffer.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress.map { $0 + filled }, raw.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        return filled
    }
}
