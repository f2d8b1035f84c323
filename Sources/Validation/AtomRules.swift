import XML

/// Checks an Atom 1.0 document beyond its grammar: RFC 4287's Schematron rules (which libxml2 ignores),
/// dates, identifiers, links and content, in one pass over the entries.
struct AtomRules {
    static let namespace = "http://www.w3.org/2005/Atom"
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    private var checker = FeedChecker()
    private var history = FeedHistory()
    private var feedBase = false
    private var hasSelf = false
    private var hasAuthor = false
    private var links: [Link] = []
    private var headFinished = false
    private let feedLine: Int
    private var entryNumber = 0

    /// Starts checking a feed; `feed` needs only its attributes and line (its children come one at a time).
    init(feed: XMLNode, session: ValidationSession? = nil, part: DocumentPart = .whole) {
        checker.session = session
        checker.context = part
        entryNumber = part.entriesBefore
        feedBase = Self.hasBase(feed)
        feedLine = feed.line
    }

    static func check(_ root: XMLNode, session: ValidationSession? = nil, part: DocumentPart = .whole) -> RuleOutcome {
        var rules = AtomRules(feed: root, session: session, part: part)
        var entries: [XMLNode] = []
        for child in root.elementChildren {
            if child.namespaceURI == Self.namespace && child.name == "entry" {
                entries.append(child)
            } else {
                rules.checkFeedChild(child)
            }
        }
        rules.finishHead()
        for entry in entries {
            rules.checkFeedChild(entry)
        }
        return RuleOutcome(findings: rules.finish(), identifiers: rules.checker.identifiers)
    }

    private static func hasBase(_ node: XMLNode) -> Bool {
        node.attribute("base", namespaceURI: xmlNamespace) != nil
    }

    /// Checks one child element of the feed with its subtree. Entries are checked after every other child
    /// (the feed's author and links decide some entry findings): a caller streaming a feed whose entries
    /// come last, as RFC 4287's grammar requires, can pass the children in document order; the head is
    /// finished at the first entry.
    mutating func checkFeedChild(_ child: XMLNode) {
        let line = child.line
        switch (child.namespaceURI, child.name) {
        case (Self.namespace, "entry"):
            finishHead()
            entryNumber += 1
            checkEntry(child, number: entryNumber, feedHasAuthor: hasAuthor, feedBase: feedBase)
        case (Self.namespace, "id"):
            checkID(child, what: "feed <id>")
        case (Self.namespace, "updated"):
            checker.checkRFC3339(child.textContent, line: line, what: "feed <updated>")
        case (Self.namespace, "author"):
            hasAuthor = true
        case (Self.namespace, "link"):
            // Kept as values: a streaming reader frees the node before the head is finished.
            links.append(Link(child))
            let rel = child.attribute("rel") ?? "alternate"
            if rel == "self" { hasSelf = true }
            history.note(rel: rel, line: line)
        case (Self.namespace, "title"), (Self.namespace, "subtitle"):
            checkText(child, what: "feed <\(child.name)>", hasBase: feedBase)
        case (FeedHistory.namespace, "complete"):
            history.completeLine = line
        case (FeedHistory.namespace, "archive"):
            history.archiveLine = line
        default:
            break
        }
    }

    /// The feed-level checks that follow its head: links, then the self link. Runs once.
    private mutating func finishHead() {
        guard !headFinished else { return }
        headFinished = true
        checkLinks(links, owner: "<feed>", hasBase: feedBase)
        links = []
        if !hasSelf {
            // RFC 4287 section 4.2.7.2 recommends rel="self"; the W3C validator warns without it.
            checker.findings.add(.missingSelf, line: feedLine, "<feed> has no <link rel=\"self\">; add one with the feed's own URL")
        }
    }

    /// The findings once every child went through `checkFeedChild(_:)`.
    mutating func finish() -> FindingList {
        finishHead()
        history.check(into: &checker.findings)
        return checker.findings
    }

    private mutating func checkEntry(_ entry: XMLNode, number: Int, feedHasAuthor: Bool, feedBase: Bool) {
        let line = entry.line
        let what = "entry \(number) (line \(line))"
        let base = feedBase || Self.hasBase(entry)
        var hasAuthor = feedHasAuthor
        var hasContent = false
        var links: [Link] = []
        for child in entry.elementChildren {
            let childLine = child.line
            switch (child.namespaceURI, child.name) {
            case (Self.namespace, "id"):
                checkID(child, what: "<id> of \(what)")
                checker.checkUnique(identifier: child.textContent.trimmingWhitespace, line: childLine, what: "<id>")
            case (Self.namespace, "updated"), (Self.namespace, "published"):
                checker.checkRFC3339(child.textContent, line: childLine, what: "<\(child.name)> of \(what)")
            case (Self.namespace, "author"):
                hasAuthor = true
            case (Self.namespace, "source"):
                // RFC 4287 4.1.2: the author may come from atom:source instead.
                if child.element(named: "author", namespaceURI: Self.namespace) != nil { hasAuthor = true }
            case (Self.namespace, "link"):
                links.append(Link(child))
            case (Self.namespace, "title"), (Self.namespace, "summary"):
                checkText(child, what: "<\(child.name)> of \(what)", hasBase: base || Self.hasBase(child))
            case (Self.namespace, "content"):
                hasContent = true
                checkContent(child, what: "<content> of \(what)", hasBase: base || Self.hasBase(child))
            default:
                break
            }
        }
        if !hasAuthor {
            // RFC 4287 4.1.2: an entry MUST contain an author unless it has a source with one, or the feed has one.
            checker.findings.add(.missingElement, line: line, "\(what) has no <author> and the feed has none")
        }
        checkLinks(links, owner: what, hasBase: base)
        if !hasContent, !links.contains(where: { $0.rel == "alternate" }) {
            // RFC 4287 4.1.2: an entry without atom:content MUST have a rel="alternate" link.
            checker.findings.add(.missingElement, line: line, "\(what) has neither <content> nor <link rel=\"alternate\">")
        }
    }

    /// atom:id "MUST be an IRI, as defined by [RFC3987]" and absolute (RFC 4287 4.2.6).
    private mutating func checkID(_ node: XMLNode, what: String) {
        let value = node.textContent.trimmingWhitespace
        if !URISyntax.isAbsolute(value) {
            checker.findings.add(.invalidIRI, line: node.line, "\(what) \"\(value.prefix(80))\" is not an absolute IRI "
                + "(such as https://example.org/posts/1 or tag:example.org,2024:1)")
        }
    }

    /// What the link checks need of an `atom:link`, copied out of the tree.
    private struct Link {
        var line: Int
        var rel: String
        var href: String?
        var hasBase: Bool
        var type: String?
        var hreflang: String?

        init(_ node: XMLNode) {
            line = node.line
            rel = node.attribute("rel") ?? "alternate"
            href = node.attribute("href")
            hasBase = AtomRules.hasBase(node)
            type = node.attribute("type")
            hreflang = node.attribute("hreflang")
        }
    }

    private mutating func checkLinks(_ links: [Link], owner: String, hasBase: Bool) {
        var alternates: Set<String> = []
        for link in links {
            let line = link.line
            let rel = link.rel
            if let href = link.href?.trimmingWhitespace {
                if !URISyntax.isWellFormedIRI(href) {
                    checker.findings.add(.invalidFullLink, line: line, "<link rel=\"\(rel)\"> of \(owner) has href \"\(href.prefix(80))\", not an IRI")
                } else if URISyntax.scheme(of: href) == nil, !hasBase, !link.hasBase {
                    // Legal (RFC 4287 allows IRI references), but resolved against the feed's address by
                    // readers, which is rarely what was meant.
                    checker.findings.add(.containsRelRef, line: line, "<link rel=\"\(rel)\"> of \(owner) has a relative href "
                        + "\"\(href.prefix(80))\" and no xml:base")
                }
            }
            if rel == "alternate" {
                // RFC 4287 4.1.1 / 4.1.2: at most one alternate link per (type, hreflang).
                let key = (link.type ?? "") + "\u{0}" + (link.hreflang ?? "")
                if !alternates.insert(key).inserted {
                    checker.findings.add(.duplicateAtomLink, line: line, "\(owner) has two rel=\"alternate\" links with the same type and hreflang")
                }
            }
        }
    }

    /// Text constructs (title, subtitle, summary): type="html" is escaped HTML, type="xhtml" inline.
    private mutating func checkText(_ node: XMLNode, what: String, hasBase: Bool) {
        switch node.attribute("type") ?? "text" {
        case "html":
            checker.checkHTML(node.textContent, line: node.line, what: what, hasBase: hasBase)
        case "xhtml":
            HTMLContentCheck(field: what, line: node.line, hasBase: hasBase).check(xhtml: node, into: &checker.findings)
        default:
            checker.checkCharacters(node.textContent, line: node.line, what: what)
        }
    }

    private mutating func checkContent(_ node: XMLNode, what: String, hasBase: Bool) {
        if let source = node.attribute("src") {
            if URISyntax.scheme(of: source) == nil, !hasBase {
                checker.findings.add(.containsRelRef, line: node.line, "\(what) has a relative src \"\(source.prefix(80))\" and no xml:base")
            }
            return
        }
        checkText(node, what: what, hasBase: hasBase)
    }
}
