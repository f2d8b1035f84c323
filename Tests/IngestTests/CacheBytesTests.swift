import FeedModel
import Platform
import Testing

@testable import Ingest

/// The build cache's byte form, pinned: the manifest, the pack and the last-build record are written with it,
/// and a change to it that keeps the magic would have an old cache misread instead of ignored.
@Suite struct CacheBytesTests {
    static let stamp = SourceStamp(
        device: 2049, inode: 1_234_567, size: 4096, modifiedSeconds: 1_700_000_000, modifiedNanoseconds: 999_999_999,
        changedSeconds: -1, changedNanoseconds: 0)

    /// One of every value the writer writes, the edges of the varints among them.
    static func sample() -> [UInt8] {
        var writer = CacheWriter()
        for value in [0, 127, 128, 300, UInt64.max] as [UInt64] { writer.write(value) }
        for value in [0, 1, -1, -64, 64, Int64.min, Int64.max] as [Int64] { writer.write(value) }
        writer.write(-300 as Int)
        writer.write(true)
        writer.write(false)
        writer.write("héllo ✓")
        writer.write(nil as String?)
        writer.write("x" as String?)
        writer.write(bytes: [1, 2, 3])
        writer.write(Timestamp(secondsSinceEpoch: 1_700_000_000, utcOffsetSeconds: -18_000))
        writer.write(nil as Timestamp?)
        writer.write(IngestIssue(file: "a.md", line: 7, message: "m"))
        writer.write(IngestIssue(file: "b.md", line: nil, message: ""))
        writer.writeWord(0x0102_0304_0506_0708)
        writer.append(raw: [9, 9])
        writer.write(stamp)
        return writer.bytes
    }

    /// `sample()` as the cache wrote it before its generic part moved to Platform: varints (00, 7f, 8001, ac02, ...),
    /// zigzag (-1 is 01, 64 is 8001), lengths before UTF-8, a flag before an optional, the word little-endian.
    static let expected =
        "007f8001ac02ffffffffffffffffff010002017f8001ffffffffffffffffff01feffffffffffffffff01d70401000a68c3a96c6c6f20e29c93000101"
        + "780301020380c49fd50c9f99020004612e6d64010e016d04622e6d64000008070605040302010909811087ad4b804080c49fd50cfea7d6b9070100"

    @Test func theBytesAreThoseOfEarlierReleases() {
        let hex = Self.sample().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        #expect(hex == Self.expected)
    }

    @Test func whatIsWrittenIsReadBack() {
        let bytes = Self.sample()
        bytes.withUnsafeBytes { buffer in
            var reader = CacheReader(buffer)
            for value in [0, 127, 128, 300, UInt64.max] as [UInt64] { #expect(reader.unsigned() == value) }
            for value in [0, 1, -1, -64, 64, Int64.min, Int64.max] as [Int64] { #expect(reader.signed() == value) }
            #expect(reader.int() == -300)
            #expect(reader.bool() == true)
            #expect(reader.bool() == false)
            #expect(reader.string() == "héllo ✓")
            #expect(reader.optionalString() == .some(nil))
            #expect(reader.optionalString() == .some("x"))
            #expect(reader.byteArray() == [1, 2, 3])
            #expect(reader.timestamp() == Timestamp(secondsSinceEpoch: 1_700_000_000, utcOffsetSeconds: -18_000))
            #expect(reader.optionalTimestamp() == .some(nil))
            #expect(reader.issue() == IngestIssue(file: "a.md", line: 7, message: "m"))
            #expect(reader.issue() == IngestIssue(file: "b.md", line: nil, message: ""))
            #expect(reader.word() == 0x0102_0304_0506_0708)
            #expect(reader.raw(count: 2) == [9, 9])
            #expect(reader.stamp() == Self.stamp)
            #expect(reader.isAtEnd)
            #expect(reader.unsigned() == nil)
        }
    }
}

/// A content name in the cache: a flag, then its two words little-endian; none is the flag alone.
@Suite struct ContentNameBytesTests {
    @Test func aNameIsAFlagThenTwoWords() {
        var writer = CacheWriter()
        writer.write(ContentName(high: 0x0102_0304_0506_0708, low: 0x1112_1314_1516_1718))
        writer.write(nil as ContentName?)
        #expect(writer.bytes == [1, 8, 7, 6, 5, 4, 3, 2, 1, 0x18, 0x17, 0x16, 0x15, 0x14, 0x13, 0x12, 0x11, 0])
        writer.bytes.withUnsafeBytes { buffer in
            var reader = CacheReader(buffer)
            #expect(reader.contentName() == .some(ContentName(high: 0x0102_0304_0506_0708, low: 0x1112_1314_1516_1718)))
            #expect(reader.contentName() == .some(nil))
            #expect(reader.isAtEnd)
            #expect(reader.contentName() == nil)
        }
        // Cut inside the words: damaged, not a name.
        Array(writer.bytes.prefix(9)).withUnsafeBytes { buffer in
            var reader = CacheReader(buffer)
            #expect(reader.contentName() == nil)
        }
    }
}
