/// RSS 1.0's Link module (`http://purl.org/rss/1.0/modules/link/`): typed links from a channel or item
/// (`l:link`, with `l:rel`, `l:type`, `l:lang`, `l:title` attributes) and an item's permanent link.
enum LinkModule {
    /// The module's namespace, which its attributes are in too.
    static let namespace = "http://purl.org/rss/1.0/modules/link/"

    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        switch element.local {
        case "link": return element.scope.contains(.channelOrItem) ? [TypedLink()] : nil
        case "permalink": return element.scope.contains(.rss10Item) ? [Permalink()] : nil
        default: return nil
        }
    }

    /// An attribute of the module (`l:rel`).
    static func attribute(_ local: String) -> AttributeName { AttributeName(namespace, local) }
}

/// `<l:link l:rel="…" rdf:resource="…"/>`: the relation is a URI; the type a MIME type, or a URI when it has
/// a colon.
final class TypedLink: RDFResourceURI {
    override var expectedAttributes: [AttributeName]? {
        (super.expectedAttributes ?? []) + ["lang", "rel", "type", "title"].map(LinkModule.attribute)
    }

    override func prevalidate() {
        super.prevalidate()
        validateOptionalAttribute(LinkModule.attribute("lang"), with: LanguageCodeValue())
        validateRequiredAttribute(LinkModule.attribute("rel"), with: FullURI())
        validateOptionalAttribute(LinkModule.attribute("title"), with: NonHTML())
        if let type = attributes[LinkModule.attribute("type")] {
            validateAttribute(LinkModule.attribute("type"), with: type.contains(":") ? FullURI() : MIMEType())
        }
    }
}

/// `<l:permalink rdf:resource="…" l:type="…"/>`: an RSS 1.0 item's permanent link and its MIME type.
final class Permalink: RDFResourceURI {
    override var expectedAttributes: [AttributeName]? { (super.expectedAttributes ?? []) + [LinkModule.attribute("type")] }

    override func validate() {
        validateOptionalAttribute(LinkModule.attribute("type"), with: MIMEType())
        super.validate()
    }
}
