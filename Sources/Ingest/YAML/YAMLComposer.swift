import Yams

/// Composes YAML into Yams nodes, skipping tag resolution when the result cannot depend on it.
///
/// Yams' default resolver tags every plain scalar by trying seven `NSRegularExpression`s in turn, and
/// composing hashes every mapping key (to find duplicates), which resolves each key's tag: in profiles that
/// was most of the cost of a front matter. Crier reads every value as text, so tags matter in only three
/// places, and the shortcut (`Resolver.basic`, which tags every plain scalar `str` without a regex) is taken
/// only for documents without explicit tags (`!`), aliases or `=` keys, where none of them can differ:
/// - Duplicate keys: two keys are equal when their text and tags are. Without explicit tags a scalar is
///   plain (tagged by the resolver) or quoted/block (`str`), so under the basic resolver keys equal under
///   the default one stay equal, and the only new equalities are plain keys the default resolver tags `int`,
///   `bool`… next to quoted twins. The shortcut can only find more duplicates, never fewer; when it finds
///   any, the document is composed again with the default resolver, whose verdict (and message) stands.
/// - A value's tag is read by `Node.bool` (anything but `str` may be a boolean), but only the tag the
///   parser gave it: values are never hashed, so never resolved, unless an alias makes the same node a key.
/// - `Node.string` of a mapping returns the value of a `=` key (the default resolver's `value` tag).
enum YAMLComposer {
    /// Which resolver to use.
    enum Tags {
        /// The basic resolver when the result is the same, else the default one.
        case cheapest
        /// Always Yams' default resolver.
        case exact
    }

    /// The document's root node, as `Yams.compose` with the default resolver gives it.
    /// - Parameter aliases: the number of alias tokens in `yaml` (`YAMLAliases.count(in:)`).
    static func compose(_ yaml: String, aliases: Int, tags: Tags) throws -> Node? {
        if tags == .cheapest && aliases == 0 && !mayHaveTagOrValueKey(yaml) {
            do {
                return try Yams.compose(yaml: yaml, .basic, .default, .utf8)
            } catch YamlError.duplicatedKeysInMapping {
                // Decided below with the default resolver.
            }
        }
        // The encoding is passed because `Parser.Encoding.default` reads the whole process environment on
        // every call, which cost more than parsing a short front matter.
        return try Yams.compose(yaml: yaml, .default, .default, .utf8)
    }

    /// True when some `!` or `=` starts a token (the start of a line, or after white space or `[ { , ? : -`),
    /// so it could be a tag or a plain scalar `=`. Quotes and comments are not recognised: that can only say
    /// true more often.
    static func mayHaveTagOrValueKey(_ yaml: String) -> Bool {
        var previous: UInt8 = 0x0A
        for byte in yaml.utf8 {
            if byte == UInt8(ascii: "=") || byte == UInt8(ascii: "!") {
                switch previous {
                case 0x0A, 0x0D, 0x20, 0x09, UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: "?"),
                    UInt8(ascii: ":"), UInt8(ascii: "-"):
                    return true
                default:
                    break
                }
            }
            previous = byte
        }
        return false
    }
}
