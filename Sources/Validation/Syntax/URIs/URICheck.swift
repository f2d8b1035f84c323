/// The W3C service's URI check (its `rfc2396` class and relatives), as a function other rules can call with
/// their own finding for a malformed value (`InvalidURIAttribute` for an attribute, `InvalidFullLink` for an
/// absolute link...).
///
/// In order: `tag:` URIs must follow RFC 4151 (`InvalidTAG`); `urn:` URIs RFC 2141 and `urn:uuid:` RFC 4122
/// (`InvalidURN`, `InvalidUUID`); otherwise the characters must be those RFC 2396 section 2 allows
/// (`InvalidUriChar` names the first ASCII one that is not; non-ASCII characters alone make `UriNotIri`, since
/// the text is a valid IRI, RFC 3987, but not a URI); `http:` and `ftp:` need `//` and a host; a scheme of
/// letters must be registered (`SchemeNotIANARegistered`).
enum URICheck {
    /// The overall shape required.
    enum Shape {
        /// Any URI reference, relative ones included (RFC 2396 section 4).
        case reference
        /// An absolute URI: a scheme and something after it (RFC 2396 section 3).
        case absolute
    }

    /// Checks `value` and logs on `handler` what is wrong.
    /// - Parameters:
    ///   - shape: whether a relative reference is acceptable.
    ///   - rule: the finding for a value of the wrong shape.
    ///   - what: how messages name the value (the element's name by default).
    /// - Returns: true when the value is acceptable.
    @discardableResult
    static func validate(_ value: String, shape: Shape, rule: Rule, in handler: ElementHandler, what: String? = nil) -> Bool {
        guard let (found, message) = problem(value, shape: shape, rule: rule, what: what ?? handler.name) else { return true }
        handler.log(found, message)
        return false
    }

    /// What is wrong with `value`, nil when nothing is: the finding and its message.
    static func problem(_ value: String, shape: Shape, rule: Rule, what subject: String) -> (Rule, String)? {
        let bytes = Array(value.utf8)
        let colon = bytes.firstIndex(of: UInt8(ascii: ":"))
        let schemeBytes = bytes[..<(colon ?? bytes.count)]
        let scheme = String(decoding: schemeBytes, as: UTF8.self).lowercased()
        if scheme == "tag" {
            if isTagURI(bytes) { return nil }
            return (.invalidTAG, "\(subject) \"\(value.prefix(80))\" is not a tag: URI as RFC 4151 defines (tag:example.com,2024-03-05:name)")
        }
        if scheme == "urn" {
            if value.lowercased().hasPrefix("urn:uuid:") && !isUUIDURN(bytes) {
                return (.invalidUUID, "\(subject) \"\(value.prefix(80))\" is not a UUID URN (urn:uuid: and 8-4-4-4-12 hex digits)")
            }
            if isURN(bytes) { return nil }
            return (.invalidURN, "\(subject) \"\(value.prefix(80))\" is not a URN as RFC 2141 defines (urn:NID:NSS)")
        }
        if !matches(bytes, shape: shape) {
            if let bad = bytes.first(where: { $0 < 0x80 && !isURIByte($0) }) {
                return (
                    .invalidUriChar,
                    "\(subject) \"\(value.prefix(80))\" contains \(describe(bad)), which a URI cannot hold "
                        + "unescaped; write it %-encoded"
                )
            }
            if let ascii = IDNA.toASCII(value), matches(Array(ascii.utf8), shape: shape) {
                return (
                    .uriNotIri,
                    "\(subject) \"\(value.prefix(80))\" has non-ASCII characters: an IRI, not the URI required "
                        + "here; %-encode them"
                )
            }
            return (rule, message(for: rule, subject: subject, value: value))
        }
        if scheme == "http" || scheme == "ftp" {
            return hasAuthority(bytes) ? nil : (rule, message(for: rule, subject: subject, value: value))
        }
        if colon != nil, !scheme.isEmpty, scheme.allSatisfy(\.isLetter), !URISchemes.registered.contains(scheme) {
            return (
                .schemeNotIANARegistered,
                "\(subject) uses the scheme \"\(scheme)\", which is not registered with IANA; "
                    + "readers may not follow it"
            )
        }
        return nil
    }

    private static func message(for rule: Rule, subject: String, value: String) -> String {
        switch rule {
        case .invalidFullLink: "\(subject) must be an absolute URL (with a scheme such as https:), not \"\(value.prefix(80))\""
        case .invalidIRI: "\(subject) \"\(value.prefix(80))\" is not a valid IRI"
        default: "\(subject) \"\(value.prefix(80))\" is not a valid URI"
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        switch byte {
        case 0x20: "a space"
        case 0x09: "a tab"
        case 0x0A, 0x0D: "a line break"
        case 0..<0x20, 0x7F: "a control character"
        default: "\"\(Character(Unicode.Scalar(byte)))\""
        }
    }

    /// The characters RFC 2396 section 2 allows in a URI reference, `%` and `#` included.
    @inline(__always)
    static func isURIByte(_ byte: UInt8) -> Bool {
        if byte.isASCIIAlphanumeric { return true }
        switch byte {
        case UInt8(ascii: ";"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: "@"), UInt8(ascii: "&"),
            UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "$"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"),
            UInt8(ascii: "!"), UInt8(ascii: "~"), UInt8(ascii: "*"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
            UInt8(ascii: "%"), UInt8(ascii: ","), UInt8(ascii: "#"):
            return true
        default:
            return false
        }
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        byte.isASCIIAlphanumeric || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// The length of a leading `scheme:`, nil when there is none.
    private static func schemeLength(_ bytes: [UInt8]) -> Int? {
        guard let first = bytes.first, first.isASCIILetter else { return nil }
        var index = 1
        while index < bytes.count, isSchemeByte(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: ":") ? index + 1 : nil
    }

    /// Whether the text has the shape: only URI characters, with an IPv6 literal in brackets allowed after an
    /// optional scheme and up to two slashes for a reference.
    static func matches(_ bytes: [UInt8], shape: Shape) -> Bool {
        switch shape {
        case .absolute:
            guard let prefix = schemeLength(bytes), prefix < bytes.count else { return false }
            return bytes[prefix...].allSatisfy(isURIByte)
        case .reference:
            if bytes.allSatisfy(isURIByte) { return true }
            for start in [0, schemeLength(bytes)].compactMap({ $0 }) {
                var index = start
                var slashes = 0
                while slashes < 2, index < bytes.count, bytes[index] == UInt8(ascii: "/") {
                    index += 1
                    slashes += 1
                }
                guard index < bytes.count, bytes[index] == UInt8(ascii: "[") else { continue }
                var end = index + 1
                while end < bytes.count, bytes[end].isHexDigit || bytes[end] == UInt8(ascii: ":") { end += 1 }
                guard end > index + 1, end < bytes.count, bytes[end] == UInt8(ascii: "]") else { continue }
                if bytes[(end + 1)...].allSatisfy(isURIByte) { return true }
            }
            return false
        }
    }

    /// `scheme://` followed by something other than a slash.
    private static func hasAuthority(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count, bytes[index].isASCIIAlphanumeric || bytes[index] == UInt8(ascii: "_") { index += 1 }
        guard index > 0, index + 3 < bytes.count, bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: "/"),
            bytes[index + 2] == UInt8(ascii: "/")
        else { return false }
        return bytes[index + 3] != UInt8(ascii: "/")
    }

    /// RFC 4151 section 2.1: `tag:` authority `,` date `:` specific [`#` fragment], in lower case.
    static func isTagURI(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 4, Array(bytes[0..<4]) == Array("tag:".utf8) else { return false }
        let isLowerAlnum: (UInt8) -> Bool = { $0.isASCIIDigit || ($0 >= 97 && $0 <= 122) }
        var index = 4
        // [name@]domain, up to the first comma.
        guard let comma = bytes[index...].firstIndex(of: UInt8(ascii: ",")) else { return false }
        var authority = bytes[index..<comma]
        if let at = authority.firstIndex(of: UInt8(ascii: "@")) {
            let name = authority[..<at]
            guard !name.isEmpty, name.allSatisfy({ isLowerAlnum($0) || $0 == 45 || $0 == 46 || $0 == 95 }) else { return false }
            authority = authority[(at + 1)...]
        }
        guard !authority.isEmpty, authority.allSatisfy({ isLowerAlnum($0) || $0 == 45 || $0 == 46 }) else { return false }
        index = comma + 1
        func digits(_ count: Int) -> Bool {
            guard index + count <= bytes.count, bytes[index..<index + count].allSatisfy(\.isASCIIDigit) else { return false }
            index += count
            return true
        }
        guard digits(4) else { return false }
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
            index += 1
            guard digits(2) else { return false }
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") {
                index += 1
                guard digits(2) else { return false }
            }
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
        index += 1
        let isSpecific: (UInt8) -> Bool = { isURIByte($0) && $0 != UInt8(ascii: "#") }
        while index < bytes.count, isSpecific(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "#") {
            index += 1
            while index < bytes.count, isSpecific(bytes[index]) { index += 1 }
        }
        return index == bytes.count
    }

    /// RFC 2141: `urn:` NID (2–32 letters, digits, hyphens, not starting with a hyphen) `:` NSS.
    static func isURN(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 4, String(decoding: bytes[0..<4], as: UTF8.self).lowercased() == "urn:" else { return false }
        var index = 4
        guard index < bytes.count, bytes[index].isASCIIAlphanumeric else { return false }
        let nidStart = index
        index += 1
        while index < bytes.count, bytes[index].isASCIIAlphanumeric || bytes[index] == UInt8(ascii: "-") { index += 1 }
        let nidLength = index - nidStart
        guard (2...32).contains(nidLength), index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
        index += 1
        guard index < bytes.count else { return false }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, bytes[index + 1].isHexDigit, bytes[index + 2].isHexDigit else { return false }
                index += 3
                continue
            }
            guard byte.isASCIIAlphanumeric || "()+,.:=@;$_!*'-".utf8.contains(byte) else { return false }
            index += 1
        }
        return true
    }

    /// RFC 4122 section 3: `urn:uuid:` and 8-4-4-4-12 hexadecimal digits.
    static func isUUIDURN(_ bytes: [UInt8]) -> Bool {
        guard bytes.count == 45 else { return false }
        for (offset, byte) in bytes[9...].enumerated() {
            if [8, 13, 18, 23].contains(offset) {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !byte.isHexDigit {
                return false
            }
        }
        return true
    }
}
