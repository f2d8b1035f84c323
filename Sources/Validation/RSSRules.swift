import XML

/// Checks an RSS 2.0 document beyond its grammar, in one pass over the channel and its items.
struct RSSRules {
    static let contentNamespace = "http://purl.org/rss/1.0/modules/content/"

    private var checker = FeedChecker()
    private var history = FeedHistory()
    private var hasSelf = false
    private var itemNumber = 0

    init(session: ValidationSession? = nil, part: DocumentPart = .whole) {
        checker.session = session
        checker.context = part
        itemNumber = part.entriesBefore
    }

    static func check(_ root: XMLNode, session: ValidationSession? = nil, part: DocumentPart = .whole) -> RuleOutcome {
        var rules = RSSRules(session: session, part: part)
        guard let channel = root.element(named: "channel", namespaceURI: nil), channel.namespaceURI == nil else {
            return RuleOutcome(findings: rules.checker.findings)
        }
        for child in channel.elementChildren {
            rules.checkChannelChild(child)
        }
        return RuleOutcome(findings: rules.finish(channelLine: channel.line), identifiers: rules.checker.identifiers)
    }

    /// The findings once every child of `channel` went through `checkChannelChild(_:)`: the channel-level
    /// ones (self link, RFC 5005 markers) after the per-child ones.
    mutating func finish(channelLine: Int) -> FindingList {
        if !hasSelf {
            // RSS Advisory Board best practice, and what the W3C validator asks for: readers and hubs use the
            // self link to know the feed's canonical address.
            checker.findings.add(.missingSelf, line: channelLine,
                                 "<channel> has no <atom:link rel=\"self\">; add one with the feed's own URL")
        }
        history.check(into: &checker.findings)
        return checker.findings
    }

    /// Checks one child element of the channel (an item or a channel field) with its subtree; children go
    /// through here in document order, so a streaming reader can hand over one subtree at a time.
    mutating func checkChannelChild(_ child: XMLNode) {
        let line = child.line
        switch (child.namespaceURI, child.name) {
        case (nil, "item"):
            itemNumber += 1
            checkItem(child, number: itemNumber)
        case (nil, "link"), (nil, "docs"):
            checker.checkAbsoluteURL(child.textContent, line: line, what: "channel <\(child.name)>")
        case (nil, "title"):
            checker.checkCharacters(child.textContent, line: line, what: "channel <title>")
        case (nil, "description"):
            checker.checkHTML(child.textContent, line: line, what: "channel <description>")
        case (nil, "managingEditor"), (nil, "webMaster"):
            checkContact(child)
        case (nil, "pubDate"), (nil, "lastBuildDate"):
            checker.checkRFC822(child.textContent, line: line, what: "channel <\(child.name)>")
        case (nil, "image"):
            for part in child.elementChildren where part.name == "url" || part.name == "link" {
                checker.checkAbsoluteURL(part.textContent, line: part.line, what: "<image><\(part.name)>")
            }
        case (nil, "skipHours"), (nil, "skipDays"):
            checkDistinct(child)
        case (AtomRules.namespace, "link"):
            let rel = child.attribute("rel") ?? "alternate"
            if rel == "self" { hasSelf = true }
            history.note(rel: rel, line: line)
            checker.checkAbsoluteURL(child.attribute("href") ?? "", line: line, what: "<atom:link rel=\"\(rel)\"> href")
        case (FeedHistory.namespace, "complete"):
            history.completeLine = line
        case (FeedHistory.namespace, "archive"):
            history.archiveLine = line
        default:
            break
        }
    }

    private mutating func checkItem(_ item: XMLNode, number: Int) {
        let line = item.line
        let what = "item \(number) (line \(line))"
        var hasTitle = false
        var hasDescription = false
        for child in item.elementChildren {
            let childLine = child.line
            switch (child.namespaceURI, child.name) {
            case (nil, "title"):
                hasTitle = true
                checker.checkCharacters(child.textContent, line: childLine, what: "<title> of \(what)")
            case (nil, "description"):
                hasDescription = true
                checker.checkHTML(child.textContent, line: childLine, what: "<description> of \(what)")
            case (Self.contentNamespace, "encoded"):
                checker.checkHTML(child.textContent, line: childLine, what: "<content:encoded> of \(what)")
            case (nil, "link"), (nil, "comments"):
                checker.checkAbsoluteURL(child.textContent, line: childLine, what: "<\(child.name)> of \(what)")
            case (nil, "guid"):
                checkGUID(child, what: what)
            case (nil, "pubDate"):
                checker.checkRFC822(child.textContent, line: childLine, what: "<pubDate> of \(what)")
            case (nil, "author"):
                checkContact(child)
            case (nil, "enclosure"), (nil, "source"):
                if let url = child.attribute("url") {
                    checker.checkAbsoluteURL(url, line: childLine, what: "<\(child.name) url> of \(what)")
                }
            case (AtomRules.namespace, "link"):
                checker.checkAbsoluteURL(child.attribute("href") ?? "", line: childLine, what: "<atom:link> href of \(what)")
            default:
                break
            }
        }
        if !hasTitle && !hasDescription {
            // RSS 2.0: "All elements of an item are optional, however at least one of title or description
            // must be present." (W3C: ItemMustContainTitleOrDescription, a MissingElement.)
            checker.findings.add(.missingElement, line: line, "\(what) has neither <title> nor <description>")
        }
    }

    /// A guid is a permalink unless `isPermaLink="false"` (RSS 2.0: "If the guid element has an attribute
    /// named isPermaLink with a value of true, the reader may assume that it is a permalink"; the default is
    /// true), so a bare guid must then be a URL.
    private mutating func checkGUID(_ guid: XMLNode, what: String) {
        let value = guid.textContent.trimmingWhitespace
        let line = guid.line
        let isPermaLink = guid.attribute("isPermaLink")
        // Values other than true/false are the grammar's UnexpectedAttribute; don't guess what they meant.
        if isPermaLink == nil || isPermaLink == "true" {
            let scheme = URISyntax.scheme(of: value)?.lowercased()
            if !URISyntax.isAbsolute(value) || (scheme != "http" && scheme != "https") {
                checker.findings.add(.invalidPermalink, line: line, "<guid> \"\(value.prefix(80))\" of \(what) is a permalink "
                    + "(isPermaLink is absent or true) but not an http(s) URL; add isPermaLink=\"false\" or use the URL")
            }
        }
        checker.checkUnique(identifier: value, line: line, what: "<guid>")
    }

    private mutating func checkContact(_ node: XMLNode) {
        let value = node.textContent
        if !URISyntax.isRSSContact(value) {
            checker.findings.add(.invalidContact, line: node.line, "<\(node.name)> \"\(value.prefix(80))\" is not an e-mail "
                + "address such as \"ada@example.org (Ada Example)\"")
        }
    }

    /// skipHours / skipDays list each hour or day once (W3C: DuplicateValue).
    private mutating func checkDistinct(_ node: XMLNode) {
        var seen: Set<String> = []
        for value in node.elementChildren {
            let text = value.textContent.trimmingWhitespace
            if !seen.insert(text).inserted {
                checker.findings.add(.duplicateValue, line: value.line, "<\(node.name)> lists \"\(text)\" twice")
            }
        }
    }
}
