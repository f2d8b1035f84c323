/// What every RSS item shares, in RSS 0.90, 0.9x, 1.0 and 2.0: a title, a link and a description, each at
/// most once (RSS 2.0 "Elements of <item>"; RSS 1.0 section 5.5).
///
/// `RSSItem` (RSS 0.91–2.0) and `RSS10Item` (RSS 0.90, 1.0, 1.1) add their own elements and requirements.
class RSSItemBase: ElementHandler {
    /// Where extension children of this item are looked up.
    var extensionContext: ExtensionContext { .rss10Item }

    override func setItunes(_ value: Bool) {
        ITunes.setItunes(value, onItem: self)
    }

    /// The RSS version of the enclosing `<rss>`; nil in an RDF document.
    var rssVersion: String? {
        feedKind == .rss2 ? RSSRoot.enclosing(self)?.version : nil
    }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "link":
            return [FullURI(), NoDuplicates()]
        case "title":
            return [NonHTML(), NonBlank(), NoDuplicates()]
        case "description":
            // RSS 0.91 (Netscape and UserLand alike) defines the description as plain text; from 0.92 on it
            // may hold escaped HTML.
            return rssVersion == "0.91" ? [NonHTML(), NoDuplicates()] : [SafeHTML(), NoDuplicates()]
        default:
            if name.hasPrefix("atom:") {
                return AtomInRSS.itemHandlers(for: name, item: self)
            }
            return ExtensionElements.handlers(for: name, in: extensionContext, parent: self)
        }
    }

    /// Logs `DuplicateItemSemantics` when the child `earlier`, which says what `element` says, came before
    /// it: readers given both pick one (RSS Best Practices Profile, "Dublin Core").
    func warnIfSeen(_ earlier: String, before element: String) {
        if children.contains(earlier) {
            log(.duplicateItemSemantics, "item has both \(earlier) and \(element), which say the same thing; keep one")
        }
    }
}
