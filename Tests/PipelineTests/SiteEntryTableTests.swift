import CrierTestHelpers
import Foundation
import Logging
import Pipeline
import Testing

/// `Site` keeps its entries between updates in a table that changes one slot per changed article; whatever
/// the sequence of additions, edits, removals and folder deletions, an update must end exactly where a fresh
/// build of the same folder ends.
@Suite struct SiteEntryTableTests {
    static let config = """
        title: Test Site
        base_url: https://test.example/
        author: Tess Author
        limit: 3
        """

    /// A fresh site on the same source and state store (which remembers when each article was edited, for
    /// `updated`), as after a restart, built into its own output folder.
    func freshBuild(of folder: SiteTestFolder, round: Int) async throws -> [String: Data] {
        let output = folder.root.appendingPathComponent("fresh-\(round)")
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let site = try Site(source: folder.source, output: output, logger: logger)
        _ = try await site.buildAll()
        return try folder.publishedFiles(in: output)
    }

    @Test func anySequenceOfChangesEndsWhereAFreshBuildEnds() async throws {
        let folder = try SiteTestFolder(config: Self.config)
        var random = SeededGenerator(seed: 42)
        var present: Set<String> = []
        func path(_ n: Int) -> String { n % 3 == 0 ? "sub/post\(n).md" : "post\(n).md" }
        for n in 0..<12 {
            // Several articles share a date, so the order among them comes from the tie-break by id.
            try folder.write(SiteTestFolder.article("Post \(n)", date: "2024-02-0\(1 + n % 4)"), to: path(n))
            present.insert(path(n))
        }
        let site = try folder.site()
        _ = try await site.buildAll()

        for round in 0..<14 {
            var changed: Set<String> = []
            if round == 7 {
                // A whole folder disappears: every entry under it goes, whatever its slot was.
                try folder.remove("sub")
                changed.insert("sub")
                present = present.filter { !$0.hasPrefix("sub/") }
            } else {
                for _ in 0..<(1 + Int(random.next() % 3)) {
                    let n = Int(random.next() % 16)
                    let target = path(n)
                    switch random.next() % 3 {
                    case 0 where present.contains(target):
                        try folder.remove(target)
                        present.remove(target)
                    default:
                        let day = 1 + Int(random.next() % 9)
                        try folder.write(SiteTestFolder.article("Post \(n) r\(round)", date: "2024-02-0\(day)"), to: target)
                        present.insert(target)
                    }
                    changed.insert(target)
                }
            }
            let report = try await site.update(changedPaths: changed)
            #expect(report.entryCount == present.count, "round \(round)")
            let fresh = try await freshBuild(of: folder, round: round)
            let incremental = try folder.publishedFiles()
            #expect(incremental.keys.sorted() == fresh.keys.sorted(), "round \(round)")
            for (name, bytes) in fresh where incremental[name] != bytes {
                Issue.record(
                    "round \(round): \(name) differs:\n\(String(decoding: incremental[name] ?? Data(), as: UTF8.self))\n---\n\(String(decoding: bytes, as: UTF8.self))"
                )
            }
        }
    }
}
