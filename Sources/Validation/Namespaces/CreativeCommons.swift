/// Licences: the RSS 2.0 Creative Commons module (`creativeCommons:license`, a licence URL as text) and
/// RSS 1.0's Creative Commons RDF (`cc:license rdf:resource="…"`). Giving both says the same thing twice.
enum CreativeCommons {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement, rdf: Bool) -> [ElementHandler]? {
        let scope = element.scope
        guard element.local == "license" else { return nil }
        let rule: Rule = scope.contains(.rssItem) ? .duplicateItemSemantics : .duplicateSemantics
        if rdf {
            // cc:license: the RSS channel and item classes and images take it, not Atom.
            guard !scope.isDisjoint(with: [.rssChannel, .rssItem, .image]) else { return nil }
            if !scope.contains(.image), element.parentHas("creativeCommons:license") {
                element.log(rule, "cc:license repeats creativeCommons:license in \(element.parent?.name ?? "")")
            }
            return [Eater()]
        }
        guard !scope.isDisjoint(with: [.rssChannel, .rssItem, .entry, .feed]) else { return nil }
        if !scope.isDisjoint(with: [.rssChannel, .rssItem]), element.parentHas("cc:license") {
            element.log(rule, "creativeCommons:license repeats cc:license in \(element.parent?.name ?? "")")
        }
        return [FullURI()]
    }
}
