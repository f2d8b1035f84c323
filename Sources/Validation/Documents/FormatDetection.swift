import FeedModel

/// Why a document is not a feed Crier knows.
struct UnknownFormatReason: Error {
    var message: String
}

/// Recognises the format from the content alone, never from a file name or a Content-Type header.
enum FormatDetection {
    /// True when the first significant byte is `{`: JSON Feed, not XML.
    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "{")
    }
}
