import FeedModel
import Foundation
import Platform
import Testing

@testable import FeedBuilder

/// Fragments a new process finds in the published files are copied from them by the kernel, neighbours as one
/// span (`DocumentPart`), and only from a file that kept its stamp until every copy was done.
@Suite struct CopiedSpanTests {
    /// A published file of `size` bytes whose fragments are `length` bytes long, `separator` apart.
    static func source(in root: URL, size: Int = 64, separator: [UInt8] = [0x0A]) throws -> SourceFile {
        let path = root.appendingPathComponent("source-\(UUID().uuidString)").path
        try Data(repeating: 0x41, count: size).write(to: URL(fileURLWithPath: path))
        let file = try FileDescriptor.open(readingAt: path)
        return SourceFile(file: file, stamp: try #require(FileStatus(of: file)?.stamp), separator: separator)
    }

    static func slice(_ source: SourceFile, at offset: Int, length: Int = 4) -> FragmentPiece {
        .slice(FileSlice(source: source, offset: offset, length: length, checksum: 0))
    }

    /// Each part as text: `copy OFFSET+COUNT` or `bytes N`.
    static func describe(_ parts: [DocumentPart]) -> [String] {
        parts.map { part in
            switch part {
            case .rendered(let chunk): "bytes \(chunk.count)"
            case .copied(let span): "copy \(span.offset)+\(span.count)"
            }
        }
    }

    @Test func neighboursInOneFileAreOneSpanWithTheirSeparators() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = try Self.source(in: root)
        defer { try? source.file.close() }
        // Fragments at 0, 5, 10 (4 bytes each, one separator byte between): one span of 14 bytes.
        let pieces = [0, 5, 10].map { Self.slice(source, at: $0) }
        #expect(Self.describe(DocumentPart.parts(of: pieces, separator: [0x0A], separatorFirst: false)) == ["copy 0+14"])
        // After an earlier window the separator before the first fragment is written, not copied.
        #expect(Self.describe(DocumentPart.parts(of: pieces, separator: [0x0A], separatorFirst: true)) == ["bytes 1", "copy 0+14"])
    }

    @Test func aRenderedFragmentOrAGapSplitsTheSpan() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = try Self.source(in: root)
        let other = try Self.source(in: root)
        defer {
            try? source.file.close()
            try? other.file.close()
        }
        let rendered = FragmentPiece.bytes([1, 2, 3])
        let pieces = [Self.slice(source, at: 0), rendered, Self.slice(source, at: 10), Self.slice(source, at: 20), Self.slice(other, at: 25)]
        // A rendered fragment between two slices; a removed one between two (20 is not 10 + 4 + 1); another file.
        #expect(
            Self.describe(DocumentPart.parts(of: pieces, separator: [0x0A], separatorFirst: false)) == [
                "copy 0+4", "bytes 5", "copy 10+4", "bytes 1", "copy 20+4", "bytes 1", "copy 25+4",
            ])
    }

    @Test func aFileWithAnotherSeparatorIsCopiedFragmentByFragment() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = try Self.source(in: root, separator: [0x20])
        defer { try? source.file.close() }
        let pieces = [0, 5].map { Self.slice(source, at: $0) }
        #expect(Self.describe(DocumentPart.parts(of: pieces, separator: [0x0A], separatorFirst: false)) == ["copy 0+4", "bytes 1", "copy 5+4"])
    }

    @Test func aPublishedFileWrittenAfterItsSlicesWereCheckedIsNotCopiedFrom() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = Fixtures.description()
        let entries = Fixtures.entries(30)
        let (output, memoryFolder) = try PublishMemoryTests.published(entries, site: site, root: root)
        let memory = PublishMemory.load(from: memoryFolder, key: PublishMemoryTests.key, outputDirectory: output)
        let atom = try #require(memory.allDocuments["atom.xml"])
        let slices = memory.slices(atom.fragments.map { (key: $0.key, variant: atom.variant) })
        defer { memory.closeFiles() }
        #expect(slices.allSatisfy { $0 != nil })
        try memory.confirmSources()
        // Someone writes the file in place, the same length, between the check of its slices and their copy.
        let path = output.appendingPathComponent("atom.xml").path
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seek(toOffset: UInt64(atom.fragments[3].offset))
        try handle.write(contentsOf: Data("X".utf8))
        try handle.close()
        #expect(throws: PublishError.self) { try memory.confirmSources() }
    }

    @Test func aSliceReadAgainWithOtherBytesSpoilsItsFile() throws {
        let root = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = try Self.source(in: root)
        defer { try? source.file.close() }
        let bytes = [UInt8](repeating: 0x41, count: 4)
        #expect(FileSlice(source: source, offset: 0, length: 4, checksum: FastChecksum.of(bytes)).bytes() == bytes)
        #expect(source.isIntact)
        _ = FileSlice(source: source, offset: 0, length: 4, checksum: FastChecksum.of(bytes) ^ 1).bytes()
        #expect(!source.isIntact)
    }
}
