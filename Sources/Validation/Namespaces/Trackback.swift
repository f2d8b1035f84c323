/// The TrackBack module (`http://madskills.com/public/xml/rss/module/trackback/`): the URL that takes pings
/// for an item (`trackback:ping`) and the URLs it pinged (`trackback:about`); RDF resources in RSS 1.0.
enum Trackback {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        let scope = element.scope
        let rdf = scope.contains(.rss10Item)
        guard rdf || !scope.isDisjoint(with: [.rss20Item, .entry]) else { return nil }
        switch element.local {
        case "ping": return [rdf ? RDFResourceURI() : FullURI(), NoDuplicates()]
        case "about": return [rdf ? RDFResourceURI() : FullURI()]
        default: return nil
        }
    }
}
