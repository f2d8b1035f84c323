/// The Atom Publishing Protocol's documents (RFC 5023, `http://www.w3.org/2007/app`): a service document
/// (section 8) lists workspaces of collections a client may post to, and a category document (section 7)
/// the categories a collection takes. A feed may carry an `app:collection` to say where to post entries.
/// Elements allowed anywhere (Dublin Core...) are allowed in them too.
enum AtomPublishing {
    /// Whether an Atom title is among `children`, prefixed (`atom:title`) or in the default namespace.
    static func hasTitle(_ children: [String]) -> Bool {
        children.contains("atom:title") || children.contains("title")
    }

    /// The handlers for an Atom title, or for an element allowed anywhere.
    static func titleOrExtension(_ name: String, in handler: ElementHandler) -> [ElementHandler]? {
        if name == "atom:title" { return [AtomTextConstruct(), NoDuplicates()] }
        return ExtensionElements.handlers(for: name, scope: .everywhere, parent: handler)
    }
}

/// `app:service` (section 8.3.1): one or more workspaces.
final class AppService: ElementHandler {
    override var expectedAttributes: [AttributeName]? { [] }

    override func child(_ name: String) -> [ElementHandler]? {
        if name == "app:workspace" { return [AppWorkspace()] }
        return ExtensionElements.handlers(for: name, scope: .everywhere, parent: self)
    }

    override func validate() {
        if !children.contains("app:workspace") {
            log(.missingElement, "\(name) has no app:workspace (RFC 5023 section 8.3.1)")
        }
    }
}

/// `app:workspace` (section 8.3.2): a titled group of collections.
final class AppWorkspace: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? {
        if name == "app:collection" { return [AppCollection()] }
        return AtomPublishing.titleOrExtension(name, in: self)
    }

    override func validate() {
        if !AtomPublishing.hasTitle(children) {
            log(.missingElement, "\(name) has no atom:title (RFC 5023 section 8.3.2.1)")
        }
    }
}

/// `app:collection` (section 8.3.3): where to post, its title, the media types it accepts and its categories.
final class AppCollection: ElementHandler {
    override var expectedAttributes: [AttributeName]? { [AttributeName("href")] }

    override func prevalidate() {
        validateRequiredAttribute("href", with: IRIValue())
    }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        // In a feed, Atom is the default namespace and the title comes unprefixed.
        case "title" where walker.defaultNamespaces.contains(Vocabulary.atom): [AtomTextConstruct(), NoDuplicates()]
        case "app:categories": [AppCategories()]
        // Section 8.3.4: media ranges, comma separated.
        case "app:accept": [MediaRange()]
        default: AtomPublishing.titleOrExtension(name, in: self)
        }
    }

    override func validate() {
        if !AtomPublishing.hasTitle(children) {
            log(.missingElement, "\(name) has no atom:title (RFC 5023 section 8.3.3)")
        }
    }
}

/// `app:categories` (section 7.2.1): categories listed inline, or by reference to a category document
/// (`href`), not both; `fixed` and `scheme` only apply to inline ones.
final class AppCategories: ElementHandler {
    override var expectedAttributes: [AttributeName]? { ["scheme", "fixed", "href"].map { AttributeName($0) } }

    override func prevalidate() {
        validateOptionalAttribute("fixed", with: YesNo())
        if attributes.contains("href") {
            for local in ["fixed", "scheme"] where attributes.contains(local) {
                log(.conflictingCatAttr, "\(name) refers to a category document (href) and cannot also have \(local)")
            }
        }
    }

    override func child(_ name: String) -> [ElementHandler]? {
        name == "atom:category" ? [AtomCategory()] : nil
    }

    override func validate() {
        if attributes.contains("href"), !children.isEmpty {
            log(.conflictingCatChildren, "\(name) refers to a category document (href) and cannot also list categories")
        }
    }
}
