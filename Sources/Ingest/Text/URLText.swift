import Foundation

/// URL checks and joins for configuration and article links.
enum URLText {
    /// True for `http://host...` and `https://host...` with a non-empty host.
    static func isAbsoluteHTTP(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else { return false }
        return true
    }

    /// Resolves a possibly relative reference against an absolute base (RFC 3986 section 5); absolute
    /// references are returned unchanged. Falls back to plain joining if Foundation cannot parse the text.
    static func absolute(_ reference: String, base: String) -> String {
        if let url = URL(string: reference), url.scheme != nil { return reference }
        if let baseURL = URL(string: base), let resolved = URL(string: reference, relativeTo: baseURL) {
            return resolved.absoluteString
        }
        return base + (reference.hasPrefix("/") ? String(reference.dropFirst()) : reference)
    }

    /// The host of an absolute URL, lower-cased; empty when there is none.
    static func host(of text: String) -> String {
        URL(string: text)?.host?.lowercased() ?? ""
    }
}
