/// What kind of document the root element announced. Rules differ by kind: RSS 2.0 allows elements in no
/// namespace inside an extension, RSS 1.0 treats unknown elements as RDF, Atom wants its own namespace.
enum FeedKind: Sendable, Hashable {
    /// Not (yet) known: before the root element, or a root the validator does not read.
    case unknown
    /// RSS 1.0, RSS 1.1 and RSS 0.90: RDF documents.
    case rss1
    /// RSS 0.91–0.94 and 2.0.
    case rss2
    /// An Atom 1.0 feed document.
    case atom
    /// An Atom 1.0 entry document.
    case atomEntry
    /// An Atom Publishing Protocol service or categories document, or another format the W3C service
    /// knows but Crier does not check (OPML, KML, OpenSearch, XRD).
    case unsupported(String)

    /// Atom feed or entry document.
    var isAtom: Bool { self == .atom || self == .atomEntry }
}
