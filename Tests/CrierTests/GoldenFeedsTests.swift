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

    /// Every file the build leaves, relative, subfolders included (the section feeds), without the lock file.
    private func builtFiles(in folder: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var files: [String] = []
        while let name = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue && name != ".crier.lock" { files.append(name) }
        }
        return files.sorted()
    }

    /// The feed documents among the built files: not the lists of feeds.
    private func feedFiles(in folder: URL) throws -> [String] {
        try builtFiles(in: folder).filter { !$0.hasPrefix(".") && !$0.hasSuffix(".opml") }
    }

    @Test func samplesBuildExactlyIntoTheCommittedFeeds() throws {
        let (folder, output) = try buildSamples()
        withExtendedLifetime(folder) {}
        let committed = CrierBinary.packageRoot.appendingPathComponent("feeds")
        let builtFiles = try builtFiles(in: output)
        #expect(builtFiles == (try self.builtFiles(in: committed)), "feeds/ holds other files than a build of Samples/")
        #expect(builtFiles.contains("notes/atom.xml") && builtFiles.contains("fr/rss.xml"), "each folder of Samples/ is a section")
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
            // The site feeds hold the 7 published samples; each section, its folder's one published article.
            let expected = name.contains("/") ? 1 : 7
            #expect(readers.feedparserEntries == expected, "\(name): feedparser saw \(readers.feedparserEntries) entries")
            if let articles = readers.newsboatArticles {
                #expect(articles == expected, "\(name): newsboat saw \(articles) articles")
            }
            #expect(readers.newsboatError == nil, "\(name): newsboat: \(readers.newsboatError ?? "")")
        }
        _ = folder
    }
}
