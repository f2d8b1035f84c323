import FeedModel
import Foundation
import Testing

@testable import Ingest

/// The build cache's bytes: what is stored reads back exactly, and what is damaged does not read back at all.
@Suite struct BuildCacheTests {
    /// Articles of every kind the parsers take, including ones that fail or are left out, with warnings.
    static let articles: [(path: String, text: String)] = [
        ("plain.txt", "A plain title\nAuthor: Ann\nDate: 2024-03-05\n\nFirst paragraph.\n\nSecond & last <paragraph>.\n"),
        (
            "front.md",
            "---\ntitle: Front matter\ndate: 2024-03-05T09:30:00+01:00\nupdated: 2024-04-01\ntags: [a, b]\n"
                + "author:\n  name: Bo\n  email: bo@example.com\nsummary: Short.\nslug: custom\nlang: fr\nimage: /i.png\n---\n\n"
                + "Text with [a link](/relative) and <b>raw HTML</b>.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        ),
        ("page.html", "<html><head><title>Saved</title><meta name=author content=Cy></head><body><article><p>Body é</p></article></body></html>"),
        ("draft.md", "---\ntitle: Draft\ndraft: true\n---\n\nNot yet.\n"),
        ("broken.md", "---\ntitle: [broken\n---\n\nBody.\n"),
        ("latin1.txt", "Caf\u{E9} title\n\nBody with \u{E9}.\n"),
        ("unknown-key.md", "---\ntitle: Keys\nflavour: odd\n---\n\nBody.\n"),
        ("decomposed.md", "---\ntitle: Cafe\u{301}\n---\n\nBody with cafe\u{301}, not caf\u{E9}.\n"),
    ]

    @Test func everyResultReadsBackByteForByte() throws {
        let folder = try TestFolder()
        for (path, text) in Self.articles {
            // One file as Windows-1252, to carry the encoding warning.
            if path == "latin1.txt" {
                try folder.write(path, bytes: Array(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }))
            } else {
                try folder.write(path, text)
            }
        }
        try folder.write("crier.yml", "title: T\nbase_url: https://example.com/\n")
        let config = try SiteConfig.load(from: folder.url.appendingPathComponent("crier.yml"))
        let reader = ArticleReader(source: folder.url, config: config)
        var kinds: Set<String> = []
        for (path, _) in Self.articles {
            let (result, hash) = reader.readRemembering(path)
            let hashValue = try #require(hash, "\(path)")
            let bytes = result.cacheBytes()
            let modified: Timestamp? = if case .parsed(let parsed) = result { parsed.modified } else { nil }
            let back = try #require(
                bytes.withUnsafeBytes { ArticleReader.Result(cacheBytes: $0, path: path, contentHash: hashValue, modified: modified) },
                "\(path)")
            #expect(back.cacheBytes() == bytes, "\(path)")
            switch (result, back) {
            case (.parsed(let old), .parsed(let new)):
                kinds.insert("parsed")
                #expect(old.article.contentHTML.utf8.elementsEqual(new.article.contentHTML.utf8), "\(path)")
                #expect(old.article.title.utf8.elementsEqual(new.article.title.utf8), "\(path)")
                #expect(old.warnings == new.warnings && old.contentHash == new.contentHash, "\(path)")
                #expect(old.identity.fixedID == new.identity.fixedID && old.identity.link == new.identity.link, "\(path)")
            case (.leftOut(let old), .leftOut(let new)):
                kinds.insert("left out")
                #expect(old == new)
            case (.failed(let old), .failed(let new)):
                kinds.insert("failed")
                #expect(old == new)
            default:
                Issue.record("\(path): another kind of result read back")
            }
            // Every truncation is refused rather than read as something else.
            for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 40)) {
                let cut = Array(bytes.prefix(length))
                #expect(cut.withUnsafeBytes { ArticleReader.Result(cacheBytes: $0, path: path, contentHash: hashValue, modified: nil) } == nil)
            }
        }
        #expect(kinds == ["parsed", "left out", "failed"])
    }

    @Test func theManifestIsRefusedWhenDamagedOrMadeUnderAnotherKey() throws {
        let folder = try TestFolder()
        let cache = BuildCache(statePath: folder.url.appendingPathComponent("state.sqlite"))
        #expect(cache.folder.lastPathComponent == "state.cache")
        var memory = ArticleMemory()
        let stamp = SourceStamp(
            device: 1, inode: 2, size: 3, modifiedSeconds: 4, modifiedNanoseconds: 5, changedSeconds: 6, changedNanoseconds: 7)
        for index in 0..<50 {
            memory.files["a\(index).md"] = ArticleMemory.File(
                stamp: stamp, isSure: index % 2 == 0, contentHash: "h\(index)", payload: .fresh(Array("payload \(index)".utf8)))
        }
        try cache.save(&memory, extra: [1, 2, 3], key: "key")
        let loaded = try #require(cache.load(key: "key"))
        #expect(loaded.extra == [1, 2, 3] && loaded.articles.count == 50 && loaded.articles.packID == memory.packID)
        #expect(loaded.articles.unsureCount == 25)
        #expect(cache.load(key: "another key") == nil)
        let pack = try #require(cache.pack(for: loaded.articles))
        for (path, file) in loaded.articles.files {
            guard case .stored(let offset, let length, let checksum) = file.payload else {
                Issue.record("\(path) not stored")
                continue
            }
            let text = pack.withPayload(offset: offset, length: length, checksum: checksum) { String(decoding: $0, as: UTF8.self) }
            #expect(text == "payload " + path.dropFirst().dropLast(3))
            // A payload with another checksum, or out of the file, is not handed out.
            #expect(pack.withPayload(offset: offset, length: length, checksum: checksum ^ 1) { _ in true } == nil)
            #expect(pack.withPayload(offset: offset, length: pack.file.count, checksum: checksum) { _ in true } == nil)
        }

        let manifest = URL(fileURLWithPath: cache.manifestPath)
        let bytes = try Data(contentsOf: manifest)
        for position in stride(from: 0, to: bytes.count, by: 7) {
            var flipped = bytes
            flipped[position] ^= 0x01
            #expect(BuildCache.decodeManifest(Array(flipped), key: "key") == nil, "flip at \(position)")
        }
        for length in stride(from: 0, to: bytes.count, by: 5) {
            #expect(BuildCache.decodeManifest(Array(bytes.prefix(length)), key: "key") == nil, "cut at \(length)")
        }
    }

    @Test func freshPayloadsAreAppendedAndADeadPackIsRewritten() throws {
        let folder = try TestFolder()
        let cache = BuildCache(statePath: folder.url.appendingPathComponent("site.sqlite"))
        #expect(cache.folder.lastPathComponent == "site.cache")
        let stamp = SourceStamp(
            device: 1, inode: 2, size: 3, modifiedSeconds: 4, modifiedNanoseconds: 5, changedSeconds: 6, changedNanoseconds: 7)
        let big = [UInt8](repeating: 65, count: 400_000)
        var memory = ArticleMemory()
        for index in 0..<4 {
            memory.files["f\(index)"] = ArticleMemory.File(stamp: stamp, isSure: true, contentHash: "h", payload: .fresh(big + [UInt8(index)]))
        }
        try cache.save(&memory, extra: [], key: "k")
        let firstPack = memory.packID
        // One file changed: appended to the same pack.
        memory.files["f0"]?.payload = .fresh(big + [9])
        try cache.save(&memory, extra: [], key: "k")
        #expect(memory.packID == firstPack)
        // More changes leave more of the pack dead than alive (with a megabyte of slack): it is then written
        // anew, under another number, with the live payloads only.
        var rounds = 0
        while memory.packID == firstPack && rounds < 5 {
            rounds += 1
            for index in 1..<4 { memory.files["f\(index)"]?.payload = .fresh(big + [UInt8(10 + index)]) }
            try cache.save(&memory, extra: [], key: "k")
        }
        #expect(memory.packID != firstPack && rounds == 2)
        let loaded = try #require(cache.load(key: "k"))
        let pack = try #require(cache.pack(for: loaded.articles))
        #expect(pack.file.count == BuildCache.packHeaderLength + 4 * (big.count + 1))
        for (path, expected) in [("f0", 9), ("f1", 11), ("f2", 12), ("f3", 13)] {
            guard case .stored(let offset, let length, let checksum) = loaded.articles.files[path]?.payload else {
                Issue.record("\(path) not stored")
                continue
            }
            #expect(pack.withPayload(offset: offset, length: length, checksum: checksum) { $0.last.map(Int.init) } == expected)
        }
        // No temp file is left in the folder.
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.folder.path).sorted()
        #expect(names == ["articles.pack", "lock", "manifest"])
    }
}
