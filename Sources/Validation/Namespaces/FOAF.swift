/// FOAF (`http://xmlns.com/foaf/0.1/`) links from an item or channel to a person: RDF, not checked further.
enum FOAF {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        switch element.local {
        case "maker": return element.scope.isDisjoint(with: [.item, .channel]) ? nil : [Eater()]
        case "primaryTopic": return element.scope.contains(.item) ? [Eater()] : nil
        default: return nil
        }
    }
}
