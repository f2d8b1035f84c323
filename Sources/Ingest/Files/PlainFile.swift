import Platform

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
        /// The file's bytes and its modification time in seconds since the epoch.
        case bytes([UInt8], modified: Int64)
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
        var size = 0
        var modified: Int64 = 0
        for (index, part) in parts.enumerated() {
            path += String(Substring(part))
            guard let status = FileStatus(linkAt: path) else { return .notSure }
            if index == parts.count - 1 {
                guard status.kind == .regular else { return .notSure }
                size = status.size
                modified = status.stamp.modifiedSeconds
            } else {
                guard status.kind == .directory else { return .notSure }
                path += "/"
            }
        }
        if size > maximumBytes { return .tooLarge(size) }
        guard let file = try? FileDescriptor.open(readingAt: path) else { return .notSure }
        defer { try? file.close() }
        // To the end, as `Data(contentsOf:)` would read it, even if the file grew since `lstat`.
        return (try? file.readToEnd(expected: size)).map { .bytes($0, modified: modified) } ?? .notSure
    }
}
