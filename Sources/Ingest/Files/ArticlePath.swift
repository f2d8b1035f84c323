import Foundation

/// The file name and lower-cased extension of an article's relative path, which pick its parser and its
/// fallback title.
///
/// They are what `source.appendingPathComponent(path)`'s `lastPathComponent` and `pathExtension` give, worked
/// out on the string for the usual shape (`posts/2024-03-05-hello.md`) because building a `URL` per file
/// showed up in profiles; any other shape goes through `URL` itself.
enum ArticlePath {
    static func nameAndExtension(of path: String, in source: URL) -> (name: String, lowercasedExtension: String) {
        if let simple = simpleNameAndExtension(of: path) { return simple }
        let file = source.appendingPathComponent(path)
        return (file.lastPathComponent, file.pathExtension.lowercased())
    }

    /// The answer for a path whose last part is a plain name with an ASCII-alphanumeric extension; nil otherwise.
    static func simpleNameAndExtension(of path: String) -> (name: String, lowercasedExtension: String)? {
        let utf8 = path.utf8
        guard let last = utf8.last, last != UInt8(ascii: "/") else { return nil }
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        guard let dot = utf8[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot != nameStart else { return nil }
        let extensionBytes = utf8[utf8.index(after: dot)...]
        guard !extensionBytes.isEmpty, extensionBytes.allSatisfy({ $0 < 0x80 && (isASCIILetter($0) || isASCIIDigit($0)) }) else { return nil }
        // Names URL arithmetic treats specially (`%` escapes, `;` parameters, `..`) keep the general route.
        let name = utf8[nameStart...]
        guard !name.contains(UInt8(ascii: "%")), !name.contains(UInt8(ascii: ";")), !name.starts(with: "..".utf8) else { return nil }
        return (String(Substring(name)), String(Substring(extensionBytes)).lowercased())
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func isASCIIDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
