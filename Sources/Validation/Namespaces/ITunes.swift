/// Apple's podcast tags (`http://www.itunes.com/dtds/podcast-1.0.dtd`), as Apple Podcasts' "RSS feed
/// requirements" and the W3C service describe them. An iTunes element anywhere in a channel or item makes
/// it a podcast, and a podcast channel should then name its language, category, explicitness and owner.
enum ITunes {
    /// Enclosure file extensions Apple Podcasts plays ("Supported file formats": audio, video, documents).
    static let playableExtensions: Set<Substring> = ["m4a", "mp3", "mov", "mp4", "m4v", "pdf", "epub"]

    /// `itunes:` elements of a channel, Atom feed, item or entry.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        let scope = element.scope
        guard !scope.isDisjoint(with: [.itunesChannel, .itunesItem]) else { return nil }
        switch element.local {
        case "author", "subtitle": return [LengthLimitedText(max: 255), NoDuplicates()]
        case "summary": return [LengthLimitedText(max: 4000), NoDuplicates()]
        case "keywords": return [LengthLimitedText(max: 255), KeywordList(), NoDuplicates()]
        case "block": return [YesNoClean(), NoDuplicates()]
        case "explicit": return [TrueFalse(), NoDuplicates()]
        case "image": return [ITunesImage(), NoDuplicates()]
        default: break
        }
        if scope.contains(.itunesChannel) {
            switch element.local {
            case "owner": return [ITunesOwner(), NoDuplicates()]
            case "category": return [ITunesCategory()]
            case "pubDate": return [RFC822Date(), NoDuplicates()]
            case "new_feed_url":
                if element.key != "itunes:new-feed-url" {
                    element.log(.undefinedElement, "Undefined \(element.parent?.name ?? "") element: \(element.key) (the tag is itunes:new-feed-url)")
                }
                return [FullURI(), NoDuplicates()]
            case "type": return [EnumeratedValue(["episodic", "serial"], rule: .invalidItunesChannelType), NoDuplicates()]
            default: return nil
            }
        }
        switch element.local {
        case "duration": return [DurationValue(), NoDuplicates()]
        case "title": return [TextValue(), NoDuplicates()]
        case "episode", "season": return [PositiveInteger(), NoDuplicates()]
        case "episodeType": return [EnumeratedValue(["full", "trailer", "bonus"], rule: .invalidItunesEpisodeType), NoDuplicates()]
        default: return nil
        }
    }

    /// A channel or Atom feed turned out to be a podcast (service: `itunes_channel.setItunes`). Apple reads
    /// podcast feeds as UTF-8 ("RSS feed requirements": "use UTF-8 character encoding"), so any other
    /// encoding is `NotUTF8`, once.
    static func setItunes(_ value: Bool, onChannel channel: ElementHandler) {
        if value, !channel.itunes {
            let encoding = channel.walker.encoding.lowercased()
            if encoding != "utf-8", encoding != "utf8" {
                channel.log(.notUTF8, "podcast feeds should be UTF-8; this one is \(channel.walker.encoding)")
            }
        }
        channel.itunes = channel.itunes || value
    }

    /// A podcast channel's recommended iTunes elements (service: `itunes_channel.validate`): Apple lists
    /// language, category and explicit as required, and the owner's e-mail is how it reaches the publisher.
    static func validateChannel(_ channel: ElementHandler) {
        if !channel.children.contains("language"), (channel.xmlLang ?? "").isEmpty {
            channel.log(.missingItunesElement, "podcast \(channel.name) has no language")
        }
        if !channel.children.contains("itunes:category") {
            channel.log(.missingItunesElement, "podcast \(channel.name) has no itunes:category")
        }
        if !channel.children.contains("itunes:explicit") {
            channel.log(.missingItunesElement, "podcast \(channel.name) has no itunes:explicit")
        }
        if !channel.children.contains("itunes:owner") {
            channel.log(.missingItunesEmail, "podcast \(channel.name) has no itunes:owner with an itunes:email")
        }
    }

    /// An item or entry turned out to be a podcast episode (service: `itunes_item.setItunes`): the channel is
    /// a podcast too, and the enclosures seen so far are checked now.
    static func setItunes(_ value: Bool, onItem item: ElementHandler) {
        guard value, !item.itunes else { return }
        item.parent?.setItunes(true)
        item.itunes = true
        let seen = item.enclosureURLs
        item.enclosureURLs = []
        for url in seen { noteEnclosure(url: url, in: item) }
    }

    /// An enclosure of an item or entry, checked for a format Apple Podcasts plays once the item is known to
    /// be an episode (service: `itunes_item.setEnclosure`).
    static func noteEnclosure(url: String, in item: ElementHandler) {
        if item.itunes {
            // The service takes whatever follows the URL's last dot as its extension.
            let ext = url.split(separator: ".", omittingEmptySubsequences: false).last ?? ""
            if !playableExtensions.contains(ext) {
                item.log(.unsupportedItunesFormat, "Apple Podcasts does not play .\(ext) enclosures")
            }
        }
        item.enclosureURLs.append(url)
    }
}

/// `itunes:block`: `yes` hides the show or episode from Apple Podcasts (`no`, and the older `clean`, do not).
final class YesNoClean: TextValue {
    override func normalizeWhitespace() {}

    override func validate() {
        switch value.lowercased() {
        case "yes", "no", "clean": break
        default: log(.invalidYesNoClean, "\(name) in \(parentName) must be yes or no, not \"\(value)\"")
        }
    }
}

/// `<itunes:image href="…"/>`: the artwork, given as an http(s) URL in an attribute, not as text.
final class ITunesImage: ElementHandler {
    override var expectedAttributes: [AttributeName]? { [AttributeName("href")] }

    override func prevalidate() {
        validateRequiredAttribute("href", with: HTTPURL())
    }
}

/// `itunes:owner`: the contact Apple writes to about the podcast; its `itunes:email` is what matters.
final class ITunesOwner: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "itunes:email": [EmailAddress(), NoDuplicates()]
        case "itunes:name": [LengthLimitedText(max: 255), NoDuplicates()]
        default: nil
        }
    }

    override func validate() {
        if !children.contains("itunes:email") {
            log(.missingElement, "\(name) has no itunes:email")
        }
    }
}

/// `<itunes:category text="…">`, possibly holding one level of subcategory: the text must be one of Apple's
/// categories ("Apple Podcasts categories"); one Apple retired draws `ObsoleteItunesCategory`.
class ITunesCategory: ElementHandler {
    /// The category named, nil when the `text` attribute is missing.
    private(set) var text: String?

    override var expectedAttributes: [AttributeName]? { [AttributeName("text")] }

    /// Whether `text` is a current category at this level, and whether it is a retired one.
    func classify(_ text: String) -> (current: Bool, retired: Bool) {
        (ITunesCategories.current[text] != nil, ITunesCategories.retired[text] != nil)
    }

    override func prevalidate() {
        guard let text = attributes["text"] else {
            log(.missingAttribute, "\(name) must have a text attribute")
            return
        }
        self.text = text
        let (current, retired) = classify(text)
        if current { return }
        if retired {
            log(.obsoleteItunesCategory, "\"\(text)\" is no longer an Apple Podcasts category")
        } else {
            log(.invalidItunesCategory, "\"\(text)\" is not an Apple Podcasts category")
        }
    }

    override func child(_ name: String) -> [ElementHandler]? {
        guard name == "itunes:category" else { return nil }
        guard let text, !text.isEmpty else { return [Eater()] }
        return [ITunesSubcategory(of: text)]
    }
}

/// An `itunes:category` inside another: a subcategory of its parent's category.
final class ITunesSubcategory: ITunesCategory {
    private let category: String

    /// - Parameter category: the enclosing category's text.
    init(of category: String) {
        self.category = category
    }

    override func classify(_ text: String) -> (current: Bool, retired: Bool) {
        (ITunesCategories.current[category]?.contains(text) ?? false, ITunesCategories.retired[category]?.contains(text) ?? false)
    }

    override func child(_ name: String) -> [ElementHandler]? { nil }
}
