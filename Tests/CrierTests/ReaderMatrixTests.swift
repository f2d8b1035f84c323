import Foundation
import Testing

/// Nine independent feed readers (`ReaderMatrix`) see in Crier's RSS and Atom exactly the entries it meant:
/// count, ids, titles, links and dates, on Samples/, the hostile-input fixture, a generated corpus (with archive
/// pages) and the real-site folders. The readers come from scripts/readers/install.sh (Debian and PyPI).
@Suite(.serialized) struct ReaderMatrixTests {
    /// Checks each RSS and Atom document named (all of them when nil) against the JSON Feed page beside it.
    private func expectEveryReaderAgrees(
        _ site: PublishedSite, documents: [String]? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let names = documents ?? site.documents.filter { $0.hasSuffix(".xml") }
        #expect(!names.isEmpty, "nothing published", sourceLocation: sourceLocation)
        for name in names {
            let expected = try ReaderMatrix.expected(fromJSONFeed: site.jsonPage(for: name))
            let problems = try ReaderMatrix.differences(in: site.output.appendingPathComponent(name), expected: expected)
            #expect(
                problems.isEmpty, "\(problems.count) differences:\n\(problems.prefix(20).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
        }
    }

    @Test func samples() throws {
        let folder = try TemporaryFolder()
        let source = folder.url.appendingPathComponent("Samples")
        try FileManager.default.copyItem(at: CrierBinary.packageRoot.appendingPathComponent("Samples"), to: source)
        try? FileManager.default.removeItem(at: source.appendingPathComponent(".crier"))
        let site = try PublishedSite(source: source, in: folder, name: "samples")
        #expect(site.run.status == 0)
        try expectEveryReaderAgrees(site)
    }

    @Test func hostileFixture() throws {
        let folder = try TemporaryFolder()
        let made = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", HostileInputTests.script.path, folder.url.path])
        #expect(made.status == 0, "\(made.standardError)")
        let site = try PublishedSite(source: folder.url.appendingPathComponent("source"), in: folder, name: "hostile")
        #expect(site.run.status == 0)
        try expectEveryReaderAgrees(site)
    }

    @Test func generatedCorpusWithArchivePages() throws {
        let folder = try TemporaryFolder()
        let generator = CrierBinary.packageRoot.appendingPathComponent("Benchmarks/generate_corpus.py")
        let made = try ProcessRunner.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", generator.path, "120", "7", folder.url.path, "--format", "both"])
        #expect(made.status == 0, "\(made.standardError)")
        for format in ["txt", "md"] {
            let source = folder.url.appendingPathComponent(format)
            let config = source.appendingPathComponent("crier.yml")
            let text = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "limit: 0", with: "limit: 50")
            try text.write(to: config, atomically: true, encoding: .utf8)
            let site = try PublishedSite(source: source, in: folder, name: format)
            try site.expectClean(entries: 120)
            // The main feeds and the oldest archive page (its next-archive link included) of both formats.
            try expectEveryReaderAgrees(site, documents: ["rss.xml", "atom.xml", "rss-archive-1.xml", "atom-archive-1.xml"])
        }
    }

    @Test(arguments: ["news", "blog", "pages"])
    func realSite(name: String) throws {
        let folder = try TemporaryFolder()
        _ = try RealSiteTests.makeSites(in: folder, [name])
        let site = try PublishedSite(source: folder.url.appendingPathComponent(name), in: folder, name: name)
        #expect(site.run.status == 0)
        try expectEveryReaderAgrees(
            site, documents: site.documents.filter { $0.hasSuffix(".xml") && !$0.contains("archive-2") && !$0.contains("archive-3") })
    }
}
