/// `<entry>` of Atom 1.0 (RFC 4287 section 4.1.2), in a feed or as an entry document (section 2).
///
/// Its requirements are checked when it ends: title, id, updated, an author unless the feed has one, and
/// content or an alternate link to read; ids and updated times should differ from the other entries'.
final class AtomEntry: ElementHandler {
    private var links: [AtomLink] = []
    private var content: AtomContent?

    /// RDF serialisations of Atom mark elements with rdf:parseType.
    private static let attributeNames = [AttributeName.rdf("parseType")]

    override var expectedAttributes: [AttributeName]? { Self.attributeNames }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "author", "contributor":
            return [AtomPerson()]
        case "category":
            return [AtomCategory()]
        case "content":
            let content = AtomContent()
            self.content = content
            return [content, NoDuplicates()]
        case "id":
            // Section 4.2.6; readers tell entries apart by id, so two entries with one id are one to them.
            return [CanonicalURI(), NoWhitespace(), NoDuplicates(), Unique("id", in: parent ?? self, rule: .duplicateEntries)]
        case "link":
            let link = AtomLink()
            links.append(link)
            return [link]
        case "published", "app:edited":
            // Section 4.2.9; RFC 5023 section 10.2.
            return [RFC3339Date(), NoWhitespace(), NoDuplicates()]
        case "updated":
            // Section 4.2.15; entries updated at the same instant usually mean a generator that stamps them all.
            return [RFC3339Date(), NoWhitespace(), NoDuplicates(), Unique("updated", in: parent ?? self, rule: .duplicateUpdated)]
        case "source":
            return [AtomSource(), NoDuplicates()]
        case "title", "summary", "rights":
            return [AtomTextConstruct(), NoDuplicates()]
        case "app:control":
            return [AtomPublishingControl(), NoDuplicates()]
        default:
            return ExtensionElements.handlers(for: name, in: .atomEntry, parent: self)
        }
    }

    override func setItunes(_ value: Bool) {
        ITunes.setItunes(value, onItem: self)
    }

    override func validate() {
        if !children.contains("title") { logMissing("title") }
        if !children.contains("author") && !parentHasAuthor { logMissing("author") }
        if !children.contains("id") { logMissing("id") }
        if !children.contains("updated") { logMissing("updated") }
        checkReadable()
        checkAlternates()
    }

    /// The feed's author stands for the entry's (section 4.1.2).
    private var parentHasAuthor: Bool {
        if let feed = parent as? AtomFeed { return feed.hasAuthor }
        return parent?.children.contains("author") ?? false
    }

    private func logMissing(_ element: String) {
        log(.missingElement, "\(name) must contain \(element) (RFC 4287 section 4.1.2)")
    }

    /// Section 4.1.2: an entry without content links to an alternate and has a summary; content a reader
    /// cannot show inline (out of line with src, or a binary type) needs a summary.
    private func checkReadable() {
        let hasSummary = children.contains("summary")
        if let content {
            guard !hasSummary else { return }
            if content.hasSource {
                log(.missingSummary, "\(name) with out-of-line content (src) must have a summary (RFC 4287 section 4.1.2)")
            }
            if AtomTextConstruct.isBase64Type(content.type) {
                log(.missingSummary, "\(name) with content of type \(content.type.prefix(60)) must have a summary (RFC 4287 section 4.1.2)")
            }
        } else {
            if !hasSummary {
                log(.missingTextualContent, "\(name) has neither content nor summary: readers have nothing to show")
            }
            if !links.contains(where: { $0.rel == "alternate" }) {
                log(.missingContentOrAlternate, "\(name) without content must link to it with rel=\"alternate\" (RFC 4287 section 4.1.2)")
            }
        }
    }

    /// Section 4.1.2: at most one alternate link per type and hreflang.
    private func checkAlternates() {
        var seen: Set<[String]> = []
        for link in links where link.rel == "alternate" {
            if !seen.insert([link.type, link.hreflang]).inserted {
                log(.duplicateAtomLink, "\(name) has two alternate links of type \"\(link.type)\" and hreflang \"\(link.hreflang)\"")
            }
        }
    }
}

/// `<app:control>` of an entry (RFC 5023 section 13.1): publishing controls, of which `app:draft` says
/// whether the entry is a draft.
final class AtomPublishingControl: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? {
        name == "app:draft" ? [YesNo(), NoDuplicates()] : nil
    }
}
