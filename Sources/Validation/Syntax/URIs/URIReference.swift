/// Resolving URI references against a base (RFC 3986 section 5.2), the way Python's `urljoin` does it for the
/// W3C service: `xml:base` chains and relative links are resolved this way, so what counts as the same
/// document or a relative reference agrees with the service.
enum URIReference {
    /// Schemes whose references resolve relative to a base.
    private static let relativeSchemes: Set<String> = [
        "", "ftp", "http", "gopher", "nntp", "imap", "wais", "file", "https", "shttp", "mms", "prospero", "rtsp", "rtspu",
        "sftp", "svn", "svn+ssh", "ws", "wss",
    ]
    /// Schemes with an authority (`//host`).
    private static let netlocSchemes: Set<String> = [
        "", "ftp", "http", "gopher", "nntp", "telnet", "imap", "wais", "file", "mms", "https", "shttp", "snews", "prospero",
        "rtsp", "rtspu", "rsync", "svn", "svn+ssh", "sftp", "nfs", "git", "git+ssh", "ws", "wss",
    ]
    /// Schemes whose last path segment may carry `;parameters`.
    private static let parameterSchemes: Set<String> = [
        "", "ftp", "hdl", "prospero", "http", "imap", "https", "shttp", "rtsp", "rtspu", "sip", "sips", "mms", "sftp", "tel",
    ]

    /// The parts of a URI as `urlparse` splits it.
    private struct Parts {
        var scheme = ""
        var netloc = ""
        var path = ""
        var parameters = ""
        var query = ""
        var fragment = ""
    }

    /// `reference` resolved against `base`; the reference itself when the base is empty or has another scheme.
    static func join(base: String, _ reference: String) -> String {
        if base.isEmpty { return reference }
        if reference.isEmpty { return base }
        let baseParts = split(base, defaultScheme: "")
        var parts = split(reference, defaultScheme: baseParts.scheme)
        if parts.scheme != baseParts.scheme || !relativeSchemes.contains(parts.scheme) { return reference }
        if netlocSchemes.contains(parts.scheme) {
            if !parts.netloc.isEmpty { return unsplit(parts) }
            parts.netloc = baseParts.netloc
        }
        if parts.path.isEmpty && parts.parameters.isEmpty {
            parts.path = baseParts.path
            parts.parameters = baseParts.parameters
            if parts.query.isEmpty { parts.query = baseParts.query }
            return unsplit(parts)
        }
        var baseSegments = baseParts.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if baseSegments.last != "" { baseSegments.removeLast() }
        var segments: [String]
        if parts.path.hasPrefix("/") {
            segments = parts.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        } else {
            segments = baseSegments + parts.path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            // Empty segments in the middle would make doubled slashes.
            if segments.count > 2 {
                segments = [segments[0]] + segments[1..<(segments.count - 1)].filter { !$0.isEmpty } + [segments[segments.count - 1]]
            }
        }
        var resolved: [String] = []
        for segment in segments {
            if segment == ".." {
                if !resolved.isEmpty { resolved.removeLast() }
            } else if segment != "." {
                resolved.append(segment)
            }
        }
        if let last = segments.last, last == "." || last == ".." { resolved.append("") }
        let path = resolved.joined(separator: "/")
        parts.path = path.isEmpty ? "/" : path
        return unsplit(parts)
    }

    /// `urlparse`: leading controls and spaces dropped, tabs and line breaks removed, then scheme, authority,
    /// fragment, query and parameters split off.
    private static func split(_ text: String, defaultScheme: String) -> Parts {
        var scalars = Substring(text).unicodeScalars.drop { $0.value <= 0x20 }
        if scalars.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            scalars = Substring(String(String.UnicodeScalarView(scalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))).unicodeScalars
        }
        var rest = Substring(scalars)
        var parts = Parts(scheme: defaultScheme)
        if let colon = rest.firstIndex(of: ":"), colon > rest.startIndex, let first = rest.unicodeScalars.first,
            first.isASCII, first.properties.isAlphabetic,
            rest[..<colon].unicodeScalars.allSatisfy({
                $0.isASCII
                    && (($0.properties.isAlphabetic) || ("0"..."9").contains($0)
                        || $0 == "+" || $0 == "-" || $0 == ".")
            })
        {
            parts.scheme = rest[..<colon].lowercased()
            rest = rest[rest.index(after: colon)...]
        }
        if rest.hasPrefix("//") {
            let afterSlashes = rest.index(rest.startIndex, offsetBy: 2)
            let end = rest[afterSlashes...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
            parts.netloc = String(rest[afterSlashes..<end])
            rest = rest[end...]
        }
        if let hash = rest.firstIndex(of: "#") {
            parts.fragment = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") {
            parts.query = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        parts.path = String(rest)
        if parameterSchemes.contains(parts.scheme), parts.path.contains(";") {
            let lastSlash = parts.path.lastIndex(of: "/")
            let searchStart = lastSlash ?? parts.path.startIndex
            if let semicolon = parts.path[searchStart...].firstIndex(of: ";") {
                parts.parameters = String(parts.path[parts.path.index(after: semicolon)...])
                parts.path = String(parts.path[..<semicolon])
            }
        }
        return parts
    }

    /// `urlunparse`.
    private static func unsplit(_ parts: Parts) -> String {
        var url = parts.path
        if !parts.parameters.isEmpty { url += ";" + parts.parameters }
        if !parts.netloc.isEmpty || (!parts.scheme.isEmpty && netlocSchemes.contains(parts.scheme) && !url.hasPrefix("//")) {
            if !url.isEmpty && !url.hasPrefix("/") { url = "/" + url }
            url = "//" + parts.netloc + url
        }
        if !parts.scheme.isEmpty { url = parts.scheme + ":" + url }
        if !parts.query.isEmpty { url += "?" + parts.query }
        if !parts.fragment.isEmpty { url += "#" + parts.fragment }
        return url
    }
}

/// IRIs (RFC 3987), checked as the W3C service checks an IRI: converted to ASCII (IDNA), then as a URI reference.
enum IRIReference {
    /// Whether the text is an IRI reference the service accepts.
    static func isValid(_ text: String) -> Bool {
        problem(text) == nil
    }

    /// The finding the service gives for the text as an IRI (`InvalidIRI`, `InvalidUriChar`, `InvalidTAG`,
    /// `SchemeNotIANARegistered`...), nil when it accepts it.
    static func problem(_ text: String, what: String = "IRI") -> Rule? {
        let ascii = text.isEmpty ? text : (IDNA.toASCII(text) ?? text)
        return URICheck.problem(ascii, shape: .reference, rule: .invalidIRI, what: what)?.0
    }
}
