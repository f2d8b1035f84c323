import Daemon
import Foundation
import Pipeline
import Testing

/// The daemon's `OutputWatch` lets the publisher trust feed files nobody touched; every way of changing one behind
/// the daemon's back is still noticed and undone by the next update.
@Suite struct OutputWatchTests {
    let config = """
        title: Watched Site
        base_url: https://watched.example/
        author: Ada Writer
        limit: 2
        formats: [rss, atom, json]

        """

    func article(_ title: String, date: String) -> String {
        "---\ntitle: \(title)\ndate: \(date)\n---\n\nSome text about \(title).\n"
    }

    /// Every file in a folder, by relative path, without hidden ones.
    func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let name = enumerator?.nextObject() as? String {
            let url = folder.appendingPathComponent(name)
            var isFolder: ObjCBool = false
            guard !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            result[name] = try Data(contentsOf: url)
        }
        return result
    }

    @Test func feedFilesChangedBehindTheDaemonsBackAreWrittenAgain() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("source/crier.yml", config)
        for day in 1...7 {
            try folder.write("source/\(day % 2 == 0 ? "sport" : "world")/\(day).md", article("Day \(day)", date: "2024-03-0\(day)T09:00:00Z"))
        }
        let output = folder.path("output")
        let site = try Site(source: folder.path("source"), output: output, statePath: folder.path("state.sqlite"), logger: quietLogger)
        await site.observeOutput(with: OutputWatch())
        _ = try await site.buildAll()
        let expected = try files(in: output)
        #expect(expected.count > 20 && expected.keys.contains("sport/atom-archive-1.xml"))
        // Two updates: from then on every folder has been watched since before the interval before.
        for _ in 0..<2 { _ = try await site.update(changedPaths: []) }

        let changes: [(String, (URL) throws -> Void)] = [
            ("written in place", { url in try Data("x".utf8).write(to: url) }),
            (
                "one byte overwritten, its modification time put back",
                { url in
                    let modified = try FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate]
                    let handle = try FileHandle(forWritingTo: url)
                    try handle.write(contentsOf: Data(" ".utf8))
                    try handle.close()
                    if let modified { try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: url.path) }
                }
            ),
            ("replaced by a rename", { url in try Data("y".utf8).write(to: url, options: .atomic) }),
            ("removed", { url in try FileManager.default.removeItem(at: url) }),
        ]
        for (what, change) in changes {
            for name in ["atom-archive-1.xml", "sport/rss.xml", "world/feed-archive-1.json"] {
                try change(output.appendingPathComponent(name))
                let report = try await site.update(changedPaths: [])
                #expect(report.written == [name], "\(name) \(what)")
                #expect(try files(in: output) == expected, "\(name) \(what)")
            }
        }

        // The whole output folder moved away and an empty one put in its place: every feed document is written
        // again, and the list of feeds (`feeds.opml`) with them.
        let documents = expected
        #expect(documents["feeds.opml"] != nil)
        try FileManager.default.moveItem(at: output, to: folder.path("moved"))
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: false)
        _ = try await site.update(changedPaths: [])
        #expect(try files(in: output) == documents)
        // And a section's folder replaced by an empty one.
        try FileManager.default.removeItem(at: output.appendingPathComponent("sport"))
        try FileManager.default.createDirectory(at: output.appendingPathComponent("sport"), withIntermediateDirectories: false)
        _ = try await site.update(changedPaths: [])
        #expect(try files(in: output) == documents)
    }
}
