import CrierTestHelpers
import FeedModel
import Foundation
import Testing

@testable import Ingest

/// Bad input must give an issue, never a crash: mutated copies of valid articles go through every parser.
@Suite struct RobustnessTests {

    static let samples: [(String, String)] = [
        (
            "md",
            "---\ntitle: \"T\"\ndate: 2024-03-05T09:30:00+01:00\nauthors: [{name: A, email: a@b.c}]\ntags: [x, y]\n---\n# H\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n*e* [l](http://x) [^1]\n\n[^1]: n\n"
        ),
        ("txt", "Title: T\nDate: Tue, 05 Mar 2024 09:30:00 +0100\n\n“Quoted”\n\nSub title\n\nPara one\nwrapped.\n\nLeave a Reply\n"),
        (
            "html",
            "<html lang=en><head><meta property=\"og:title\" content=\"T\"><meta property=\"article:published_time\" content=\"2024-03-05\"></head><body><article><p>a <b>b</b></p></article><footer>f</footer></body></html>"
        ),
    ]

    @Test func mutatedArticlesNeverCrash() throws {
        let folder = try TestFolder()
        let ingester = Ingester(source: folder.url, config: .test(), store: try StateStore.inMemory())
        var generator = SeededGenerator(seed: 4151)
        var outcomes = [0, 0, 0]
        for round in 0..<300 {
            let (ext, text) = Self.samples[round % Self.samples.count]
            var bytes = Array(text.utf8)
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.remove(at: position)
                case 2: bytes.insert(contentsOf: [0x0A, 0x2D, 0x2D, 0x2D, 0x0A], at: position)
                default: bytes.insert(contentsOf: [0xE2, 0x80], at: position)
                }
                if bytes.isEmpty { bytes = [0x20] }
            }
            let path = "f\(round).\(ext)"
            try folder.write(path, bytes: bytes)
            switch ingester.ingest(relativePath: path) {
            case .entry(let entry, _):
                outcomes[0] += 1
                #expect(entry.id.hasPrefix("tag:example.com,"))
                #expect(entry.link.hasPrefix("https://example.com/") || entry.link.hasPrefix("http"))
            case .leftOut: outcomes[1] += 1
            case .failed(let issue):
                outcomes[2] += 1
                #expect(issue.file == path)
                #expect(!issue.message.isEmpty)
            }
        }
        #expect(outcomes[0] > 0 && outcomes[2] > 0)
    }

    @Test func anArticleTooLargeForXMLReadersIsSkippedWithItsSize() throws {
        let folder = try TestFolder()
        let paragraph = String(repeating: "word ", count: 200)
        try folder.write("huge.txt", "Huge\n\n" + Array(repeating: paragraph, count: 5000).joined(separator: "\n\n"))
        let issue = try problem(folder, "huge.txt")
        #expect(issue?.message.contains("the article's HTML is 5.0 MB; at most 4 MB") == true, "\(String(describing: issue))")
        try folder.write("large.txt", "Large\n\n" + Array(repeating: paragraph, count: 3000).joined(separator: "\n\n"))
        #expect(try problem(folder, "large.txt") == nil, "3 MB must still be published")
    }

    @Test func reportLinesCannotBeForgedByNamesOrMessages() {
        let issue = IngestIssue(file: "a\nskipped b.md", line: 3, message: "bad \u{1B}[31mred\u{1B}[0m \u{202E}txt.exe")
        #expect(issue.description == "a\\u{A}skipped b.md:3: bad \\u{1B}[31mred\\u{1B}[0m \\u{202E}txt.exe")
        #expect(IngestIssue(file: "café 日本.md", message: "ok").description == "café 日本.md: ok")
    }

    @Test func symlinksThatAreNotFollowedAreNamedWithAReason() async throws {
        let folder = try TestFolder()
        let outside = try TestFolder()
        try folder.write("real.md", "# Real\n\nBody\n")
        let secret = try outside.write("secret.md", "# Secret\n\nBody\n")
        let manager = FileManager.default
        try manager.createSymbolicLink(at: folder.url.appendingPathComponent("out.md"), withDestinationURL: secret)
        try manager.createSymbolicLink(
            at: folder.url.appendingPathComponent("gone.md"), withDestinationURL: outside.url.appendingPathComponent("none.md"))
        let result = Ingester(source: folder.url, config: .test(), store: try StateStore.inMemory()).ingestAll()
        #expect(result.entries.map(\.title) == ["Real"])
        #expect(
            result.leftOut.map(\.description) == [
                "gone.md: symlink to a missing file; not read",
                "out.md: symlink to a file outside the source folder; not read",
            ])
    }

    @Test func aHugeFileIsRefusedBeforeItIsRead() throws {
        let folder = try TestFolder()
        let url = folder.url.appendingPathComponent("sparse.txt")
        FileManager.default.createFile(atPath: url.path, contents: Data("Title\n\nBody\n".utf8))
        // A sparse 2 GB file: reading it whole would take 2 GB of memory.
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 2_000_000_000)
        try handle.close()
        let start = ContinuousClock.now
        let issue = try problem(folder, "sparse.txt")
        #expect(issue?.message == "the file is 2000 MB; files over 64 MB are not read")
        #expect(ContinuousClock.now - start < .seconds(2))
    }
}
