/// What every RSS channel shares, in RSS 0.90, 0.9x, 1.0 and 2.0: title, link and description are required
/// (RSS 2.0 "Required channel elements"; RSS 1.0 section 5.3), an image and a text input at most once.
///
/// `RSSChannel` (RSS 0.91–2.0) and `RSS10Channel` (RSS 1.0, 1.1) add their own elements. RSS 0.90's
/// channel is this one alone.
class RSSChannelBase: ElementHandler {
    /// The channel's `link`, for the image's link to be compared with (RSS 2.0 "<image> sub-element of
    /// <channel>": the image's link "in practice ... should have the same value as the channel's <link>").
    var link: String?
    /// The channel's `title`, for the image's title to be compared with.
    var title: String?
    /// The channel's `docs`.
    var docs = ""
    /// The channel's `atom:link`s; once they ended, each knows its relation.
    var atomLinks: [AtomLink] = []

    /// Where extension children of this channel are looked up.
    var extensionContext: ExtensionContext { .rss10Channel }

    /// `index="yes"` or `"no"` in the "urn:atom-extension:indexing" namespace says whether search engines may
    /// index the feed.
    private static let indexing = AttributeName("urn:atom-extension:indexing", "index")

    override var expectedAttributes: [AttributeName]? { [Self.indexing] }

    override func prevalidate() {
        validateOptionalAttribute(Self.indexing, with: YesNo())
    }

    override func setItunes(_ value: Bool) {
        ITunes.setItunes(value, onChannel: self)
    }

    /// A channel metadata element starts (RSS 2.0 overrides it to flag items placed before it).
    func metadata(_ element: String) {}

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "image":
            metadata(name)
            return [RSSImage(), NoDuplicates()]
        case "textInput":
            metadata(name)
            return [RSSTextInput(), NoDuplicates()]
        case "textinput":
            metadata(name)
            // RSS 1.0 spells it `textinput` (section 5.3.6), RSS 2.0 `textInput`. In an RDF channel (one
            // with rdf:about) it is a reference, taken as is; elsewhere it is a misspelling.
            if !attributes.contains(.rdf("about")) {
                log(.undefinedElement, "Undefined \(self.name) element: textinput (RSS 2.0 spells it textInput)")
            }
            return [Eater(), NoDuplicates()]
        case "link":
            metadata(name)
            return [RSSChannelLink(), NoDuplicates()]
        case "title":
            metadata(name)
            return [RSSChannelTitle(), NoDuplicates(), NonBlank()]
        case "description":
            metadata(name)
            return [NonHTML(), NoDuplicates()]
        case "blink":
            return [RSSBlink(), NoDuplicates()]
        default:
            if name.hasPrefix("atom:") {
                if name == "atom:link" { metadata(name) }
                return AtomInRSS.channelHandlers(for: name, channel: self)
            }
            return ExtensionElements.handlers(for: name, in: extensionContext, parent: self)
        }
    }

    override func validate() {
        // One pass over the children (a channel may have thousands of items among them).
        var seen = (description: false, link: false, title: false, items: false)
        var counts = (image: 0, textInput: 0, skipHours: 0, skipDays: 0)
        for child in children {
            switch child {
            case "description": seen.description = true
            case "link": seen.link = true
            case "title": seen.title = true
            case "items": seen.items = true
            case "image": counts.image += 1
            case "textInput": counts.textInput += 1
            case "skipHours": counts.skipHours += 1
            case "skipDays": counts.skipDays += 1
            default: break
            }
        }
        if !seen.description { log(.missingDescription, "\(name) must contain a description element") }
        if !seen.link { log(.missingLink, "\(name) must contain a link element") }
        if !seen.title { log(.missingTitle, "\(name) must contain a title element") }
        // Each at most once (RSS 2.0 "Optional channel elements"). Repeated images and text inputs were also
        // flagged where they start; skipHours and skipDays only here.
        for (element, count) in [
            ("image", counts.image), ("textInput", counts.textInput), ("skipHours", counts.skipHours),
            ("skipDays", counts.skipDays),
        ] where count > 1 {
            log(.duplicateElement, "\(name) contains \(count) \(element) elements; only one is allowed")
        }
        if let about = attributes[.rdf("about")] {
            validateAttribute(.rdf("about"), with: URIValue())
            // RSS 1.0 section 5.3.5: an RDF channel lists its items in <items>.
            if !seen.items {
                log(.missingElement, "\(name) \(about) must contain an items element listing its items")
            }
        }
        if let root = parent as? RSSRoot, root.version == "2.0", !atomLinks.contains(where: { $0.rel == "self" }) {
            // RSS Advisory Board, "RSS Best Practices Profile", "atom:link": a feed should name its own URL.
            log(.missingAtomSelfLink, "channel has no atom:link with rel=\"self\" giving the feed's own URL")
        }
        if itunes { ITunes.validateChannel(self) }
    }
}

/// The channel's `link`: an absolute URL (RSS 2.0: "The URL to the HTML website corresponding to the channel").
final class RSSChannelLink: FullURI {
    override func validate() {
        (parent as? RSSChannelBase)?.link = value
        super.validate()
    }
}

/// The channel's `title`: plain text.
final class RSSChannelTitle: NonHTML {
    override func validate() {
        (parent as? RSSChannelBase)?.title = value
        super.validate()
    }
}

/// Netscape's `blink`, never part of any RSS: `NoBlink`.
final class RSSBlink: TextValue {
    override func validate() {
        log(.noBlink, "blink is not an RSS element (and readers do not blink)")
    }
}
