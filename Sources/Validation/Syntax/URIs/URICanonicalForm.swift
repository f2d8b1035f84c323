import Foundation

/// The canonical form of a URI (RFC 3986 section 6.2.2, as the W3C service computes it): two URIs are the same
/// resource when their canonical forms are equal text, and a URI that differs from its own canonical form is
/// `NonCanonicalURI`.
///
/// Scheme and host are lower-cased, the scheme's default port dropped, `.` and `..` segments removed, an empty
/// path made `/`, percent-escapes of unreserved characters decoded and the others written in upper case, and
/// text in Unicode NFC. Relative references with a relative path have no canonical form.
enum URICanonicalForm {
    private static let subDelimiters = Set("!$&'()*+,;=".utf8)
    private static let reserved = Set(":/?#[]@".utf8).union(subDelimiters)
    /// What may stand unescaped in a path segment (RFC 3986 `pchar` less the unreserved characters).
    private static let segmentSafe = Set("-._~".utf8).union(subDelimiters).union(Set(":@".utf8))
    private static let querySafe = segmentSafe.union(Set("/?".utf8))
    private static let defaultPorts: [String: Int] = [
        "ftp": 21, "telnet": 23, "http": 80, "gopher": 70, "news": 119, "nntp": 119, "prospero": 191, "https": 443,
        "snews": 563, "snntp": 563,
    ]

    /// The canonical form, or nil when the text is a relative-path reference or cannot be read (a `%` not
    /// followed by two hexadecimal digits, escapes that are not UTF-8, brackets around something other than a
    /// whole host).
    static func canonical(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        // RFC 3986 appendix B: scheme ":" , "//" authority, path, "?" query, "#" fragment.
        var index = 0
        var scheme: String?
        if let colon = bytes.firstIndex(where: {
            $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?")
                || $0 == UInt8(ascii: "#")
        }), bytes[colon] == UInt8(ascii: ":"), colon > 0 {
            scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
            index = colon + 1
        }
        var authority: ArraySlice<UInt8>?
        if bytes.count >= index + 2, bytes[index] == UInt8(ascii: "/"), bytes[index + 1] == UInt8(ascii: "/") {
            var end = index + 2
            while end < bytes.count, !"/?#".utf8.contains(bytes[end]) { end += 1 }
            authority = bytes[(index + 2)..<end]
            index = end
        }
        var pathEnd = index
        while pathEnd < bytes.count, bytes[pathEnd] != UInt8(ascii: "?"), bytes[pathEnd] != UInt8(ascii: "#") { pathEnd += 1 }
        let path = bytes[index..<pathEnd]
        index = pathEnd
        var query: ArraySlice<UInt8>?
        if index < bytes.count, bytes[index] == UInt8(ascii: "?") {
            var end = index + 1
            while end < bytes.count, bytes[end] != UInt8(ascii: "#") { end += 1 }
            query = bytes[(index + 1)..<end]
            index = end
        }
        var fragment: ArraySlice<UInt8>?
        if index < bytes.count {
            fragment = bytes[(index + 1)...]
            // The service's pattern reads the fragment with `.`, which stops at a line break.
            if fragment!.dropLast().contains(UInt8(ascii: "\n")) { return nil }
        }

        var result = ""
        if let scheme { result += scheme + ":" }
        if let authority {
            guard let normalized = normalizeAuthority(authority, defaultPort: scheme.flatMap { defaultPorts[$0] }) else { return nil }
            result += "//" + normalized
            guard let normalizedPath = normalizePath(path) else { return nil }
            result += normalizedPath
        } else {
            if scheme == nil, path.first != UInt8(ascii: "/") { return nil }
            if scheme == "mailto" {
                // The service's reading of RFC 2368: the domain in lower case, the query repeated after it; an
                // address without a literal @ is kept exactly as written.
                guard let at = path.firstIndex(of: UInt8(ascii: "@")), at > path.startIndex else {
                    result += String(decoding: path, as: UTF8.self)
                    return finish(result, query: query, fragment: fragment)
                }
                let queryStart = path.firstIndex(of: UInt8(ascii: "?")) ?? path.endIndex
                guard let local = requote(path[..<at], safe: []),
                    let domain = requote(ArraySlice(Array(String(decoding: path[(at + 1)...], as: UTF8.self).lowercased().utf8)), safe: []),
                    let tail = requote(path[queryStart...], safe: [])
                else { return nil }
                result += local + "@" + domain + tail
            } else if scheme == nil || path.first == UInt8(ascii: "/") {
                guard let normalizedPath = normalizePath(path) else { return nil }
                result += normalizedPath
            } else {
                guard let opaque = requote(path, safe: segmentSafe.union([UInt8(ascii: "/")])) else { return nil }
                result += opaque
            }
        }
        return finish(result, query: query, fragment: fragment)
    }

    /// Appends the normalised query and fragment.
    private static func finish(_ start: String, query: ArraySlice<UInt8>?, fragment: ArraySlice<UInt8>?) -> String? {
        var result = start
        if let query {
            guard let normalized = requote(query, safe: querySafe) else { return nil }
            result += "?" + normalized
        }
        if let fragment {
            guard let normalized = requote(fragment, safe: querySafe) else { return nil }
            result += "#" + normalized
        }
        return result
    }

    /// User information kept as written; host lower-cased, without a final dot after two or more labels; the
    /// port dropped when it is the scheme's default or empty.
    private static func normalizeAuthority(_ authority: ArraySlice<UInt8>, defaultPort: Int?) -> String? {
        var user: String?
        var host = authority
        if let at = authority.lastIndex(of: UInt8(ascii: "@")) {
            let info = String(decoding: authority[..<at], as: UTF8.self)
            user = info == ":" ? "" : info
            host = authority[(at + 1)...]
        }
        var name = String(decoding: host, as: UTF8.self).lowercased()
        var port = defaultPort
        if let colon = name.lastIndex(of: ":"), name[name.index(after: colon)...].allSatisfy(\.isASCIIDigitCharacter) {
            let digits = name[name.index(after: colon)...]
            if !digits.isEmpty {
                guard let number = Int(digits) else { return nil }
                port = number
            }
            name = String(name[..<colon])
        }
        if name.hasSuffix("."), let dot = name.dropLast(2).lastIndex(of: "."), dot >= name.startIndex {
            name.removeLast()
        }
        if name.hasPrefix("[") != name.hasSuffix("]") { return nil }
        if port != defaultPort, let port { name += ":" + String(port) }
        if let user, !user.isEmpty { return user + "@" + name }
        return name
    }

    /// Removes `.` and `..` segments of an absolute path the way the service does, then re-escapes each segment.
    private static func normalizePath(_ path: ArraySlice<UInt8>) -> String? {
        var segments = path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map { Array($0) }
        var index = segments.first.map({ !$0.isEmpty }) == true ? segments.count : 0
        let dot = [UInt8(ascii: ".")]
        let dotDot = [UInt8(ascii: "."), UInt8(ascii: ".")]
        while index < segments.count {
            let segment = segments[index]
            if segment == dot {
                if index < segments.count - 1 { segments.remove(at: index) } else { segments[index] = [] }
            } else if segment == dotDot {
                if index < segments.count - 1 { segments.remove(at: index) } else { segments[index] = [] }
                if index > 1 || (index > 0 && !segments[0].isEmpty) {
                    index -= 1
                    segments.remove(at: index)
                }
            } else {
                index += 1
            }
        }
        if segments.count == 1, segments[0].isEmpty { segments = [[], []] }
        var parts: [String] = []
        for segment in segments {
            guard let part = requote(segment[...], safe: segmentSafe) else { return nil }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// Decodes escapes and re-escapes everything but unreserved characters and `safe`, keeping reserved
    /// characters of `safe` exactly as written (escaped or not), since escaping them changes their meaning.
    static func requote(_ text: ArraySlice<UInt8>, safe: Set<UInt8>) -> String? {
        var result = ""
        var pending: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            var byte = text[index]
            var written = [byte]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < text.endIndex, text[index + 1].isHexDigit, text[index + 2].isHexDigit else { return nil }
                byte = UInt8(hexValue(text[index + 1]) * 16 + hexValue(text[index + 2]))
                written = [UInt8(ascii: "%"), uppercaseHex(text[index + 1]), uppercaseHex(text[index + 2])]
                index += 3
            } else {
                index += 1
            }
            if reserved.contains(byte), safe.contains(byte) {
                guard let flushed = quote(pending, safe: safe) else { return nil }
                result += flushed + String(decoding: written, as: UTF8.self)
                pending = []
            } else {
                pending.append(byte)
            }
        }
        guard let flushed = quote(pending, safe: safe) else { return nil }
        return result + flushed
    }

    /// The bytes read as UTF-8 (nil when they are not), escapes left in them decoded, NFC-normalised and
    /// escaped again except for unreserved characters and `safe`.
    private static func quote(_ bytes: [UInt8], safe: Set<UInt8>) -> String? {
        guard !bytes.isEmpty else { return "" }
        guard var text = String(validating: bytes, as: UTF8.self) else { return nil }
        if text.utf8.contains(UInt8(ascii: "%")) { text = percentDecoded(text) }
        if !text.utf8.allSatisfy({ $0 < 0x80 }) { text = text.precomposedStringWithCanonicalMapping }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte.isASCIIAlphanumeric || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "~") || safe.contains(byte)
            {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Python's `unquote`: valid escapes decoded as UTF-8 (invalid sequences become U+FFFD), others left alone.
    private static func percentDecoded(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, bytes[index + 1].isHexDigit, bytes[index + 2].isHexDigit {
                output.append(UInt8(hexValue(bytes[index + 1]) * 16 + hexValue(bytes[index + 2])))
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> Int {
        byte.isASCIIDigit ? Int(byte - 48) : Int((byte | 0x20) - 87)
    }

    private static func uppercaseHex(_ byte: UInt8) -> UInt8 { byte >= 97 ? byte - 32 : byte }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? value + 48 : value + 55 }
}

extension Character {
    /// `0`–`9` only.
    var isASCIIDigitCharacter: Bool { isASCII && isWholeNumber }
}
