import Foundation
import Pipeline
import Testing

@Suite struct SiteConfigurationTests {
    @Test func aMissingConfigurationIsAConfigurationError() throws {
        let folder = try SiteTestFolder()
        try folder.remove("crier.yml")
        #expect {
            _ = try folder.site()
        } throws: { error in
            guard let error = error as? PipelineError, case .configuration = error else { return false }
            return error.exitCode == 2
        }
    }

    @Test func aMissingSourceFolderIsNamed() throws {
        let folder = try SiteTestFolder()
        try FileManager.default.removeItem(at: folder.source)
        #expect {
            _ = try folder.site()
        } throws: { error in
            String(describing: error).contains(folder.source.path) && (error as? PipelineError)?.exitCode == 3
        }
    }

    @Test func reloadingPicksUpANewTitle() async throws {
        let folder = try SiteTestFolder()
        try folder.write(SiteTestFolder.article("Post", date: "2024-01-01"), to: "p.md")
        let site = try folder.site()
        _ = try await site.buildAll()
        try folder.write(SiteTestFolder.defaultConfig.replacingOccurrences(of: "Test Site", with: "Renamed Site"), to: "crier.yml")
        _ = try await site.reloadConfiguration()
        #expect(try folder.feed("atom.xml").contains("<title>Renamed Site</title>"))
    }
}
