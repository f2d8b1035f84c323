public import FeedModel

/// A problem with one article file: why it failed, why it was left out, or a warning about it.
///
/// Crier's words for outcomes, from ingest to the command line's output: a file **failed** when it could not
/// be published (unreadable, broken front matter, an impossible date); it was **left out** when it is kept
/// out on purpose (a draft, a title without a body, a symlink that is not followed); a **warning** is about
/// a file that was published all the same (a guessed encoding, an unknown front-matter key).
///
/// The description reads like a compiler message, `posts/a.md:3: front matter: 'date' is not a date: "2024-13-45"`,
/// so editors and terminals can jump to the line.
public struct IngestIssue: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path relative to the source folder.
    public var file: String
    /// The 1-based line the problem is on, when it is known.
    public var line: Int?
    /// What went wrong and what was expected.
    public var message: String

    /// Creates an issue.
    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// One line, whatever the file name or message hold: line breaks, control characters and bidirectional
    /// overrides are written as `\u{…}`, so a hostile file name or quoted content can neither forge extra
    /// report lines nor send escape sequences to the terminal.
    public var description: String {
        let file = Self.printable(file)
        let message = Self.printable(message)
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }

    /// `text` with C0/C1 controls, DEL and bidirectional formatting characters escaped as `\u{…}`.
    static func printable(_ text: String) -> String {
        func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0..<0x20, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// What became of one article file.
public enum IngestOutcome: Sendable {
    /// The file became an entry; `warnings` are things worth telling the author (a guessed encoding, say).
    case entry(Entry, warnings: [IngestIssue])
    /// The file was left out on purpose (a draft, a title without a body); the issue says why.
    case leftOut(IngestIssue)
    /// The file could not be read or parsed; the issue says where and why.
    case failed(IngestIssue)
}

/// The result of ingesting a whole source folder.
public struct IngestResult: Sendable {
    /// The entries, in the order of their files' relative paths (the feed builder sorts by date).
    public var entries: [Entry]
    /// The relative path of the file each entry came from, parallel to `entries` (the daemon keys entries by file).
    public var entryPaths: [String] = []
    /// Files that failed: they could not be published, each with the reason.
    public var failed: [IngestIssue]
    /// Files left out on purpose (drafts, symlinks not followed), each with the reason.
    public var leftOut: [IngestIssue]
    /// Warnings about files that did become entries.
    public var warnings: [IngestIssue]

    /// Creates a result.
    public init(entries: [Entry] = [], failed: [IngestIssue] = [], leftOut: [IngestIssue] = [], warnings: [IngestIssue] = []) {
        self.entries = entries
        self.failed = failed
        self.leftOut = leftOut
        self.warnings = warnings
    }
}
