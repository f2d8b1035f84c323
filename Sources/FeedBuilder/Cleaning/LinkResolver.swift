import Foundation

/// Resolves relative links of one body against the entry's link, with Foundation's answer.
///
/// `URL(string:relativeTo:)` costs microseconds per link, and a body can have dozens. For the shapes that
/// are most links (`#top`, `/path/`, `file.png`, with plain characters and no `.` or `..` segment) against an
/// ordinary `http(s)://host/path` base, RFC 3986 section 5.2 reduces to joining strings, which is what is done
/// here; everything else, and every base of another shape, goes to Foundation. `LinkResolverTests` checks the
/// join against Foundation over many bases and references.
struct LinkResolver {
    private let baseString: String
    private var simpleBase: SimpleBase??
    private var foundationBase: URL??

    /// The parts of a base URL the join needs: `scheme://authority`, and everything up to the path's last `/`.
    struct SimpleBase {
        var origin: [UInt8]
        var directory: [UInt8]
        var whole: [UInt8]
    }

    init(base: String) {
        baseString = base
    }

    /// The absolute form of a relative reference (non-empty, no scheme), or the reference itself when the
    /// base is not a URL or Foundation cannot resolve it (as the cleaner always did).
    mutating func resolve(_ reference: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        if simpleBase == nil { simpleBase = .some(Self.simpleBase(of: baseString)) }
        if let base = simpleBase ?? nil, let joined = Self.join(reference, to: base) { return joined }
        if foundationBase == nil { foundationBase = .some(URL(string: baseString)) }
        let string = String(decoding: reference, as: UTF8.self)
        guard let base = foundationBase ?? nil, let resolved = URL(string: string, relativeTo: base) else {
            return Array(reference)
        }
        return Array(resolved.absoluteString.utf8)
    }

    /// Bytes allowed in the joined parts: RFC 3986 `unreserved`, `sub-delims`, `:` and `@`. Anything else
    /// (`%`, space, non-ASCII, `\`, `[`) may be encoded or rejected by Foundation, so it is left to Foundation.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "!"),
            UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="),
            UInt8(ascii: ":"), UInt8(ascii: "@"):
            true
        default:
            false
        }
    }

    /// A path of plain segments separated by single `/`, none of them `.` or `..`.
    private static func isPlainPath(_ path: ArraySlice<UInt8>) -> Bool {
        var segmentStart = path.startIndex
        var index = path.startIndex
        while index <= path.endIndex {
            if index == path.endIndex || path[index] == UInt8(ascii: "/") {
                let segment = path[segmentStart..<index]
                if segment.allSatisfy({ $0 == UInt8(ascii: ".") }) && !segment.isEmpty { return false }
                if segment.isEmpty && index != path.startIndex && index != path.endIndex { return false }
                segmentStart = index + 1
            } else if !isPlain(path[index]) {
                return false
            }
            index += 1
        }
        return true
    }

    /// `http(s)://host[:port]/plain/path` with nothing after the path, or nil for any other shape.
    static func simpleBase(of base: String) -> SimpleBase? {
        let bytes = Array(base.utf8)
        let schemeEnd: Int
        if bytes.starts(with: "https://".utf8) {
            schemeEnd = 8
        } else if bytes.starts(with: "http://".utf8) {
            schemeEnd = 7
        } else {
            return nil
        }
        guard let pathStart = bytes[schemeEnd...].firstIndex(of: UInt8(ascii: "/")), pathStart > schemeEnd else { return nil }
        for byte in bytes[schemeEnd..<pathStart] {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: ":"):
                continue
            default:
                return nil
            }
        }
        let path = bytes[pathStart...]
        guard isPlainPath(path), let lastSlash = path.lastIndex(of: UInt8(ascii: "/")) else { return nil }
        return SimpleBase(origin: Array(bytes[..<pathStart]), directory: Array(bytes[...lastSlash]), whole: bytes)
    }

    /// The RFC 3986 join of a plain reference to a simple base, or nil when the reference is not plain.
    static func join(_ reference: UnsafeBufferPointer<UInt8>, to base: SimpleBase) -> [UInt8]? {
        let bytes = ArraySlice(reference)
        guard let first = bytes.first else { return nil }
        // The path ends at the first `?` or `#`; what follows must be plain too, with at most one `#`.
        let pathEnd = bytes.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? bytes.endIndex
        var seenHash = false
        for byte in bytes[pathEnd...] {
            if byte == UInt8(ascii: "#") {
                if seenHash { return nil }
                seenHash = true
            } else if byte != UInt8(ascii: "?") && byte != UInt8(ascii: "/") && !isPlain(byte) {
                return nil
            }
        }
        let path = bytes[..<pathEnd]
        if first == UInt8(ascii: "#") || first == UInt8(ascii: "?") {
            // Section 5.2.2: an empty path keeps the base's path (and, for `#`, its query; a simple base has none).
            return base.whole + bytes
        }
        guard isPlainPath(path) else { return nil }
        if first == UInt8(ascii: "/") {
            guard bytes.count < 2 || bytes[bytes.startIndex + 1] != UInt8(ascii: "/") else { return nil }
            return base.origin + bytes
        }
        // Section 4.2: a first segment with `:` would read as a scheme; such references go to Foundation.
        if path.prefix(while: { $0 != UInt8(ascii: "/") }).contains(UInt8(ascii: ":")) { return nil }
        return base.directory + bytes
    }
}
