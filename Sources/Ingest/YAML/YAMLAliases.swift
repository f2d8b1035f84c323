/// Counts YAML aliases (`*name`) before the YAML is composed, so front matter cannot be an alias bomb.
///
/// Each alias stands for a whole anchored subtree; nine aliases of nine aliases of nine… describe billions of
/// nodes in a few hundred bytes. Yams shares the subtrees when composing, but hashes every mapping key to find
/// duplicates, so an alias used as a key is expanded in full: a 388-byte front matter found by the fuzzer
/// took 4 s, one more level would take minutes. Front matter has no need for more than a few aliases.
enum YAMLAliases {
    /// The most aliases front matter may use; with this many the largest expansion is a few hundred nodes.
    static let limit = 16

    /// The number of alias tokens: a `*` that starts a token (at the start of a line or after white space,
    /// `[`, `{`, `,`, `:`, `?` or `-`), outside quoted scalars and comments. Block scalars are not recognised,
    /// so a `*` inside one may be counted; that can only make the count larger, never hide an alias.
    static func count(in yaml: String) -> Int {
        var count = 0
        var quote: UInt8?
        var inComment = false
        var previous: UInt8 = 0x0A
        for byte in yaml.utf8 {
            defer { previous = byte }
            if byte == 0x0A {
                inComment = false
                continue
            }
            if inComment { continue }
            if let open = quote {
                // '' inside single quotes and \" inside double quotes both end up toggling twice: harmless.
                if byte == open && !(open == UInt8(ascii: "\"") && previous == UInt8(ascii: "\\")) { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if Self.startsToken(after: previous) { quote = byte }
            case UInt8(ascii: "#"):
                if previous == 0x20 || previous == 0x09 || previous == 0x0A { inComment = true }
            case UInt8(ascii: "*"):
                if Self.startsToken(after: previous) { count += 1 }
            default:
                break
            }
        }
        return count
    }

    private static func startsToken(after byte: UInt8) -> Bool {
        switch byte {
        case 0x0A, 0x20, 0x09, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ":"),
            UInt8(ascii: "?"), UInt8(ascii: "-"):
            true
        default:
            false
        }
    }
}
