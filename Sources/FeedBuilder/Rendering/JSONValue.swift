import XML

/// A JSON value whose objects keep their keys in the order written, so output never depends on dictionary
/// order. Serialised by hand: Foundation's encoder can neither stream nor drop XML-forbidden characters.
enum JSONValue: Sendable {
    case string(String)
    case number(Int)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    /// An object from key/value pairs, leaving out nil values and empty strings, arrays and objects, which
    /// JSON Feed treats like absent keys.
    static func object(omittingEmpty pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        .object(
            pairs.compactMap { pair in
                guard let value = pair.value, !value.isEmpty else { return nil }
                return (key: pair.key, value: value)
            })
    }

    /// A string value, or nil (an omitted key) when there is no text.
    static func text(_ value: String?) -> JSONValue? {
        value.map(JSONValue.string)
    }

    var isEmpty: Bool {
        switch self {
        case .string(let text): text.isEmpty
        case .number: false
        case .array(let items): items.isEmpty
        case .object(let members): members.isEmpty
        }
    }

    /// Appends the value as UTF-8, pretty-printed with two spaces per level starting at `level`.
    func write(into output: inout [UInt8], level: Int) {
        switch self {
        case .string(let text):
            Self.writeString(text, into: &output)
        case .number(let value):
            output += Array(String(value).utf8)
        case .array(let items):
            guard !items.isEmpty else {
                output += Array("[]".utf8)
                return
            }
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                output += Array((index == 0 ? "\n" : ",\n").utf8)
                Self.indent(level + 1, into: &output)
                item.write(into: &output, level: level + 1)
            }
            output.append(UInt8(ascii: "\n"))
            Self.indent(level, into: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                output += Array("{}".utf8)
                return
            }
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                output += Array((index == 0 ? "\n" : ",\n").utf8)
                Self.indent(level + 1, into: &output)
                Self.writeString(member.key, into: &output)
                output += Array(": ".utf8)
                member.value.write(into: &output, level: level + 1)
            }
            output.append(UInt8(ascii: "\n"))
            Self.indent(level, into: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    static func indent(_ level: Int, into output: inout [UInt8]) {
        output += repeatElement(UInt8(ascii: " "), count: level * 2)
    }

    /// Writes a JSON string (RFC 8259 section 7). Characters XML forbids are dropped first: JSON could carry
    /// them as `\u0001`, but readers that convert JSON Feed items to XML or HTML choke on them. So are those
    /// readers treat as damage (`XMLCharacters.isDamage`), as in the XML feeds. U+2028 and
    /// U+2029 are escaped because JavaScript before ES2019 treats them as line breaks inside strings.
    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            // Works on UTF-8 bytes and copies unescaped runs in bulk: bodies are large and most bytes need
            // nothing. Every byte tested below is ASCII or a lead byte, so multi-byte sequences stay intact.
            var runStart = 0
            var index = 0
            let count = bytes.count
            func flush(upTo end: Int) {
                if end > runStart { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<end])) }
            }
            while index < count {
                let byte = bytes[index]
                var replacement: String?
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): replacement = "\\\""
                case UInt8(ascii: "\\"): replacement = "\\\\"
                case 0x0A: replacement = "\\n"
                case 0x0D: replacement = "\\r"
                case 0x09: replacement = "\\t"
                case 0..<0x20: replacement = ""  // forbidden in XML 1.0
                case 0x7F...0xFF where UTF8Scalars.damageWidth(bytes, at: index) > 0:
                    replacement = ""  // DEL, C1 controls, U+FFFD, noncharacters (XMLCharacters.isDamage)
                    width = UTF8Scalars.damageWidth(bytes, at: index)
                case 0xE2
                where index + 2 < count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    replacement = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                default: break
                }
                if let replacement {
                    flush(upTo: index)
                    output.append(contentsOf: replacement.utf8)
                    index += width
                    runStart = index
                } else {
                    index += 1
                }
            }
            flush(upTo: count)
        }
        output.append(UInt8(ascii: "\""))
    }
}
