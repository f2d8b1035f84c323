/// Atom 1.0 elements in an RSS channel or item. The RSS Best Practices Profile ("atom:link") asks for
/// `atom:link rel="self"` in every RSS 2.0 channel; feeds also carry Atom's `id`, `updated`, `author` and
/// others, which readers understand: each is checked as Atom (RFC 4287) checks it.
enum AtomInRSS {
    /// Handlers for an `atom:` child of a channel, nil for an Atom element a channel does not take.
    static func channelHandlers(for name: String, channel: RSSChannelBase) -> [ElementHandler]? {
        switch name {
        case "atom:link": [AtomElements.link(), SelfLinkNote()]
        case "atom:author", "atom:contributor": [AtomElements.person()]
        case "atom:category": [AtomElements.category()]
        case "atom:generator": [AtomElements.generator(), NonBlank(), NoDuplicates()]
        case "atom:id": [FullURI(), NoDuplicates()]
        case "atom:icon", "atom:logo": [NonBlank(), URIValue(), NoDuplicates()]
        case "atom:title", "atom:subtitle", "atom:rights": [AtomElements.textConstruct(), NoDuplicates()]
        case "atom:updated": [RFC3339Date(), NoDuplicates()]
        default: nil
        }
    }

    /// Handlers for an `atom:` child of an item, nil for an Atom element an item does not take.
    static func itemHandlers(for name: String, item: RSSItemBase) -> [ElementHandler]? {
        switch name {
        case "atom:id":
            item.warnIfSeen("guid", core: "guid", extension: name)
            // Unique among the channel's items, like guid.
            return [FullURI(), NoDuplicates(), Unique(name, in: item.parent ?? item)]
        case "atom:link": return [AtomElements.link()]
        case "atom:title": return [AtomElements.content(), NoDuplicates()]
        case "atom:summary": return [AtomElements.textConstruct(), NoDuplicates()]
        case "atom:author": return [AtomElements.person(), NoDuplicates()]
        case "atom:contributor": return [AtomElements.person()]
        case "atom:content": return [AtomElements.content()]
        case "atom:published", "atom:updated": return [RFC3339Date(), NoDuplicates()]
        default: return nil
        }
    }
}

/// Notes on the channel that an `atom:link` is the feed's self link (`rel="self"`, also written as the
/// IANA registry's full URI); the link itself is checked by the Atom link handler beside it.
final class SelfLinkNote: ElementHandler {
    private static let ianaPrefix = "http://www.iana.org/assignments/relation/"

    override func prevalidate() {
        guard var rel = attributes["rel"] else { return }
        if rel.hasPrefix(Self.ianaPrefix) { rel.removeFirst(Self.ianaPrefix.count) }
        if rel == "self" { (parent as? RSSChannelBase)?.hasSelfLink = true }
    }

    override func startChild(local: String, namespace: String?, prefix: String?, attributes: AttributeList) {}
    override func characters(_ text: String) {}
    override func end() {}
}

/// The Atom handlers RSS reuses. Stand-ins until the Atom family's handlers are merged: they take the
/// element without checking it (what the Atom link, person, category, generator, text and content
/// constructs check is theirs).
enum AtomElements {
    static func link() -> ElementHandler { Eater() }
    static func person() -> ElementHandler { Eater() }
    static func category() -> ElementHandler { Eater() }
    static func generator() -> ElementHandler { Eater() }
    static func textConstruct() -> ElementHandler { Eater() }
    static func content() -> ElementHandler { Eater() }
}
