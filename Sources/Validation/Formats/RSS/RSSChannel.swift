import XML

/// `<channel>` of RSS 0.91–2.0 (RSS 2.0 specification, "Required channel elements" and "Optional channel
/// elements"), with the RSS Advisory Board's Best Practices Profile advice on top.
final class RSSChannel: RSSChannelBase {
    /// Where the items met so far start, while no channel metadata followed them. Kept up to the findings
    /// limit: the rest would be counted, not shown.
    private var itemPositions: [XMLPosition] = []
    private var unlistedItems = 0
    /// Set once `lastBuildDate` was met: items counting comments want the channel dated (`SlashDate`).
    private(set) var hasLastBuildDate = false

    override var extensionContext: ExtensionContext { .rssChannel }

    /// RSS Best Practices Profile, "item": items should follow all channel elements, since some readers stop
    /// reading channel metadata at the first item. Each item placed before this metadata element is flagged
    /// where it starts.
    override func metadata(_ element: String) {
        guard !itemPositions.isEmpty || unlistedItems > 0 else { return }
        for position in itemPositions {
            walker.log(.misplacedItem, at: position, "item comes before the channel's \(element); put items after all channel elements")
        }
        for _ in 0..<unlistedItems {
            walker.log(.misplacedItem, "item comes before the channel's \(element); put items after all channel elements")
        }
        isValid = false
        itemPositions.removeAll(keepingCapacity: true)
        unlistedItems = 0
    }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "item":
            if itemPositions.count < FindingList.limitPerRule {
                itemPositions.append(walker.position)
            } else {
                unlistedItems += 1
            }
            return [RSSItem()]
        case "textInput":
            // RSS Best Practices Profile, "textInput": most readers ignore it.
            log(.avoidTextInput, "textInput is ignored by most readers; consider leaving it out")
            return super.child(name)
        case "category":
            metadata(name)
            return [RSSCategory()]
        case "cloud":
            metadata(name)
            return [RSSCloud(), NoDuplicates()]
        case "rating":
            return [TextValue()]
        case "ttl":
            metadata(name)
            return [PositiveInteger(), NonBlank(), NoDuplicates()]
        case "docs":
            metadata(name)
            return [RSSDocs(), NoDuplicates()]
        case "generator":
            metadata(name)
            warnIfSeen("admin:generatorAgent", core: name)
            return [TextValue(), NoDuplicates()]
        case "pubDate":
            metadata(name)
            warnIfSeen("dc:date", core: name)
            return [RFC822Date(), NoDuplicates()]
        case "managingEditor":
            metadata(name)
            warnIfSeen("dc:creator", core: name)
            return [EmailWithName(), NoDuplicates()]
        case "webMaster":
            metadata(name)
            warnIfSeen("dc:publisher", core: name)
            return [EmailWithName(), NoDuplicates()]
        case "language":
            metadata(name)
            warnIfSeen("dc:language", core: name)
            return [LanguageCodeValue(), NoDuplicates()]
        case "copyright":
            metadata(name)
            warnIfSeen("dc:rights", core: name)
            return [NonHTML(), NoDuplicates()]
        case "lastBuildDate":
            metadata(name)
            hasLastBuildDate = true
            warnIfSeen("dcterms:modified", core: name)
            return [RFC822Date(), NoDuplicates()]
        case "skipHours":
            metadata(name)
            return [RSSSkipHours()]
        case "skipDays":
            metadata(name)
            return [RSSSkipDays()]
        default:
            return super.child(name)
        }
    }

    /// RSS 2.0 core elements and their Dublin Core equivalents say the same thing; a reader given both picks
    /// one (RSS Best Practices Profile, "Dublin Core"): `DuplicateSemantics` when the extension came first.
    /// The extension elements check the other order themselves.
    private func warnIfSeen(_ extensionElement: String, core: String) {
        if children.contains(extensionElement) {
            log(.duplicateSemantics, "channel has both \(core) and \(extensionElement), which say the same thing; keep \(core)")
        }
    }

    override func validate() {
        super.validate()
        if docs == "http://www.rssboard.org/rss-specification" {
            // A feed pointing at the RSS Advisory Board's specification follows it, and the Board's profile
            // allows extension attributes: those warnings are withdrawn.
            walker.withdraw(.useOfExtensionAttr)
        }
    }
}

/// The channel's `docs`: the URL of the format's documentation (RSS 2.0, "docs").
final class RSSDocs: FullURI {
    override func validate() {
        (parent as? RSSChannelBase)?.docs = value
        super.validate()
    }
}

/// `category` of a channel or item: plain text with an optional `domain` (RSS 2.0, "<category> sub-element
/// of <item>").
final class RSSCategory: NonHTML {
    override var expectedAttributes: [AttributeName]? { [AttributeName("domain")] }
}

/// `cloud`: where to register for update notifications (RSS 2.0, "<cloud> sub-element of <channel>"): all
/// five attributes are required, `port` a positive integer.
final class RSSCloud: ElementHandler {
    private static let names = ["domain", "port", "path", "registerProcedure", "protocol"]

    override var expectedAttributes: [AttributeName]? { Self.names.map { AttributeName($0) } }

    override func prevalidate() {
        for attribute in Self.names {
            guard let value = attributes[attribute] else {
                log(.missingAttribute, "cloud must have a \(attribute) attribute")
                continue
            }
            if attribute == "port", (Int(value) ?? Int(value.trimmedWhitespace) ?? 0) <= 0 {
                log(.invalidIntegerAttribute, "cloud port must be a positive integer, not \"\(value.prefix(40))\"")
            }
        }
    }
}
