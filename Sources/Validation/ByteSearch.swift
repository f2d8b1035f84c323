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
}
