import Foundation

/// Byte search in a string's UTF-8 with `memchr`: `String.UTF8View.contains` goes a byte at a time, and
/// validation asks "any `<`?" and "any `&`?" of every body in every document.
enum ByteSearch {
    /// `text.utf8.contains(byte)`.
    static func contains(_ byte: UInt8, in text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, Int32(byte), buffer.count) != nil
        } ?? text.utf8.contains(byte)
    }

    /// The index of the first `byte` in `buffer` at or after `start`, nil when there is none.
    static func index(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count, let hit = memchr(base + start, Int32(byte), buffer.count - start)
        else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The first C1 control character (U+0080–U+009F, UTF-8 `C2 80` … `C2 9F`) in `text`, as its low byte;
    /// `memchr` finds each `C2` lead byte, so text without one (most of it) is skipped at memory speed.
    static func firstC1Control(in text: String) -> UInt8? {
        if let found = text.utf8.withContiguousStorageIfAvailable({ firstC1Control(in: $0) }) { return found }
        return firstC1Control(in: Array(text.utf8))
    }

    private static func firstC1Control(in buffer: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count, let hit = memchr(base + offset, 0xC2, buffer.count - offset) {
            let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if position + 1 < buffer.count, (0x80...0x9F).contains(buffer[position + 1]) { return buffer[position + 1] }
            offset = position + 1
        }
        return nil
    }

    private static func firstC1Control(in bytes: [UInt8]) -> UInt8? {
        bytes.withUnsafeBufferPointer { firstC1Control(in: $0) }
    }

    /// How many `\n` bytes `bytes` holds.
    static func newlines(in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            guard var cursor = buffer.baseAddress else { return 0 }
            let end = cursor + buffer.count
            var count = 0
            while cursor < end, let hit = memchr(cursor, 0x0A, end - cursor) {
                count += 1
                cursor = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) + 1
            }
            return count
        }
    }
}
