import Foundation

/// A strong entity tag for a document: FNV-1a (64-bit) over its bytes.
///
/// Not a cryptographic hash, and it needs not be one: an ETag only has to change when the bytes do, and a
/// collision between two versions of the same feed is what would matter. 64 bits plus the byte count make
/// that negligible without adding a crypto dependency.
enum ContentHash {
    /// The quoted strong ETag (RFC 9110 §8.8.3) for these bytes, such as `"1f3a…-2048"`.
    static func entityTag(for data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        data.withUnsafeBytes { bytes in
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return "\"" + String(repeating: "0", count: 16 - hex.count) + hex + "-" + String(data.count, radix: 16) + "\""
    }
}
