import Foundation
import Testing

/// `feeds/` must be exactly what `crier build Samples` produces, byte for byte.
@Suite struct GoldenFeedsTests {
    private func buildSamples() throws -> (TemporaryFolder, URL) {
        let folder = try TemporaryFolder()
        let source = folder.url.appendingPathComponent("Samples")
        try FileManager.default.copyItem(at: CrierBinary.packageRoot.appendingPathComponent("Samples"), to: source)
        try? FileManager.default.removeItem(at: source.appendingPathComponent(".crier"))
        let output = folder.url.appendingPathComponent("feeds")
        let run = try CrierBinary.run([
            "build", source.path, "--output", output.path, "--state", folder.url.appendingPathComponent("state.sqlite").path,
        ])
        #expect(run.status == 0, "crier build failed: \(run.standardError)")
        return (folder, output)
    }

    private func feedFiles(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func samplesBuildExactlyIntoTheCommittedFeeds() throws {
        let (folder, output) = try buildSamples()
        withExtendedLifetime(folder) {}
        let committed = CrierBinary.packageRoot.appendingPathComponent("feeds")
        let builtFiles = try feedFiles(in: output)
        #expect(builtFiles == (try feedFiles(in: committed)), "feeds/ holds other files than a build of Samples/")
        for name in builtFiles {
            let built = try Data(contentsOf: output.appendingPathComponent(name))
            let expected = try Data(contentsOf: committed.appendingPathComponent(name))
            #expect(built == expected, "feeds/\(name) differs from a fresh build of Samples/: run `make feeds`")
        }
        _ = folder
    }

    @Test func theSeedArticleIsCleanInEveryFeed() throws {
        let (folder, output) = try buildSamples()
        let atom = try String(contentsOf: output.appendingPathComponent("atom.xml"), encoding: .utf8)
        #expect(atom.contains("<title>Russian pilot defects and calls for desertion: the war in Ukraine takes a dramatic turn</title>"))
        #expect(atom.contains("Article about the war in Ukraine: a Russian pilot’s call to desert the army"))
        #expect(atom.contains("fanning the flames of the media war"))
        #expect(!atom.contains("Leave a Reply"))
        #expect(!atom.contains("Required fields are marked"))
        #expect(!atom.contains("Drafts are skipped"))
        _ = folder
    }

    @Test func builtFeedsPassValidationAndRealReaders() throws {
        let (folder, output) = try buildSamples()
        for name in try feedFiles(in: output) {
            let file = output.appendingPathComponent(name)
            let validation = try CrierBinary.run(["validate", file.path])
            #expect(
                validation.status == 0 && validation.standardOutput.isEmpty,
                "\(name) has findings: \(validation.standardOutput)")
            let readers = try ReaderCheck.check(file)
            #expect(!readers.feedparserBozo, "\(name): feedparser: \(readers.feedparserError ?? "")")
            #expect(readers.feedparserEntries == 7, "\(name): feedparser saw \(readers.feedparserEntries) entries")
            if let articles = readers.newsboatArticles {
                #expect(articles == 7, "\(name): newsboat saw \(articles) articles")
            }
            #expect(readers.newsboatError == nil, "\(name): newsboat: \(readers.newsboatError ?? "")")
        }
        _ = folder
    }
}
