import Crypto

/// The SHA-256 digest of an article file's bytes, as 64 lower-case hex digits: how the state store notices
/// that an article changed (so `updated` moves only then).
///
/// swift-crypto computes it (with the CPU's SHA instructions where there are some); the hex form is what the
/// state store has always kept, so stores written by earlier versions compare equal.
enum ContentHash {
    static func hex(_ bytes: [UInt8]) -> String {
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
