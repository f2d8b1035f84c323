import Foundation
import Logging
import Pipeline

/// A source and output folder for one test, removed afterwards.
final class SiteTestFolder {
    let root: URL
    var source: URL { root.appendingPathComponent("source") }
    var output: URL { root.appendingPathComponent("output") }

    init(config: String = SiteTestFolder.defaultConfig) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("crier-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: source, withIntermediateDirectories: true)
        try write(config, to: "crier.yml")
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    static let defaultConfig = """
        title: Test Site
        base_url: https://test.example/
        author: Tess Author
        limit: 0
        """

    func write(_ text: String, to path: String) throws {
        let url = source.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: source.appendingPathComponent(path))
    }

    /// Every file published in `folder` (the output folder by default), by relative path, section and tag feeds
    /// in their subfolders included, without hidden files (the lock, the publisher's list of feeds).
    func publishedFiles(in folder: URL? = nil) throws -> [String: Data] {
        let folder = folder ?? output
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let name = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard !url.lastPathComponent.hasPrefix("."), FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory),
                !isDirectory.boolValue
            else { continue }
            result[name] = try Data(contentsOf: url)
        }
        return result
    }

    func feed(_ name: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(name), encoding: .utf8)
    }

    func site() throws -> Site {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return try Site(source: source, output: output, logger: logger)
    }

    static func article(_ title: String, date: String, body: String = "Body text.") -> String {
        "---\ntitle: \(title)\ndate: \(date)\n---\n\n\(body)\n"
    }
}
