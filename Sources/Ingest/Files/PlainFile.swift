#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an article file with one `lstat` per path component, one `open` and `read`s, when that gives exactly
/// what the Foundation route (`resolvingSymlinksInPath`, `fileExists`, `attributesOfItem`, `Data(contentsOf:)`)
/// would, and says "not sure" otherwise so the caller takes that route.
///
/// Profiles of a 10,000-article build spent more time in that route's path arithmetic and repeated `stat`s
/// than in reading the bytes. The shortcut applies only to the common case: a regular file reached through
/// real folders (no symlink anywhere below the source folder, whose own path is already canonical). Then the
/// file is inside the source folder by construction and the size is the one `lstat` reported.
enum PlainFile {
    /// What the shortcut found.
    enum Outcome: Equatable {
        /// The file's bytes.
        case bytes([UInt8])
        /// A regular file larger than the limit, with its size; it was not read.
        case tooLarge(Int)
        /// Not the simple case (a symlink, a missing file, an error): take the general route.
        case notSure
    }

    /// Reads `relativePath` under `canonicalRoot` (a canonical folder path ending in `/`).
    static func contents(of relativePath: String, canonicalRoot: String, maximumBytes: Int) -> Outcome {
        let parts = relativePath.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        // Empty, `.` and `..` parts mean path arithmetic the general route does its own way.
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && !$0.elementsEqual(".".utf8) && !$0.elementsEqual("..".utf8) }) else {
            return .notSure
        }
        var path = canonicalRoot
        var status = stat()
        for (index, part) in parts.enumerated() {
            path += String(Substring(part))
            guard lstat(path, &status) == 0 else { return .notSure }
            let kind = status.st_mode & S_IFMT
            if index == parts.count - 1 {
                guard kind == S_IFREG else { return .notSure }
            } else {
                guard kind == S_IFDIR else { return .notSure }
                path += "/"
            }
        }
        let size = Int(status.st_size)
        if size > maximumBytes { return .tooLarge(size) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .notSure }
        defer { close(descriptor) }
        return readAll(descriptor, expected: size).map { .bytes($0) } ?? .notSure
    }

    /// Reads to the end of the file: `expected` bytes into an uninitialised buffer, then whatever follows if
    /// the file grew meanwhile (as `Data(contentsOf:)` would). Nil on a read error.
    private static func readAll(_ descriptor: Int32, expected: Int) -> [UInt8]? {
        guard var bytes = readChunk(descriptor, capacity: max(expected, 0)) else { return nil }
        guard bytes.count == expected else { return bytes }
        while true {
            guard let more = readChunk(descriptor, capacity: 65_536) else { return nil }
            if more.isEmpty { return bytes }
            bytes += more
        }
    }

    /// Up to `capacity` bytes, fewer only at the end of the file; nil on a read error.
    private static func readChunk(_ descriptor: Int32, capacity: Int) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while initialized < capacity {
                let got = read(descriptor, base + initialized, capacity - initialized)
                if got < 0 && errno == EINTR { continue }
                if got < 0 { failed = true }
                if got <= 0 { return }
                initialized += got
            }
        }
        return failed ? nil : bytes
    }
}
