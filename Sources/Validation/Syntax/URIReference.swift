import Foundation

/// Resolving and checking URI references (RFC 3986) and IRIs (RFC 3987).
/// (Placeholder: the syntax family fills this in.)
enum URIReference {
    /// `reference` resolved against `base` (RFC 3986 section 5.2); the reference itself when either is not
    /// usable.
    static func join(base: String, _ reference: String) -> String {
        guard !base.isEmpty, let baseURL = URL(string: base), let resolved = URL(string: reference, relativeTo: baseURL) else {
            return reference
        }
        return resolved.absoluteString
    }
}

/// IRIs (RFC 3987). (Placeholder.)
enum IRIReference {
    /// Whether the text is a syntactically valid IRI reference.
    static func isValid(_ text: String) -> Bool { !text.contains(" ") }
}
