import Crypto
public import Foundation

/// The SHA-256 digest of some bytes, as 64 lower-case hex digits: Crier's one content hash.
///
/// The state store keeps it for each article file, to notice that an article changed (so `updated` moves only
/// then); the daemon's server derives its ETags from it. swift-crypto computes it (with the CPU's SHA
/// instructions where there are some); the hex form is what the state store has always kept, so stores
/// written by earlier versions compare equal.
public enum ContentHash {
    /// The digest of `bytes` as 64 lower-case hex digits.
    public static func hex(_ bytes: some DataProtocol) -> String {
        let digest = Crypto.SHA256.hash(data: bytes)
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
