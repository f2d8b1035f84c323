import Foundation
import Testing

@testable import Ingest

@Suite struct ArticleFilesTests {
    @Test func listsArticlesAndSkipsNoise() throws {
        let folder = try TestFolder()
        for path in [
            "b.md", "a.txt", "sub/c.markdown", "sub/deeper/d.html", "e.HTM", "notes.pdf", "crier.yml",
            ".hidden.md", ".crier/state.md", "sub/.git/x.md", "draft.md~", ".a.md.swp", "a.md.swp", ".#b.md",
            "#b.md#", "4913", "README",
        ] {
            try folder.write(path, "x")
        }
        #expect(try ArticleFiles.list(in: folder.url) == ["a.txt", "b.md", "e.HTM", "sub/c.markdown", "sub/deeper/d.html"])
    }

    @Test func symlinksInsideAreKeptOutsideAreSkipped() throws {
        let folder = try TestFolder()
        let outside = try TestFolder()
        try folder.write("real.md", "x")
        let secret = try outside.write("secret.md", "x")
        try outside.write("dir/other.md", "x")
        let manager = FileManager.default
        try manager.createSymbolicLink(
            at: folder.url.appendingPathComponent("inside-link.md"), withDestinationURL: folder.url.appendingPathComponent("real.md"))
        try manager.createSymbolicLink(at: folder.url.appendingPathComponent("outside-link.md"), withDestinationURL: secret)
        try manager.createSymbolicLink(
            at: folder.url.appendingPathComponent("linked-dir"), withDestinationURL: outside.url.appendingPathComponent("dir"))
        try manager.createSymbolicLink(at: folder.url.appendingPathComponent("loop"), withDestinationURL: folder.url)
        #expect(try ArticleFiles.list(in: folder.url) == ["inside-link.md", "real.md"])

        let ingester = Ingester(source: folder.url, config: .test(), store: try StateStore.inMemory())
        guard case .leftOut(let issue) = ingester.ingest(relativePath: "outside-link.md") else {
            Issue.record("a symlink pointing outside must not be read")
            return
        }
        #expect(issue.message.contains("outside the source folder"))
    }

    @Test func leftOutFilesAreReportedByIngestAll() async throws {
        let folder = try TestFolder()
        try folder.write("ok.md", "# OK\n\nBody\n")
        try folder.write("draft.md", "---\ndraft: yes\n---\nBody\n")
        try folder.write("ok.md~", "# Backup\n")
        try folder.write(".crier/notes.md", "# Hidden\n")
        let result = Ingester(source: folder.url, config: .test(), store: try StateStore.inMemory()).ingestAll()
        #expect(result.entries.map(\.title) == ["OK"])
        #expect(result.leftOut.map(\.file) == ["draft.md"])
        #expect(result.failed.isEmpty)
    }

    @Test func namesAloneDecideCandidates() {
        #expect(ArticleFiles.isArticlePath("posts/a.md"))
        #expect(!ArticleFiles.isArticlePath(".crier/state.sqlite"))
        #expect(!ArticleFiles.isArticlePath("posts/.a.md"))
        #expect(!ArticleFiles.isArticlePath("posts/a.md~"))
        #expect(!ArticleFiles.isArticlePath("4913"))
    }

    @Test func extensionsAreMatchedWithoutRegardToCase() {
        for name in ["a.md", "A.MD", "b.Markdown", "c.TXT", "d.htm", "e.HTML", "f.tar.md"] {
            #expect(ArticleFiles.isArticlePath(name), "\(name)")
        }
        // Lower-cased as Unicode lower-cases it: the Kelvin sign becomes k.
        #expect(ArticleFiles.isArticlePath("g.mar\u{212A}down"))
        for name in ["a.mdx", "a.m", "a.", "md", "a.markdowns", "a.mark\u{00E9}down", "a.t\u{0078}\u{0301}t"] {
            #expect(!ArticleFiles.isArticlePath(name), "\(name)")
        }
    }

    @Test func hiddenPartsAndEditorLeftoversAreIgnoredArticlesAndFoldersAreNot() {
        for path in [".post.md.swp", "drafts/.post.md.swx", ".git/index", "post.md~", "4913", "#post.md#", ".dat.nosync1A2B.x"] {
            #expect(ArticleFiles.isIgnored(path), "\(path)")
            #expect(!ArticleFiles.isArticlePath(path), "\(path)")
        }
        for path in ["post.md", "2024/notes.txt", "drafts", "a~b.md"] {
            #expect(!ArticleFiles.isIgnored(path), "\(path)")
        }
    }
}
