/// Atom 1.0 elements in an RSS channel or item. The RSS Best Practices Profile ("atom:link") asks for
/// `atom:link rel="self"` in every RSS 2.0 channel; feeds also carry Atom's `id`, `updated`, `author` and
/// others, which readers understand: each is checked as Atom (RFC 4287) checks it.
enum AtomInRSS {
    /// Handlers for an `atom:` child of a channel, nil for an Atom element a channel does not take.
    static func channelHandlers(for name: String, channel: RSSChannelBase) -> [ElementHandler]? {
        switch name {
        case "atom:link":
            // Kept so the channel can tell, when it ends, whether one of its links was the self link.
            let link = AtomLink()
            channel.atomLinks.append(link)
            return [link]
        case "atom:author", "atom:contributor": return [AtomPerson()]
        case "atom:category": return [AtomCategory()]
        case "atom:generator": return [AtomGenerator(), NonBlank(), NoDuplicates()]
        case "atom:id": return [FullURI(), NoDuplicates()]
        case "atom:icon", "atom:logo": return [NonBlank(), URIValue(), NoDuplicates()]
        case "atom:title", "atom:subtitle", "atom:rights": return [AtomTextConstruct(), NoDuplicates()]
        case "atom:updated": return [RFC3339Date(), NoDuplicates()]
        default: return nil
        }
    }

    /// Handlers for an `atom:` child of an item, nil for an Atom element an item does not take.
    static func itemHandlers(for name: String, item: RSSItemBase) -> [ElementHandler]? {
        switch name {
        case "atom:id":
            item.warnIfSeen("guid", before: name)
            // Unique among the channel's items, like guid.
            return [FullURI(), NoDuplicates(), Unique(name, in: item.parent ?? item)]
        case "atom:link": return [AtomLink()]
        case "atom:title": return [AtomContent(), NoDuplicates()]
        case "atom:summary": return [AtomTextConstruct(), NoDuplicates()]
        case "atom:author": return [AtomPerson(), NoDuplicates()]
        case "atom:contributor": return [AtomPerson()]
        case "atom:content": return [AtomContent()]
        case "atom:published":
            // The service compares atom:published with an earlier `published` child (an undefined element in
            // RSS), not with pubDate; pubDate itself checks for an earlier atom:published.
            item.warnIfSeen("published", before: name)
            return [RFC3339Date(), NoDuplicates()]
        case "atom:updated": return [RFC3339Date(), NoDuplicates()]
        default: return nil
        }
    }
}
