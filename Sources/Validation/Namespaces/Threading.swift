/// Atom Threading Extensions (RFC 4685, `http://purl.org/syndication/thread/1.0`): the entry an entry answers
/// (`thr:in-reply-to`, section 3) and how many answers it has (`thr:total`, section 5). The `thr:count`
/// and `thr:updated` attributes of `atom:link` belong to the link's own checks. RSS 1.0's older Threading
/// module shares the prefix: its `thr:children` is RDF.
enum Threading {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        switch element.local {
        case "in_reply_to" where !element.scope.isDisjoint(with: [.item, .channel]):
            return [InReplyTo()]
        case "total" where element.scope.contains(.item):
            return [NonNegativeInteger(), NoDuplicates()]
        case "children" where element.scope.contains(.item):
            if let parent = element.parent, parent.feedKind != .rss1 {
                parent.log(.undefinedElement, "Undefined \(parent.name) element: thr:children (an RSS 1.0 Threading element)")
            }
            return [Eater()]
        default:
            return nil
        }
    }
}

/// `thr:in-reply-to` (RFC 4685 section 3): the id of the resource answered (`ref`, an IRI compared as a
/// string, so canonical), where to read it (`href`), the feed it is in (`source`) and its media `type`.
final class InReplyTo: TextValue {
    override var expectedAttributes: [AttributeName]? { ["href", "ref", "source", "type"].map { AttributeName($0) } }

    override func validate() {
        validateOptionalAttribute("href", with: XMLBaseURI())
        validateOptionalAttribute("ref", with: CanonicalURI())
        validateOptionalAttribute("source", with: XMLBaseURI())
        validateOptionalAttribute("type", with: MIMEType())
    }
}
