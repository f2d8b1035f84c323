/// XHTML elements that feeds put outside content: `xhtml:body` as an RSS item's body, and `xhtml:div` and
/// `xhtml:meta` (the robots exclusion of HTML 4.01 appendix B.4.1.2) at channel level.
enum XHTMLInFeeds {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        switch element.local {
        case "body" where element.scope.contains(.rssItem):
            // An RSS 2.0 item's body already is its description: the two say the same thing.
            if let parent = element.parent, parent.feedKind == .rss2 {
                parent.log(.duplicateDescriptionSemantics, "xhtml:body in \(parent.name) repeats what description says")
            }
            return [HTMLEater()]
        case "div" where element.scope.contains(.channel):
            return [Eater()]
        case "meta" where element.scope.contains(.channel):
            return [RobotsMeta()]
        default:
            return nil
        }
    }
}

/// `<xhtml:meta name="robots" content="noindex"/>`: asks search engines and aggregators not to index the
/// feed, with HTML's robots values (HTML 4.01 appendix B.4.1.2, robotstxt.org's META tag note).
final class RobotsMeta: ElementHandler {
    /// The robots directives, alone or as index and follow pairs.
    static let contents = [
        "all", "none", "index", "index,follow", "index,nofollow", "noindex", "noindex,follow",
        "noindex,nofollow", "follow", "follow,index", "follow,noindex", "nofollow", "nofollow,index",
        "nofollow,noindex",
    ]

    override var expectedAttributes: [AttributeName]? { [AttributeName("name"), AttributeName("content")] }

    override func prevalidate() {
        validateRequiredAttribute("name", with: CaseInsensitiveEnumeration(["robots"], rule: .invalidMetaName))
        validateRequiredAttribute("content", with: CaseInsensitiveEnumeration(Self.contents, rule: .invalidMetaContent))
    }
}
