/// The Bloglines access module (`http://www.bloglines.com/about/specs/fac-1.0`): `access:restriction
/// relationship="deny"` asks aggregators not to make the feed public. It belongs on `rss` or an Atom feed.
enum Access {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.feed), element.local == "restriction" else { return nil }
        return [AccessRestriction()]
    }
}

/// `<access:restriction relationship="allow|deny"/>`.
final class AccessRestriction: TextValue {
    override var expectedAttributes: [AttributeName]? { [AttributeName("relationship")] }

    override func prevalidate() {
        if let relationship = attributes["relationship"] {
            value = relationship
        } else {
            log(.missingAttribute, "\(name) must have a relationship attribute")
        }
    }

    override func validate() {
        if value != "allow", value != "deny" {
            log(.invalidAccessRestrictionRel, "relationship of \(name) must be allow or deny, not \"\(value.prefix(80))\"")
        }
    }
}
