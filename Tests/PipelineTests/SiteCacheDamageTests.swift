import Foundation
import Pipeline
import Testing

/// A damaged build cache is found out and rebuilt: the feeds are always those of a cold build.
@Suite struct SiteCacheDamageTests {
    enum Damage: String, CaseIterable, Sendable {
        case manifestTruncated, manifestByteFlipped, manifestEmpty, manifestGarbage
        case packTruncated, packByteFlipped, packDeleted, packFromAnotherBuild, everythingDeleted
        /// The record of what was published, fragment by fragment (`PublishMemory`).
        case publishedTruncated, publishedByteFlipped, publishedGarbage
        /// A published feed changed by hand, its length kept: its fragments must not be taken from it.
        case feedEditedByHand
    }

    static func cacheFile(_ folder: SiteTestFolder, _ name: String) -> URL {
        folder.source.appendingPathComponent(".crier/state.cache/\(name)")
    }

    static func damage(_ damage: Damage, in folder: SiteTestFolder) throws {
        let manifest = cacheFile(folder, "manifest")
        let pack = cacheFile(folder, "articles.pack")
        switch damage {
        case .manifestTruncated:
            let bytes = try Data(contentsOf: manifest)
            try bytes.prefix(bytes.count / 2).write(to: manifest)
        case .manifestByteFlipped:
            var bytes = try Data(contentsOf: manifest)
            bytes[bytes.count / 3] ^= 0x20
            try bytes.write(to: manifest)
        case .manifestEmpty:
            try Data().write(to: manifest)
        case .manifestGarbage:
            try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 131) }).write(to: manifest)
        case .packTruncated:
            let bytes = try Data(contentsOf: pack)
            try bytes.prefix(bytes.count - 40).write(to: pack)
        case .packByteFlipped:
            // Inside an article body ("Body of …"), so a payload trusted anyway would change a feed.
            var bytes = try Data(contentsOf: pack)
            if let range = bytes.range(of: Data("Body of".utf8)) { bytes[range.lowerBound] = UInt8(ascii: "X") }
            try bytes.write(to: pack)
        case .packDeleted:
            // A build that found nothing changed needs no pack, and does not write one again.
            try? FileManager.default.removeItem(at: pack)
        case .packFromAnotherBuild:
            // Another pack (another number in its header) in place of ours: every payload is unknown.
            var bytes = try Data(contentsOf: pack)
            bytes[9] ^= 0xFF
            try bytes.write(to: pack)
        case .publishedTruncated:
            let published = cacheFile(folder, "published")
            let bytes = try Data(contentsOf: published)
            try bytes.prefix(bytes.count - 30).write(to: published)
        case .publishedByteFlipped:
            let published = cacheFile(folder, "published")
            var bytes = try Data(contentsOf: published)
            bytes[bytes.count * 2 / 3] ^= 0x04
            try bytes.write(to: published)
        case .publishedGarbage:
            try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37) }).write(to: cacheFile(folder, "published"))
        case .feedEditedByHand:
            let atom = folder.output.appendingPathComponent("atom.xml")
            let text = try String(contentsOf: atom, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "Body of", with: "Xody of").utf8).write(to: atom)
        case .everythingDeleted:
            try FileManager.default.removeItem(at: folder.source.appendingPathComponent(".crier/state.cache"))
        }
    }

    @Test(arguments: Damage.allCases)
    func aDamagedCacheGivesTheColdBuildsFeeds(damage: Damage) async throws {
        let folder = try SiteTestFolder(config: SiteCacheTests.config)
        for number in 1...6 { try folder.write(SiteCacheTests.article(number, version: 1, dated: number % 2 == 1), to: "a\(number).md") }
        // Settled stamps, so a build with nothing changed tells it by the manifest's digest, without its records.
        try await Task.sleep(for: .milliseconds(2200))
        _ = try await folder.site().buildAll()
        try Self.damage(damage, in: folder)

        // Nothing changed in the articles: the damaged cache must not be trusted for what it says was published.
        _ = try await folder.site().buildAll()
        #expect(try await folder.publishedFiles() == SiteCacheTests.coldFiles(folder).files, "\(damage)")

        // One article changed: every other one comes from the cache, if its payload is sound.
        try Self.damage(damage, in: folder)
        try folder.write(SiteCacheTests.article(2, version: 2, dated: false), to: "a2.md")
        _ = try await folder.site().buildAll()
        #expect(try await folder.publishedFiles() == SiteCacheTests.coldFiles(folder).files, "\(damage)")

        // And the cache is sound again afterwards.
        let again = try await folder.site().buildAll()
        #expect(again.written.isEmpty && again.rendered.isEmpty, "\(damage)")
    }

    @Test func aCacheThatCannotBeWrittenOnlyCostsTime() async throws {
        let folder = try SiteTestFolder(config: SiteCacheTests.config)
        for number in 1...4 { try folder.write(SiteCacheTests.article(number, version: 1, dated: true), to: "a\(number).md") }
        // A file where the cache folder should be: nothing can be saved there.
        try FileManager.default.createDirectory(at: folder.source.appendingPathComponent(".crier"), withIntermediateDirectories: true)
        try Data("in the way".utf8).write(to: folder.source.appendingPathComponent(".crier/state.cache"))
        let first = try await folder.site().buildAll()
        #expect(first.entryCount == 4 && first.written.count == 6)
        try folder.write(SiteCacheTests.article(2, version: 2, dated: true), to: "a2.md")
        let second = try await folder.site().buildAll()
        #expect(second.entryCount == 4 && !second.written.isEmpty)
        #expect(try await folder.publishedFiles() == SiteCacheTests.coldFiles(folder).files)
    }
}
