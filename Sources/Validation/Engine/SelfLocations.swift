/// The URIs that name the document being read (the W3C service's `selfURIs`): where it was read from, and
/// each `rel="self"` link that named another place, so that one mismatch is reported once and RFC 5005
/// links can be compared with them.
///
/// They are kept with their canonical forms (RFC 3986 section 6.2.2), so comparing a link with all of them
/// is one lookup however many a document piles up.
struct SelfLocations {
    private var uris: Set<String> = []
    private var canonicalForms: Set<String> = []
    /// Whether one of them has no canonical form (a relative path, or the empty location of a local file):
    /// the service then counts any other such reference as the same.
    private var hasUncanonical = false

    init(documentURI: String) {
        insert(documentURI)
    }

    /// Adds a URI that names the document.
    mutating func insert(_ uri: String) {
        uris.insert(uri)
        for form in [uri, Self.withoutFeedBurnerView(uri)] {
            if let canonical = URICanonicalForm.canonical(form) {
                canonicalForms.insert(canonical)
            } else {
                hasUncanonical = true
            }
        }
    }

    /// Whether `uri`, exactly as written, is one of them.
    func contains(_ uri: String) -> Bool {
        uris.contains(uri)
    }

    /// Whether `uri` names the same resource as one of them once both are in canonical form. FeedBurner serves
    /// a feed's browser view at the feed's URL with `?format=xml`, so either names the feed.
    func containsEquivalent(_ uri: String) -> Bool {
        guard let canonical = URICanonicalForm.canonical(Self.withoutFeedBurnerView(uri)) else { return hasUncanonical }
        return canonicalForms.contains(canonical)
    }

    /// A FeedBurner feed URL without its `?format=xml` browser view.
    static func withoutFeedBurnerView(_ uri: String) -> String {
        guard uri.hasPrefix("http://feeds.feedburner.com/"), uri.hasSuffix("?format=xml") else { return uri }
        return String(uri.prefix { $0 != "?" })
    }
}
