/// `<feed>` of Atom 1.0 (RFC 4287 section 4.1.1): the feed's metadata, then its entries.
///
/// The metadata is judged as a whole when the first entry starts (or when the feed ends, if it has none):
/// required elements, the self link, alternates, RFC 5005 archive links. Metadata after an entry is
/// `MisplacedMetadata`, as readers may miss it.
class AtomFeed: ElementHandler {
    /// The feed's links so far, for the checks over all of them.
    private(set) var links: [AtomLink] = []
    /// How many entries have started.
    private(set) var entryCount = 0
    /// Whether an entry has started.
    var hasEntry: Bool { entryCount > 0 }
    /// Whether the feed has an author, which then stands for entries without one (section 4.1.2).
    var hasAuthor = false

    /// The indexing extension's attribute: whether search engines may index the feed.
    private static let indexing = AttributeName("urn:atom-extension:indexing", "index")
    private static let attributeNames = [indexing]

    override var expectedAttributes: [AttributeName]? { Self.attributeNames }

    override func prevalidate() {
        validateOptionalAttribute(Self.indexing, with: YesNo())
    }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "entry":
            entryCount += 1
            if entryCount == 1 { checkMetadata() }
            return [AtomEntry()]
        case "author":
            noteMetadata(name)
            hasAuthor = true
            return [AtomPerson()]
        case "contributor":
            noteMetadata(name)
            return [AtomPerson()]
        case "category":
            noteMetadata(name)
            return [AtomCategory()]
        case "generator":
            noteMetadata(name)
            return [AtomGenerator(), NonBlank(), NoDuplicates()]
        case "id":
            // Section 4.2.6: a permanent, universally unique IRI; readers compare ids as text.
            noteMetadata(name)
            return [CanonicalURI(), NoWhitespace(), NoDuplicates()]
        case "icon", "logo":
            // Sections 4.2.5 and 4.2.8: an IRI reference to an image.
            noteMetadata(name)
            return [NonBlank(), NoWhitespace(), URIValue(), NoDuplicates()]
        case "link":
            noteMetadata(name)
            let link = AtomLink()
            links.append(link)
            return [link]
        case "title", "subtitle", "rights":
            noteMetadata(name)
            return [AtomTextConstruct(), NoDuplicates()]
        case "updated":
            // Section 4.2.15: an RFC 3339 date-time.
            noteMetadata(name)
            return [RFC3339Date(), NoWhitespace(), NoDuplicates()]
        case "app:collection":
            // An Atom Publishing Protocol collection (RFC 5023 section 8.3.3) may describe where to post.
            return [Eater(), NoDuplicates()]
        default:
            return ExtensionElements.handlers(for: name, in: .atomFeed, parent: self)
        }
    }

    override func setItunes(_ value: Bool) {
        ITunes.setItunes(value, onChannel: self)
    }

    /// Metadata after the first entry.
    func noteMetadata(_ element: String) {
        if hasEntry {
            log(.misplacedMetadata, "\(element) in \(name) should come before its entries")
        }
    }

    override func validate() {
        checkDuplicateIds()
        if !hasEntry { checkMetadata() }
    }

    /// A feed whose entries all share one id (more than nine of them) is reported once, as `DuplicateIds`,
    /// rather than once per entry: the generator gives the feed's id to each entry.
    private func checkDuplicateIds() {
        guard entryCount > 9 else { return }
        if entryCount == walker.findings.count(of: .duplicateEntries) + 1 {
            log(.duplicateIds, "all \(entryCount) entries of \(name) have the same id")
            walker.withdraw(.duplicateEntries)
        }
    }

    /// A required element is missing; reported where the feed starts.
    func logMissing(_ element: String) {
        walker.log(.missingElement, at: position, "\(name) must contain \(element) (RFC 4287 section 4.1.1)")
        isValid = false
    }

    /// Checks the metadata as a whole (RFC 4287 section 4.1.1, RFC 5005).
    func checkMetadata() {
        for element in ["title", "id", "updated"] where !children.contains(element) {
            logMissing(element)
        }
        checkHistoryLinks()
        if name != "source", !links.contains(where: { $0.rel == "self" }) {
            walker.log(.missingSelf, at: position, "\(name) should link to itself with rel=\"self\" (RFC 4287 section 4.1.1)")
            isValid = false
        }
        checkPagingLinks()
        checkAlternates()
        checkArchive()
        if itunes { ITunes.validateChannel(self) }
    }

    /// RFC 5005 section 3: a complete feed holds every entry, so it links to no other page; a `current` link
    /// can only be to itself.
    private func checkHistoryLinks() {
        guard children.contains("fh:complete") else { return }
        for link in links where AtomLink.historyRelations.contains(link.rel) {
            if link.rel == "current" {
                if !walker.selfLocations.contains(link.href) {
                    log(.currentNotSelfInCompleteFeed, "a complete feed (fh:complete) can only have itself as rel=\"current\"")
                }
            } else {
                log(.feedRelInCompleteFeed, "a complete feed (fh:complete) cannot link to other pages with rel=\"\(link.rel)\"")
            }
        }
    }

    /// RFC 5005 section 4: the first page has no previous page, the last no next one.
    private func checkPagingLinks() {
        let previous = links.count(where: { $0.rel == "previous" })
        let next = links.count(where: { $0.rel == "next" })
        // One finding per pair of links, as the service logs them, but no more than the findings list keeps:
        // a document of many such links stays linear.
        var budget = FindingList.limitPerRule + 1
        for link in links where link.rel == "first" && previous > 0 || link.rel == "last" && next > 0 {
            guard budget > 0, walker.selfLocations.contains(link.href) else { continue }
            let beyond = link.rel == "first" ? "previous" : "next"
            for _ in 0..<min(link.rel == "first" ? previous : next, budget) {
                log(.linkPastEnd, "this is the \(link.rel) page, so it cannot have a rel=\"\(beyond)\" link")
                budget -= 1
            }
        }
    }

    /// RFC 4287 section 4.1.1: at most one alternate link per type and hreflang.
    private func checkAlternates() {
        var seen: Set<[String]> = []
        for link in links where link.rel == "alternate" {
            if !seen.insert([link.type, link.hreflang]).inserted {
                log(.duplicateAtomLink, "\(name) has two alternate links of type \"\(link.type)\" and hreflang \"\(link.hreflang)\"")
            }
        }
    }

    /// RFC 5005 section 4: an archive document (fh:archive) links to the archives before and after it and to
    /// the current feed, unless it is complete.
    private func checkArchive() {
        guard children.contains("fh:archive"), !children.contains("fh:complete") else { return }
        if !links.contains(where: { $0.rel == "prev-archive" || $0.rel == "next-archive" }) {
            log(.archiveIncomplete, "an archive document should link to its neighbours (prev-archive or next-archive) or be complete")
        }
        if !links.contains(where: { $0.rel == "current" }) {
            log(.missingCurrentInArchive, "an archive document should link to the current feed with rel=\"current\"")
        }
    }
}

/// `<source>` of an entry (RFC 4287 section 4.2.11): the metadata of the feed an entry was copied from. It
/// takes a feed's metadata, no entries, and needs no self link; what it lacks is only a warning, checked when
/// it ends.
final class AtomSource: AtomFeed {
    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "entry":
            log(.undefinedElement, "Undefined source element: entry")
            return [Eater()]
        case "author":
            // The source's author stands for the entry's.
            parent?.children.append("author")
            return super.child(name)
        default:
            return super.child(name)
        }
    }

    override func logMissing(_ element: String) {
        log(.missingSourceElement, "\(name) should contain the \(element) of the feed it comes from (RFC 4287 section 4.2.11)")
    }

    override func validate() {
        checkMetadata()
    }
}
