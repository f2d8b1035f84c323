/// The XML vocabularies the validator knows, each with the prefix it is conventionally written with.
///
/// Elements of a known namespace are named by that prefix whatever the document calls it (`dc:creator`
/// for an element of `http://purl.org/dc/elements/1.1/` written `<x:creator>`), so rules match names,
/// not prefixes. The table is the W3C Feed Validation Service's: a namespace it knows is one whose elements
/// it checks, and one it does not know draws `UnknownNamespace`.
enum Vocabulary {
    /// Namespace URI and conventional prefix, in the order the service lists them (the first URI given a
    /// prefix is that prefix's preferred URI).
    static let namespaces: [(uri: String, prefix: String)] = [
        ("http://www.bloglines.com/about/specs/fac-1.0", "access"),
        ("http://webns.net/mvcb/", "admin"),
        ("http://purl.org/rss/1.0/modules/aggregation/", "ag"),
        ("http://purl.org/rss/1.0/modules/annotate/", "annotate"),
        ("http://www.w3.org/2007/app", "app"),
        ("http://media.tangent.org/rss/1.0/", "audio"),
        ("http://backend.userland.com/blogChannelModule", "blogChannel"),
        ("http://web.resource.org/cc/", "cc"),
        ("http://www.microsoft.com/schemas/rss/core/2005", "cf"),
        ("http://backend.userland.com/creativeCommonsRssModule", "creativeCommons"),
        ("http://purl.org/rss/1.0/modules/company", "company"),
        ("http://purl.org/rss/1.0/modules/content/", "content"),
        ("http://conversationsnetwork.org/rssNamespace-1.0/", "conversationsNetwork"),
        ("http://my.theinfo.org/changed/1.0/rss/", "cp"),
        ("http://purl.org/dc/elements/1.1/", "dc"),
        ("http://purl.org/dc/terms/", "dcterms"),
        ("http://purl.org/rss/1.0/modules/email/", "email"),
        ("http://purl.org/rss/1.0/modules/event/", "ev"),
        ("http://purl.org/syndication/history/1.0", "fh"),
        ("http://www.w3.org/2003/01/geo/wgs84_pos#", "geo"),
        ("http://geourl.org/rss/module/", "geourl"),
        ("http://www.georss.org/georss", "georss"),
        ("http://www.opengis.net/gml", "gml"),
        ("http://postneo.com/icbm", "icbm"),
        ("http://purl.org/rss/1.0/modules/image/", "image"),
        ("urn:atom-extension:indexing", "indexing"),
        ("http://www.itunes.com/dtds/podcast-1.0.dtd", "itunes"),
        ("http://rssnamespace.org/feedburner/ext/1.0", "feedburner"),
        ("http://xmlns.com/foaf/0.1/", "foaf"),
        ("http://purl.org/rss/1.0/modules/link/", "l"),
        ("http://search.yahoo.com/mrss/", "media"),
        ("http://www.w3.org/1998/Math/MathML", "mathml"),
        ("http://a9.com/-/spec/opensearchrss/1.0/", "opensearch10"),
        ("http://a9.com/-/spec/opensearch/1.1/", "opensearch"),
        ("http://www.opml.org/spec2", "opml"),
        ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdf"),
        ("http://www.w3.org/2000/01/rdf-schema#", "rdfs"),
        ("http://purl.org/rss/1.0/modules/reference/", "ref"),
        ("http://purl.org/rss/1.0/modules/richequiv/", "reqv"),
        ("http://purl.org/rss/1.0/modules/rss091#", "rss091"),
        ("http://purl.org/rss/1.0/modules/search/", "search"),
        ("http://purl.org/rss/1.0/modules/slash/", "slash"),
        ("http://purl.org/rss/1.0/modules/servicestatus/", "ss"),
        ("http://hacks.benhammersley.com/rss/streaming/", "str"),
        ("http://purl.org/rss/1.0/modules/subscription/", "sub"),
        ("http://feedsync.org/2007/feedsync", "sx"),
        ("http://www.w3.org/2000/svg", "svg"),
        ("http://purl.org/rss/1.0/modules/syndication/", "sy"),
        ("http://purl.org/rss/1.0/modules/taxonomy/", "taxo"),
        ("http://purl.org/rss/1.0/modules/threading/", "thr"),
        ("http://purl.org/syndication/thread/1.0", "thr"),
        ("http://madskills.com/public/xml/rss/module/trackback/", "trackback"),
        ("http://wellformedweb.org/CommentAPI/", "wfw"),
        ("http://purl.org/rss/1.0/modules/wiki/", "wiki"),
        ("http://www.usemod.com/cgi-bin/mb.pl?ModWiki", "wiki"),
        ("http://schemas.xmlsoap.org/soap/envelope/", "soap"),
        ("http://www.w3.org/2005/Atom", "atom"),
        ("http://www.w3.org/1999/xhtml", "xhtml"),
        ("http://my.netscape.com/rdf/simple/0.9/", "rss090"),
        ("http://purl.org/rss/1.0/", "rss1"),
        ("http://purl.org/net/rss1.1#", "rss11"),
        ("http://base.google.com/ns/1.0", "g"),
        ("http://www.w3.org/XML/1998/namespace", "xml"),
        ("http://openid.net/xmlns/1.0", "openid"),
        ("http://earth.google.com/kml/2.0", "kml20"),
        ("http://earth.google.com/kml/2.1", "kml21"),
        ("http://www.opengis.net/kml/2.2", "kml22"),
        ("http://www.w3.org/1999/xlink", "xlink"),
        ("xri://$xrd*($v*2.0)", "xrd"),
        ("xri://$xrds", "xrds"),
    ]

    /// Namespaces real feeds use that the service recognises but does not check: named in
    /// `UnsupportedNamespace` instead of `UnknownNamespace`.
    static let unsupported: [String: (name: String, specification: String)] = [
        "http://schemas.google.com/g/2005": ("Google Data", "https://developers.google.com/gdata/docs/1.0/elements"),
        "http://www.rawvoice.com/rawvoiceRssModule/": (
            "RawVoice", "http://www.rawvoice.com/services/tools-and-resources/rawvoice-rss-2-0-module-xmlns-namespace-rss2/"
        ),
        "https://schema.org/": ("Schema.org", "https://schema.org/"),
        "http://schema.org/": ("Schema.org", "https://schema.org/"),
        "https://podcastindex.org/namespace/1.0": ("Podcasting 2.0", "https://podcastindex.org/"),
        "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md": (
            "Podcasting 2.0", "https://github.com/Podcastindex-org/podcast-namespace/"
        ),
    ]

    /// Conventional prefix by exact namespace URI.
    static let prefixByURI: [String: String] = Dictionary(namespaces.map { ($0.uri, $0.prefix) }, uniquingKeysWith: { first, _ in first })

    /// Preferred namespace URI by conventional prefix.
    static let preferredURIByPrefix: [String: String] = Dictionary(namespaces.map { ($0.prefix, $0.uri) }, uniquingKeysWith: { first, _ in first })

    /// Conventional prefix by near-miss key (see `nearMissKey(_:)`).
    static let prefixByNearMiss: [String: String] = Dictionary(
        namespaces.map { (nearMissKey($0.uri), $0.prefix) },
        uniquingKeysWith: { _, last in last })

    /// A namespace URI without what follows its last letter or digit, lowercased: feeds write
    /// `http://purl.org/dc/elements/1.1` without the final slash, or change its case, and readers still
    /// understand Dublin Core, so the validator does too.
    static func nearMissKey(_ uri: String) -> String {
        var scalars = Substring(uri).unicodeScalars
        while let last = scalars.last, !(last.properties.isAlphabetic || last.properties.numericType != nil || last == "_") {
            scalars.removeLast()
        }
        return String(String.UnicodeScalarView(scalars)).lowercased()
    }

    /// The conventional prefix of a namespace, by exact URI or near miss; nil for a namespace not known.
    static func knownPrefix(of uri: String) -> String? {
        prefixByURI[uri] ?? prefixByNearMiss[nearMissKey(uri)]
    }

    static let atom = "http://www.w3.org/2005/Atom"
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let rss1 = "http://purl.org/rss/1.0/"
    static let rss090 = "http://my.netscape.com/rdf/simple/0.9/"
    static let rss11 = "http://purl.org/net/rss1.1#"
    static let xhtml = "http://www.w3.org/1999/xhtml"
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let obsoleteAtom = "http://purl.org/atom/ns#"
    static let history = "http://purl.org/syndication/history/1.0"
}
