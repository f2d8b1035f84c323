/// Elements often put where they do not belong, which readers understand anyway: such a child draws
/// `QuestionableUsage` and is checked as if it were in its usual place. These are the elements allowed
/// anywhere (Dublin Core, geo positions...), Atom's own elements outside an Atom entry or feed (in an
/// Atom Publishing Protocol document, say), and the Atom Publishing Protocol's service elements (RFC 5023
/// section 8) in a feed or entry.
enum Questionable {
    /// The handlers for a misplaced element with this key, nil when it is not one of these.
    static func handlers(for key: String) -> [ElementHandler]? {
        if key.hasPrefix("atom:") { return atomElement(key.dropFirst(5)) }
        if key.hasPrefix("app:") { return appElement(key.dropFirst(4)) }
        // Looked up without a parent: the service asks a fresh object, which has no siblings to compare with.
        return ExtensionElements.handlers(for: key, scope: .everywhere, parent: nil)
    }

    /// RFC 4287's elements, checked with the value rules of their section (4.2.5 icon, 4.2.6 id, 4.2.9
    /// published, 4.2.15 updated...). Person, text and link constructs are the Atom family's handlers; until
    /// they take part here they are accepted unchecked.
    private static func atomElement(_ local: Substring) -> [ElementHandler]? {
        switch local {
        case "icon", "logo": [URIValue(), NoDuplicates()]
        case "id": [CanonicalURI(), NoDuplicates()]
        case "published", "updated": [RFC3339Date(), NoDuplicates()]
        case "rights", "subtitle", "summary", "title": [Eater(), NoDuplicates()]
        case "author", "category", "content", "contributor", "generator", "link": [Eater()]
        default: nil
        }
    }

    /// The service document's containers (RFC 5023 sections 8.3.2–8.3.6), accepted unchecked.
    private static func appElement(_ local: Substring) -> [ElementHandler]? {
        switch local {
        case "workspace", "collection", "categories": [Eater()]
        default: nil
        }
    }
}
