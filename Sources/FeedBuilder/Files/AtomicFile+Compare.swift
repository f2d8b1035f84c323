import Platform

extension AtomicFile {
    /// True when the file at `path` exists and holds exactly the bytes of the file at `other`. Reads both in
    /// chunks, so comparing a freshly written feed with the one in place holds neither in memory.
    static func file(_ path: String, equalsFile other: String) -> Bool {
        guard let first = FileStatus(linkAt: path), let second = FileStatus(linkAt: other), first.size == second.size,
            let left = try? FileDescriptor.open(readingAt: path)
        else { return false }
        defer { try? left.close() }
        guard let right = try? FileDescriptor.open(readingAt: other) else { return false }
        defer { try? right.close() }
        let chunkSize = 1 << 16
        var leftChunk = [UInt8](repeating: 0, count: chunkSize)
        var rightChunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            guard let leftCount = leftChunk.withUnsafeMutableBytes({ try? left.read(into: $0) }),
                let rightCount = rightChunk.withUnsafeMutableBytes({ try? right.read(into: $0) }),
                leftCount == rightCount
            else { return false }
            if leftCount == 0 { return true }
            let same = leftChunk.withUnsafeBytes { a in
                rightChunk.withUnsafeBytes { b in
                    guard let aBase = a.baseAddress, let bBase = b.baseAddress else { return false }
                    return CMemory.equal(aBase, bBase, count: leftCount)
                }
            }
            guard same else { return false }
        }
    }
}
