import Foundation

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
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { continue }
            for name in names.sorted() {
                let child = relative.isEmpty ? name : relative + "/" + name
                // attributesOfItem does not follow symbolic links, so nothing outside the folder is touched.
                let type = (try? FileManager.default.attributesOfItem(atPath: root + "/" + child))?[.type] as? FileAttributeType
                if type == .typeDirectory, depth < 3, !name.hasPrefix(".") {
                    pending.append((child, depth + 1))
                } else if type == .typeRegular, AtomicFile.TemporaryName.target(of: name) != nil {
                    if (try? FileManager.default.removeItem(atPath: root + "/" + child)) != nil { removed.append(child) }
                }
            }
        }
        return removed
    }
}
