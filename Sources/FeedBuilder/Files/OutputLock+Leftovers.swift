import Foundation
import Platform

extension OutputLock {
    /// Deletes the temporary files (named by `AtomicFile.TemporaryName`) that a `crier` killed in the middle of a publish left in
    /// the output folder. Only called with the lock held: no live process can be writing them then. They are
    /// hidden, so never served, but each `kill -9` (or power cut) would otherwise leave one more behind.
    /// - Returns: The relative paths removed.
    @discardableResult
    static func removeLeftoverTemporaryFiles(in outputDirectory: URL) -> [String] {
        var removed: [String] = []
        // Feeds and archive pages live at the top or a few folders down; deeper trees are not ours.
        var pending: [(relative: String, depth: Int)] = [("", 0)]
        let root = outputDirectory.standardizedFileURL.path
        while let (relative, depth) = pending.popLast() {
            let folder = relative.isEmpty ? root : root + "/" + relative
            // Plain readdir and lstat: FileManager's listing and attributes read the user and group databases for
            // every file (6-17 ms at the start of each build, measured), and the kind is all that is wanted here.
            guard let names = try? FileSystem.names(inDirectory: folder) else { continue }
            for name in names.sorted() {
                let child = relative.isEmpty ? name : relative + "/" + name
                // lstat does not follow symbolic links, so nothing outside the folder is touched.
                let kind = FileStatus(linkAt: root + "/" + child)?.kind
                if kind == .directory, depth < 3, !name.hasPrefix(".") {
                    pending.append((child, depth + 1))
                } else if kind == .regular, AtomicFile.TemporaryName.target(of: name) != nil {
                    if (try? FileSystem.removeFile(root + "/" + child)) != nil { removed.append(child) }
                }
            }
        }
        return removed
    }
}
