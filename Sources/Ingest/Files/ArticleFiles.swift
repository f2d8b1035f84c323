public import Foundation
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
        let root = source.standardizedFileURL.resolvingSymlinksInPath()
        var found: [String] = []
        var refused: [IngestIssue] = []
        var stamps: [String: SourceStamp]? = nil
        try walk(root, relative: "", root: root, into: &found, refused: &refused, stamps: &stamps)
        return (found.sorted(), refused.sorted { $0.file < $1.file })
    }

    /// Lists article files like `scan(_:)`, with the stamp each regular file had when listed (from the
    /// `lstat` the listing makes anyway), for the build cache.
    /// - Throws: when the source folder cannot be read.
    public static func listing(of source: URL) throws -> SourceListing {
        let lookedAt = SourceStamp.now()
        let root = source.standardizedFileURL.resolvingSymlinksInPath()
        var found: [String] = []
        var refused: [IngestIssue] = []
        var stamps: [String: SourceStamp]? = [:]
        try walk(root, relative: "", root: root, into: &found, refused: &refused, stamps: &stamps)
        found.sort()
        return SourceListing(
            paths: found, stamps: found.map { stamps?[$0] }, refused: refused.sorted { $0.file < $1.file }, lookedAt: lookedAt)
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
        return extensions.contains(name[name.index(after: dot)...].lowercased())
    }

    private static func walk(
        _ folder: URL, relative: String, root: URL, into found: inout [String], refused: inout [IngestIssue],
        stamps: inout [String: SourceStamp]?
    ) throws {
        let folderPath = folder.path
        // Names and one lstat each: Foundation's per-URL resource values cost more than the rest of listing.
        for name in try FileManager.default.contentsOfDirectory(atPath: folderPath) {
            if name.hasPrefix(".") { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            let childPath = folderPath.hasSuffix("/") ? folderPath + name : folderPath + "/" + name
            guard let status = FileStatus(linkAt: childPath) else { continue }
            switch status.kind {
            case .symbolicLink:
                guard isArticleName(name) else { continue }
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
                if !isDirectory.boolValue { found.append(path) }
            case .directory:
                try walk(
                    URL(fileURLWithPath: childPath, isDirectory: true), relative: path, root: root, into: &found, refused: &refused,
                    stamps: &stamps)
            case .regular where isArticleName(name):
                found.append(path)
                stamps?[path] = SourceStamp(status)
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
}
