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

    /// RFC 4287's elements, with the handlers they have in a feed or entry.
    private static func atomElement(_ local: Substring) -> [ElementHandler]? {
        switch local {
        case "author", "contributor": [AtomPerson()]
        case "category": [AtomCategory()]
        case "content": [AtomContent()]
        case "generator": [AtomGenerator()]
        case "link": [AtomLink()]
        // Sections 4.2.5 and 4.2.8: IRI references; 4.2.6: an IRI compared as a string.
        case "icon", "logo": [URIValue(), NoDuplicates()]
        case "id": [CanonicalURI(), NoDuplicates()]
        // Sections 4.2.9 and 4.2.15: RFC 3339 date-times.
        case "published", "updated": [RFC3339Date(), NoDuplicates()]
        case "rights", "subtitle", "summary", "title": [AtomTextConstruct(), NoDuplicates()]
        default: nil
        }
    }

    /// The service document's containers (RFC 5023 sections 8.3.2, 8.3.3, 7.2.1).
    private static func appElement(_ local: Substring) -> [ElementHandler]? {
        switch local {
        case "workspace": [AppWorkspace()]
        case "collection": [AppCollection()]
        case "categories": [AppCategories()]
        default: nil
        }
    }
}
