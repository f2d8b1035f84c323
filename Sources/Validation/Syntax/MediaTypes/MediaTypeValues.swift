/// A MIME type with optional parameters (service: `MimeType`; RFC 2045 section 5.1): `InvalidMIMEType`.
class MIMEType: TextValue {
    override func validate() {
        if !MIMEType.isValid(value) {
            log(.invalidMIMEType, "\(name) must be a MIME type such as text/html, not \"\(value.prefix(60))\"")
        }
    }

    /// `type/subtype` followed by `; name=value` parameters (values may be quoted).
    static func isValid(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func token() -> Bool {
            let start = index
            while index < scalars.count, isTokenScalar(scalars[index]) { index += 1 }
            return index > start
        }
        func spaces() {
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        }
        guard token(), index < scalars.count, scalars[index] == "/" else { return false }
        index += 1
        guard token() else { return false }
        while index < scalars.count {
            spaces()
            guard index < scalars.count, scalars[index] == ";" else { return false }
            index += 1
            spaces()
            guard token(), index < scalars.count, scalars[index] == "=" else { return false }
            index += 1
            if index < scalars.count, scalars[index] == "\"" {
                // A quoted value ends at the last quote the rest of the text allows (the service's pattern
                // backtracks): take the shortest that lets the remainder match.
                var end = index + 1
                var matched = false
                while end < scalars.count {
                    if scalars[end] == "\"" {
                        let rest = String(String.UnicodeScalarView(scalars[(end + 1)...]))
                        if rest.isEmpty || isParameterTail(rest) {
                            matched = true
                            break
                        }
                    }
                    end += 1
                }
                guard matched else { return false }
                index = end + 1
            } else {
                guard token() else { return false }
            }
        }
        return true
    }

    private static func isParameterTail(_ text: String) -> Bool {
        isValid("a/a" + text)
    }

    /// Anything but white space, controls of that kind, and the separators `()<>,;:\"/[]?=`.
    private static func isTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.properties.isWhitespace { return false }
        switch scalar {
        case "(", ")", "<", ">", ",", ";", ":", "\\", "\"", "/", "[", "]", "?", "=": return false
        default: return true
        }
    }
}

/// A comma-separated list of MIME types (service: `MediaRange`, as in the Atom Publishing Protocol's
/// `accept`): each must be valid, and a `q` parameter is `UndefinedParam`.
class MediaRange: MIMEType {
    override func validate() {
        guard !value.trimmedWhitespace.isEmpty else { return }
        for part in value.split(separator: ",", omittingEmptySubsequences: false) {
            if part.contains(";q=") {
                log(.undefinedParam, "\(name) uses a q parameter, which is not defined here")
            }
            if !MIMEType.isValid(String(part).trimmedWhitespace) {
                log(.invalidMIMEType, "\(name) must list MIME types such as image/png, not \"\(part.prefix(60))\"")
            }
        }
    }
}

/// A character set name (service: `Charset`): `InvalidEncoding` when no codec of that name is known.
class CharsetValue: TextValue {
    override func validate() {
        if CharacterEncodings.codec(named: value) == nil {
            log(.invalidEncoding, "\(name) \"\(value.prefix(40))\" is not a known character encoding")
        }
    }
}
