import Foundation
import XML

/// Finds the links of `<a href>` and `<img src>` in escaped HTML that are relative (service: `absUrlMixin`):
/// readers show an item's HTML away from its page, so a relative link there resolves against the wrong
/// address (`ContainsRelRef`), and a link with characters a URI cannot hold is `InvalidUriChar`.
///
/// Like the service, it reads the tags by their text (an `href` right after `<a `, a `src` anywhere in
/// `<img …>`), all images first, then all links.
enum RelativeReferences {
    static func findings(in html: String) -> [HTMLFinding] {
        let bytes = Array(html.utf8)
        guard bytes.contains(UInt8(ascii: "<")) else { return [] }
        var found: [HTMLFinding] = []
        for reference in references(in: bytes, tag: "img", attribute: "src", anywhere: true)
            + references(in: bytes, tag: "a", attribute: "href", anywhere: false)
        {
            let decoded = decode(reference).trimmedWhitespace
            if hasScheme(decoded) { continue }
            if let bad = decoded.utf8.first(where: { $0 < 0x80 && !URICheck.isURIByte($0) }) {
                found.append(
                    HTMLFinding(
                        rule: .invalidUriChar,
                        message: "the link \"\(decoded.prefix(80))\" in escaped HTML contains "
                            + "\"\(Character(Unicode.Scalar(bad)))\", which a URI cannot hold unescaped", place: .end))
                continue
            }
            found.append(
                HTMLFinding(
                    rule: .containsRelRef,
                    message: "the link \"\(decoded.prefix(80))\" in escaped HTML is relative; "
                        + "readers resolve it against the feed's address, not the article's", place: .end))
        }
        return found
    }

    /// `word:` at the start.
    private static func hasScheme(_ text: String) -> Bool {
        var sawWord = false
        for scalar in text.unicodeScalars {
            if scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                sawWord = true
            } else {
                return sawWord && scalar == ":"
            }
        }
        return false
    }

    /// The values of `attribute` in `<tag` start tags, as the service's patterns read them: after `<tag` and white
    /// space, `attribute=` (right there, or for images anywhere before the first `>`, the last one that reads),
    /// then a double- or single-quoted value on one line, or a bare word, followed by white space or `>`.
    static func references(in bytes: [UInt8], tag: String, attribute: String, anywhere: Bool) -> [String] {
        let opener = Array(("<" + tag).utf8)
        let key = Array((attribute + "=").utf8)
        var results: [String] = []
        var index = 0
        while index + opener.count < bytes.count {
            // `memchr` to the next `<`: most of a body is text between tags.
            guard let open = nextOpening(in: bytes, from: index) else { break }
            index = open
            guard index + opener.count < bytes.count else { break }
            guard matchesLowercased(bytes, at: index, opener), isSpace(bytes[index + opener.count]) else {
                index += 1
                continue
            }
            var cursor = index + opener.count
            while cursor < bytes.count, isSpace(bytes[cursor]) { cursor += 1 }
            var candidates: [Int] = []
            if anywhere {
                var scan = cursor
                while scan < bytes.count, bytes[scan] != UInt8(ascii: ">") {
                    if matchesLowercased(bytes, at: scan, key) { candidates.append(scan + key.count) }
                    scan += 1
                }
                candidates.reverse()
            } else if matchesLowercased(bytes, at: cursor, key) {
                candidates = [cursor + key.count]
            }
            var matched = false
            for start in candidates {
                if let (value, end) = value(in: bytes, at: start) {
                    results.append(value)
                    index = end
                    matched = true
                    break
                }
            }
            if !matched { index += 1 }
        }
        return results
    }

    private static func nextOpening(in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { ByteSearch.index(of: UInt8(ascii: "<"), in: $0, from: start) }
    }

    /// A value at `start` and the index after the white space or `>` that follows it.
    private static func value(in bytes: [UInt8], at start: Int) -> (String, Int)? {
        guard start < bytes.count else { return nil }
        let quote = bytes[start]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            var end = start + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "\n") {
                if bytes[end] == quote, end + 1 < bytes.count, isSpace(bytes[end + 1]) || bytes[end + 1] == UInt8(ascii: ">") {
                    return (String(decoding: bytes[(start + 1)..<end], as: UTF8.self), end + 2)
                }
                end += 1
            }
            return nil
        }
        var end = start
        while end < bytes.count,
            bytes[end].isASCIIAlphanumeric || bytes[end] == UInt8(ascii: "_") || bytes[end] == UInt8(ascii: "-")
                || bytes[end] >= 0x80
        { end += 1 }
        guard end > start, end < bytes.count, isSpace(bytes[end]) || bytes[end] == UInt8(ascii: ">") else { return nil }
        return (String(decoding: bytes[start..<end], as: UTF8.self), end + 1)
    }

    private static func matchesLowercased(_ bytes: [UInt8], at index: Int, _ pattern: [UInt8]) -> Bool {
        guard index + pattern.count <= bytes.count else { return false }
        for offset in 0..<pattern.count where bytes[index + offset].asciiLowercased != pattern[offset] { return false }
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    /// The service's entity decoding for links: `&#NNN;` and HTML 4 names; anything else kept as `&name;`.
    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            var cursor = rest.index(after: amp)
            if cursor < rest.endIndex, rest[cursor] == "#" { cursor = rest.index(after: cursor) }
            let nameStart = cursor
            while cursor < rest.endIndex, rest[cursor].isLetter || rest[cursor].isNumber || rest[cursor] == "_" { cursor = rest.index(after: cursor) }
            guard cursor > nameStart, cursor < rest.endIndex, rest[cursor] == ";" else {
                result += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let name = String(rest[nameStart..<cursor])
            if name.allSatisfy(\.isASCIIDigitCharacter), let value = UInt32(name), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
            } else if HTMLEntityNames.contains(name), let character = HTMLNamedReferences.characters[name] {
                result += character
            } else {
                result += "&" + name + ";"
            }
            rest = rest[rest.index(after: cursor)...]
        }
        return result + rest
    }
}
