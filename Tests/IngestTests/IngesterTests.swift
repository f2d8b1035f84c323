import FeedModel
import Foundation
import Testing

@testable import Ingest

@Suite struct IngesterTests {
    @Test func parallelIngestIsDeterministic() async throws {
        let folder = try TestFolder()
        var expected: [String] = []
        for index in 0..<120 {
            let name = String(format: "%03d", index)
            switch index % 3 {
            case 0:
                try folder.write(
                    "md/\(name).md",
                    "---\ntitle: Post \(name)\ndate: 2024-01-01\n---\n| a |\n|---|\n| \(index) |\n\n*emphasis* and https://example.org\n")
            case 1: try folder.write("txt/\(name).txt", "Post \(name)\n\nBody \(index).\n")
            default:
                try folder.write(
                    "html/\(name).html", "<html><head><title>Post \(name)</title></head><body><article><p>Body \(index)</p></article></body></html>")
            }
        }
        try folder.write("broken/bad.md", "---\ndate: nope\n---\nx\n")
        for index in 0..<120 {
            let name = String(format: "%03d", index)
            expected.append(["md/\(name).md", "txt/\(name).txt", "html/\(name).html"][index % 3])
        }
        expected.sort()

        let clock = TestClock()
        let first = Ingester(source: folder.url, config: .test(), store: try StateStore.inMemory(), clock: clock.function).ingestAll()
        let second = Ingester(source: folder.url, config: .test(), store: try StateStore.inMemory(), clock: clock.function).ingestAll()
        #expect(first.entries.count == 120)
        #expect(first.entries == second.entries)
        #expect(
            first.failed.map(\.description) == [
                "broken/bad.md:2: front matter: 'date' is not a date: \"nope\" (expected a form such as 2024-03-05, 2024-03-05 09:30, 2024-03-05T09:30:00+01:00 or an RFC 822 date)"
            ])
        let titles = first.entries.map(\.title)
        #expect(titles == expected.map { "Post " + ($0.split(separator: "/")[1].split(separator: ".")[0]) })
        #expect(first.entries.first { $0.title == "Post 000" }?.contentHTML.contains("<table>") == true)
    }

    @Test func storeFileLivesUnderDotCrierAndPersists() throws {
        let folder = try TestFolder()
        try folder.write("a.txt", "A\n\nBody.\n")
        let location = StateStore.location(forSource: folder.url)
        #expect(location.path.hasSuffix(".crier/state.sqlite"))
        let clock = TestClock()
        let (first, _) = try entry(folder, "a.txt", store: try StateStore(path: location), clock: clock)
        clock.advance(by: 86_400 * 10)
        let (second, _) = try entry(folder, "a.txt", store: try StateStore(path: location), clock: clock)
        #expect(second.published == first.published)
        #expect(second.id == first.id)
        let state = try #require(try StateStore(path: location).state(for: "a.txt"))
        #expect(state.assignedID == first.id)
        #expect(state.contentHash == ContentHash.hex(Array("A\n\nBody.\n".utf8)))
    }

    @Test func storeIsSafeFromConcurrentTasks() async throws {
        let store = try StateStore.inMemory()
        await withTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                group.addTask {
                    _ = try? store.record(
                        [StateStore.Observation(path: "p\(index % 10)", contentHash: "h\(index)")],
                        now: Timestamp(secondsSinceEpoch: Int64(index))
                    ) { path, _ in "id-\(path)" }
                }
            }
        }
        #expect(try store.recordedPaths() == (0..<10).map { "p\($0)" })
        try store.forget(path: "p0")
        #expect(try store.state(for: "p0") == nil)
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(ContentHash.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentHash.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            ContentHash.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(ContentHash.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(ContentHash.hex([UInt8](repeating: 0x61, count: 64)) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb")
    }

    /// Lengths around the padding's block edges (55/56 bytes: one tail block or two), digests from Python's hashlib.
    @Test(arguments: [
        (1, "ca358758f6d27e6cf45272937977a748fd88391db679ceda7dc7bf1f005ee879"),
        (55, "16ed9c4697ca11d5f6fb25ea7900252dd4cb97215d7f6d0b2bb3e2a86ac0ec72"),
        (56, "939ada93b2fe1e9c596d767bb408567c83e253667f0b25e5be8e16f35f2cbac9"),
        (57, "ab84281f3b181e6cfc7cf870c7f3e7912be6fd1ac49c7dd6b21f6c25bb9a5eaa"),
        (63, "6073f83b09ae82016cdbe24c18996c48f0eaa08ca675d0f6b90b807fc29e0149"),
        (64, "b337ba9b0c69c391364e985fdcb23a889887e59800832c92fbfa22b8a3c40304"),
        (65, "9d6a3fb113b586b4ab97bc11c993a27bd9b7bbcb756e0646083dc47a679600e6"),
        (119, "9773fbac8194c3d789af101b49b6a26073076895ef6e0f658432849dd477a43f"),
        (120, "070a538f085dd94821d4dc197c5c8b791051891d4fa2a1bf25d3c275236676f7"),
        (127, "5072b7a9a4cda7f6d80f1eff09b8b9653201dba22319daf32c6c05339d57f483"),
        (128, "485a94e53eba9717a5d8b7b4489cad92a752f1c5722e7dfd29dd164b7c438d11"),
        (129, "72b63785704123441e7405a2620b859d1f107604ef5882e2674e82cc40d173a6"),
        (4999, "d21617fba14496a371a9adb208db539dc1ddba009ee0964dffe63ec13666f169"),
    ])
    func sha256AtBlockEdges(length: Int, digest: String) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        #expect(ContentHash.hex(bytes) == digest)
    }

    @Test func nonASCIIFileNamesGiveASCIIIds() throws {
        let folder = try TestFolder()
        try folder.write("café.md", "---\ndate: 2024-01-01\n---\nx\n")
        let (entry, _) = try entry(folder, "café.md")
        #expect(entry.id == "tag:example.com,2024-01-01:/caf%C3%A9")
        #expect(entry.link == "https://example.com/caf%C3%A9/")
    }
}
