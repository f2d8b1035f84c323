import Foundation
import Platform

/// The rules both watchers share for which folders and files of a tree are looked at.
struct WatchedTree: Sendable {
    /// The watched folder, as an absolute path without a trailing slash.
    let root: String
    /// Relative folder paths never looked into, such as an output folder inside the source folder, whose
    /// feeds would otherwise trigger a regeneration each time they are written.
    let ignoredFolders: Set<String>

    init(root: URL, ignoredFolders: Set<String>) {
        var path = root.standardizedFileURL.path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        self.root = path
        self.ignoredFolders = Set(ignoredFolders.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "/")) })
    }

    /// The absolute path of a relative one (the empty string is the root).
    func absolute(_ relative: String) -> String {
        relative.isEmpty ? root : root + "/" + relative
    }

    /// Joins a folder's relative path and a name inside it.
    func relative(_ folder: String, _ name: String) -> String {
        folder.isEmpty ? name : folder + "/" + name
    }

    /// Whether a subfolder should be watched: hidden folders (`.git`, editor state) and ignored ones are not.
    func includesFolder(_ relative: String) -> Bool {
        guard let name = relative.split(separator: "/").last, !name.hasPrefix(".") else { return false }
        return !ignoredFolders.contains(relative)
    }

    /// Lists a folder's entries once, without following symbolic links: folders and other names separately.
    func entries(of relative: String) -> (folders: [String], files: [String]) {
        let path = absolute(relative)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return ([], []) }
        var folders: [String] = []
        var files: [String] = []
        for name in names.sorted() {
            let child = self.relative(relative, name)
            // One lstat, which does not follow symbolic links, so a link to a folder counts as a file here.
            // (Foundation's attributesOfItem took 0.4 s for a folder of 10,000 articles: most of a daemon's
            // start when the build itself finds nothing changed.)
            if FileStatus(linkAt: absolute(child))?.kind == .directory {
                if includesFolder(child) { folders.append(child) }
            } else {
                files.append(child)
            }
        }
        return (folders, files)
    }
}
