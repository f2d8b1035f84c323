import Foundation
import Testing

@testable import Ingest

/// The direct file read (`PlainFile`) and the string path split (`ArticlePath`) against the Foundation route
/// they stand in for.
@Suite struct FileReadingTests {
    private func root(_ folder: TestFolder) -> String { folder.url.path + "/" }

    @Test func readsTheSameBytesAsFoundation() throws {
        let folder = try TestFolder()
        for (index, size) in [0, 1, 4095, 4096, 65_537, 300_001].enumerated() {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }
            let path = index % 2 == 0 ? "f\(index).md" : "sub/deeper/f\(index).md"
            let file = try folder.write(path, bytes: bytes)
            let modified = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date)
            #expect(
                PlainFile.contents(of: path, canonicalRoot: root(folder), maximumBytes: 1_000_000)
                    == .bytes(Array(try Data(contentsOf: file)), modified: Int64(modified.timeIntervalSince1970.rounded(.down))))
        }
    }

    @Test func leavesEverythingButPlainFilesToFoundation() throws {
        let folder = try TestFolder()
        try folder.write("real.md", "x")
        try folder.write("dir.md/inner.md", "x")
        try FileManager.default.createSymbolicLink(
            at: folder.url.appendingPathComponent("link.md"), withDestinationURL: folder.url.appendingPathComponent("real.md"))
        try FileManager.default.createSymbolicLink(
            at: folder.url.appendingPathComponent("linked"), withDestinationURL: folder.url.appendingPathComponent("dir.md"))
        for path in [
            "link.md", "linked/inner.md", "missing.md", "dir.md", "", "/real.md", "a//real.md", "./real.md", "dir.md/../real.md", "real.md/",
        ] {
            #expect(PlainFile.contents(of: path, canonicalRoot: root(folder), maximumBytes: 1_000) == .notSure, "\(path)")
        }
        #expect(PlainFile.contents(of: "real.md", canonicalRoot: root(folder), maximumBytes: 0) == .tooLarge(1))
    }

    @Test func namesAndExtensionsMatchURL() {
        let source = URL(fileURLWithPath: "/srv/site")
        let paths = [
            "a.md", "A.MD", "posts/2024-03-05-hello.markdown", "x/y/z.HtM", "a.b.c.txt", "été/naïve café.md", "space name.md",
            "semi;colon.md", "per%41cent.md", "q?x.md", "hash#x.md", ".md", "..md", "a..md", "a.", "noext", "dir/", "a.m d",
            "a.mé", "a.md~", "/abs.md", "a//b.md", "\u{1F600}.md", "tab\t.md", "a.\u{301}md", "a.md\u{301}", "x.md/y", "a.1", "",
        ]
        for path in paths {
            let file = source.appendingPathComponent(path)
            let expected = (file.lastPathComponent, file.pathExtension.lowercased())
            let got = ArticlePath.nameAndExtension(of: path, in: source)
            #expect(got.name == expected.0 && got.lowercasedExtension == expected.1, "\(path): \(got) vs \(expected)")
        }
        #expect(ArticlePath.simpleNameAndExtension(of: "posts/2024-03-05-hello.md")! == ("2024-03-05-hello.md", "md"))
    }

    /// The whole reader through the shortcut and through Foundation (a reader whose root is not canonical).
    @Test func readerGivesTheSameResultEitherWay() throws {
        let folder = try TestFolder()
        let files: [(String, [UInt8])] = [
            ("a.md", Array("---\ntitle: A\n---\nBody *b*.\n".utf8)),
            ("sub/b.txt", Array("Title\n\nText.\r\n".utf8)),
            ("c.html", Array("<html><head><title>C</title></head><body><p>x</p></body></html>".utf8)),
            ("empty.md", []),
            ("latin.md", [0x23, 0x20, 0xE9, 0x0A, 0x0A, 0x62, 0x6F, 0x64, 0x79]),
            ("nul.md", [0x23, 0x20, 0x00]),
        ]
        for (path, bytes) in files { try folder.write(path, bytes: bytes) }
        let fast = ArticleReader(source: folder.url, config: .test())
        var slow = fast
        slow = ArticleReader(source: folder.url.appendingPathComponent("sub").appendingPathComponent(".."), config: .test())
        #expect(fast.canonicalRoot != nil)
        #expect(slow.canonicalRoot == nil)
        for path in files.map(\.0) + ["missing.md", "sub"] {
            #expect(describe(fast.read(path)) == describe(slow.read(path)), "\(path)")
        }
    }

    private func describe(_ result: ArticleReader.Result) -> String {
        switch result {
        case .parsed(let parsed):
            "parsed \(parsed.path) \(parsed.contentHash) \(parsed.article.title) \(parsed.article.contentHTML) \(parsed.warnings.map(\.message))"
        case .leftOut(let issue): "left out \(issue.file) \(issue.message)"
        case .failed(let issue): "failed \(issue.file) \(issue.message)"
        }
    }
}
