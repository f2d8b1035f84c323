public import Foundation
import Parallel
public import Platform

/// Finds the article files in a source folder.
///
/// Rules: extensions `.txt`, `.md`, `.markdown`, `.html`, `.htm` (any case); hidden files and folders are
/// skipped (so `.crier/`, where the state lives, and `.git/` are never read); so are editor leftovers
/// (`name~`, `.swp`/`.swx`, Emacs `.#name` and `#name#`, vim's `4913` probe). A symlinked file counts only if
/// it resolves inside the source folder; symlinked folders are not followed, since they would list files twice
/// or loop.
public enum ArticleFiles {
    /// The extensions of article files, lower case.
    public static let extensions: Set<String> = ["txt", "md", "markdown", "html", "htm"]

    /// Lists article files under `source`, recursively, as relative paths sorted by path.
    /// - Throws: when the source folder cannot be read.
    public static func list(in source: URL) throws -> [String] {
        try scan(source).articles
    }

    /// Lists article files like `list(in:)`, plus the symlinks with article names that are not followed
    /// (pointing outside the source folder, or at nothing), each with the reason, so a build can name them.
    /// - Throws: when the source folder cannot be read.
    public static func scan(_ source: URL) throws -> (articles: [String], refused: [IngestIssue]) {
        let listing = try listing(of: source)
        return (listing.paths, listing.refused)
    }

    /// Lists article files like `scan(_:)`, with the stamp each regular file had when listed (from the
    /// `lstat` the listing makes anyway), for the build cache.
    /// - Parameter sorted: false to leave the paths in the order the folders list them, for a caller that may
    ///   need no order at all (a build that finds nothing changed); `SourceListing.sort()` sorts them later.
    ///   Sorting 200,000 paths took a third of a second.
    /// - Throws: when the source folder cannot be read.
    public static func listing(of source: URL, sorted: Bool = true) throws -> SourceListing {
        let lookedAt = SourceStamp.now()
        let root = source.standardizedFileURL.resolvingSymlinksInPath()
        var found: [(path: String, stamp: SourceStamp?)] = []
        var refused: [IngestIssue] = []
        let folder = try FileDescriptor.open(directoryAt: root.path)
        defer { try? folder.close() }
        try walk(folder, relative: "", root: root, into: &found, refused: &refused)
        var listing = SourceListing(
            paths: found.map(\.path), stamps: found.map(\.stamp), refused: refused.sorted { $0.file < $1.file }, lookedAt: lookedAt)
        if sorted { listing.sort() }
        return listing
    }

    /// True when a relative path names an article file by the name rules alone (extension, hidden parts,
    /// editor leftovers). Used by the folder watcher to ignore noise before touching the disk.
    public static func isArticlePath(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/").map(String.init)
        guard let name = parts.last, !parts.contains(where: { $0.hasPrefix(".") }) else { return false }
        return isArticleName(name)
    }

    /// True when a relative path is never read, whatever its extension: it has a hidden part (`.git/`,
    /// `.crier/`, `.post.md.swp`, Foundation's `.dat.nosync…`) or its name is an editor leftover.
    public static func isIgnored(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/")
        guard let name = parts.last, !parts.contains(where: { $0.hasPrefix(".") }) else { return true }
        return isEditorLeftover(name)
    }

    /// The editor leftovers that are not hidden: backups `name~`, Emacs autosaves `#name#`, and vim's `4913`
    /// probe (the file vim creates to test whether it may write in a folder). Hidden ones (`.swp`, `.swx`,
    /// Emacs `.#name` locks) are covered by the hidden-name rule.
    static func isEditorLeftover(_ name: some StringProtocol) -> Bool {
        name.hasSuffix("~") || name == "4913" || (name.hasPrefix("#") && name.hasSuffix("#"))
    }

    /// True when a file (possibly a symlink) resolves to a location inside `source`.
    public static func isInside(_ file: URL, source: URL) -> Bool {
        isInside(file, resolvedRoot: resolvedRoot(of: source))
    }

    /// The source folder with symlinks resolved and a trailing `/`, for `isInside(_:resolvedRoot:)`.
    static func resolvedRoot(of source: URL) -> String {
        let root = source.standardizedFileURL.resolvingSymlinksInPath().path
        return root.hasSuffix("/") ? root : root + "/"
    }

    /// `isInside(_:source:)` with the source folder resolved once by the caller (once per build, not per file).
    static func isInside(_ file: URL, resolvedRoot root: String) -> Bool {
        file.standardizedFileURL.resolvingSymlinksInPath().path.hasPrefix(root)
    }

    static func isArticleName(_ name: String) -> Bool {
        if name.hasPrefix(".") || isEditorLeftover(name) { return false }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        let suffix = name[name.index(after: dot)...]
        // An ASCII extension is compared byte by byte (a listing asks this of every name, twice); any other goes
        // through Unicode lower-casing, which maps a few non-ASCII letters to ASCII ones (the Kelvin sign to k).
        if let ascii = asciiLowercased(suffix) { return extensionCodes.contains(ascii) }
        return extensions.contains(suffix.lowercased())
    }

    /// The extensions of article files as `asciiLowercased` gives them.
    private static let extensionCodes: Set<UInt64> = Set(extensions.compactMap { asciiLowercased($0[...]) })

    /// Up to eight ASCII bytes, lower-cased, packed into one integer; nil for anything longer or not ASCII.
    private static func asciiLowercased(_ text: Substring) -> UInt64? {
        var code: UInt64 = 0
        var count = 0
        for byte in text.utf8 {
            guard byte < 0x80, count < 8 else { return nil }
            let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
            code = code << 8 | UInt64(lower)
            count += 1
        }
        return code
    }

    /// Lists the folder open as `folder` (`relative` to the source folder) and those under it: names from one
    /// `readdir` pass and a `fstatat` for each article (and each name the listing does not type), relative to
    /// the open folder. Foundation's listing and a whole path per `lstat` cost more than the rest of a warm build.
    private static func walk(
        _ folder: FileDescriptor, relative: String, root: URL, into found: inout [(path: String, stamp: SourceStamp?)],
        refused: inout [IngestIssue]
    ) throws {
        let folderPath = folder.path
        // A regular file that is not an article needs no status at all.
        let names = try FileSystem.entries(in: folder).compactMap { entry in
            entry.name.hasPrefix(".") || (entry.kind == .regular && !isArticleName(entry.name)) ? nil : entry.name
        }
        // The statuses on all cores: the kernel's name look-ups are most of a warm build's listing.
        let statuses = Parallel.map(names[...], run: 256) { name in FileStatus(linkAt: name, in: folder) }
        for (name, status) in zip(names, statuses) {
            let path = relative.isEmpty ? name : relative + "/" + name
            guard let status else { continue }
            switch status.kind {
            case .symbolicLink:
                guard isArticleName(name) else { continue }
                let childPath = folderPath.hasSuffix("/") ? folderPath + name : folderPath + "/" + name
                let child = URL(fileURLWithPath: childPath)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: childPath, isDirectory: &isDirectory) else {
                    refused.append(IngestIssue(file: path, message: "symlink to a missing file; not read"))
                    continue
                }
                guard isInside(child, source: root) else {
                    // Never read: it could expose any file the user can read (a key, a password file).
                    refused.append(IngestIssue(file: path, message: "symlink to a file outside the source folder; not read"))
                    continue
                }
                if !isDirectory.boolValue { found.append((path, nil)) }
            case .directory:
                let child = try FileDescriptor.open(directoryNamed: name, in: folder)
                defer { try? child.close() }
                try walk(child, relative: path, root: root, into: &found, refused: &refused)
            case .regular where isArticleName(name):
                found.append((path, SourceStamp(status)))
            default:
                continue
            }
        }
    }
}

/// The article files of a source folder as one listing saw them: paths in order, each regular file's stamp
/// (nil for a symlinked article, which is always read again), and the symlinks refused.
public struct SourceListing: Sendable {
    /// Relative paths, sorted.
    public var paths: [String]
    /// The stamp of each path, same positions.
    public var stamps: [SourceStamp?]
    /// Symlinks with article names that are not followed, with the reason.
    public var refused: [IngestIssue]
    /// When the listing began, in seconds since 1970 (see `SourceStamp.isSure(lookedAt:)`).
    public var lookedAt: Double

    /// Puts the paths (and their stamps) in order; see `ArticleFiles.listing(of:sorted:)`.
    public mutating func sort() {
        let order = paths.indices.sorted { paths[$0] < paths[$1] }
        paths = order.map { paths[$0] }
        stamps = order.map { stamps[$0] }
    }
}
