/// Turns a request target's path into the relative path of a published file, or refuses it.
///
/// The allow-list already keeps everything else out; this is the first wall. Anything unusual is refused
/// rather than normalised, because a feed reader never sends it: encoded slashes and backslashes (which
/// some servers turn into separators after routing), dot segments, empty segments, NUL, hidden names.
enum RequestPath {
    /// The relative path a request asks for, or `nil` when it must get 404.
    static func relativePath(fromTarget rawPath: String) -> String? {
        guard rawPath.hasPrefix("/"), !rawPath.contains("\\") else { return nil }
        let lowered = rawPath.lowercased()
        // %2f is "/", %5c is "\", %00 is NUL, %25 would let a second decoding pass produce any of them.
        for encoded in ["%2f", "%5c", "%00", "%25"] where lowered.contains(encoded) {
            return nil
        }
        guard let decoded = rawPath.dropFirst().removingPercentEncodingStrictly() else { return nil }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments {
            if segment.isEmpty || segment == "." || segment == ".." || segment.hasPrefix(".") { return nil }
            if segment.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) { return nil }
        }
        return decoded
    }
}

extension Substring {
    /// Decodes `%XX` escapes, or returns `nil` for a malformed escape or bytes that are not UTF-8.
    fileprivate func removingPercentEncodingStrictly() -> String? {
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(Self.hexValue), let low = iterator.next().flatMap(Self.hexValue)
            else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
