/// `<rss>`: the document element of RSS 0.91, 0.92 and 2.0 (RSS 2.0 specification, "Required channel
/// elements": "At the top level, a RSS document is a <rss> element, with a mandatory attribute called version").
///
/// The versions of the 0.9x family share one vocabulary here; what differs by version is decided from
/// `version`: 0.91 descriptions are plain text, and RSS 2.x items should carry a `guid` and channels a
/// self link.
final class RSSRoot: ElementHandler {
    /// The `version` attribute; "2.0" when the attribute is missing, the version such a feed is read as.
    private(set) var version = "2.0"

    override var expectedAttributes: [AttributeName]? { [AttributeName("version")] }

    override func prevalidate() {
        feedKind = .rss2
        guard let given = attributes["version"] else {
            log(.missingAttribute, "rss must have a version attribute (version=\"2.0\")")
            return
        }
        version = given
        if walker.hasValidDoctype {
            // The RSS 0.91 DTD describes version 0.91 only.
            if given != "0.91" {
                log(.invalidDoctype, "the RSS 0.91 document type is declared, but rss says version \"\(given)\"")
            }
        } else if !["0.91", "0.92", "2.0"].contains(given) {
            // RSS Advisory Board, "RSS Version History": the published versions are 0.91, 0.92 and 2.0
            // (2.0.1 and later revisions keep "2.0" as the attribute's value).
            log(.invalidRSSVersion, "rss version \"\(given)\" is not one readers know; use \"2.0\"")
        }
    }

    /// The enclosing `<rss>` of a handler, nil outside an RSS document.
    static func enclosing(_ handler: ElementHandler) -> RSSRoot? {
        var current = handler.parent
        while let candidate = current {
            if let root = candidate as? RSSRoot { return root }
            current = candidate.parent
        }
        return nil
    }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "channel":
            return [RSSChannel(), NoDuplicates()]
        case "access:restriction":
            // Bloglines' feed access control sits beside the channel (Bloglines "Feed Access Control 1.0").
            return ExtensionElements.handlers(for: name, in: .atomFeed, parent: self).map { $0 + [NoDuplicates()] }
        default:
            return nil
        }
    }

    override func validate() {
        if !children.contains("channel") {
            log(.missingElement, "rss must contain a channel element")
        }
    }
}
