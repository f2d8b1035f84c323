public import Foundation

extension FolderWatcher {
    /// The relative paths to pass as `ignoredFolders` so the watcher does not watch the output folder when
    /// it lies inside the source folder (the CLI's default, `SOURCE/public`): every publish would otherwise
    /// be reported as a change and cause another regeneration. Empty when the output is elsewhere.
    public static func foldersToIgnore(source: URL, output: URL) -> Set<String> {
        let root = source.standardizedFileURL.resolvingSymlinksInPath().path
        let inside = output.standardizedFileURL.resolvingSymlinksInPath().path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        guard inside.hasPrefix(prefix), inside.count > prefix.count else { return [] }
        var relative = String(inside.dropFirst(prefix.count))
        while relative.hasSuffix("/") { relative.removeLast() }
        return [relative]
    }
}
