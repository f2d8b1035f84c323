/// Microsoft's FeedSync (`http://feedsync.org/2007/feedsync`, FeedSync 1.0, formerly Simple Sharing
/// Extensions): `sx:sharing` on the feed says what it shares, `sx:sync` on each item carries its version
/// history so two endpoints can merge their copies.
enum FeedSync {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        switch element.local {
        case "sharing": return element.scope.contains(.channel) ? [Sharing()] : nil
        case "sync": return element.scope.contains(.item) ? [Sync()] : nil
        default: return nil
        }
    }

    /// Whether the text is a URN namespace-specific string (RFC 2141 section 2.2): URN characters and
    /// `%XX` escapes, as FeedSync ids and `by` names are.
    static func isNamespaceSpecificString(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty else { return false }
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "%" {
                guard index + 2 < scalars.count, scalars[index + 1].properties.isASCIIHexDigit,
                    scalars[index + 2].properties.isASCIIHexDigit
                else { return false }
                index += 3
                continue
            }
            guard scalar.isASCII,
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || "()+,-.:=@;$_!*'/?#".unicodeScalars.contains(scalar)
            else { return false }
            index += 1
        }
        return true
    }
}

/// `sx:sharing` (FeedSync section 3.1): the window of items shared (`since` and `until`, given together) and
/// when the sharing expires; `sx:related` children name related feeds.
final class Sharing: ElementHandler {
    override var expectedAttributes: [AttributeName]? { ["expires", "since", "until"].map { AttributeName($0) } }

    override func prevalidate() {
        let since = attributes["since"]
        let until = attributes["until"]
        if until != nil { validateRequiredAttribute("since", with: RFC3339Date()) } else { validateOptionalAttribute("since", with: RFC3339Date()) }
        if since != nil { validateRequiredAttribute("until", with: RFC3339Date()) } else { validateOptionalAttribute("until", with: RFC3339Date()) }
        validateOptionalAttribute("expires", with: RFC3339Date())
        // Both are RFC 3339 date-times; compared as text, as the service does.
        if let since, let until, since > until {
            log(.sinceAfterUntil, "since of \(name) is after its until")
        }
    }

    override func child(_ name: String) -> [ElementHandler]? {
        name == "sx:related" ? [RelatedFeed()] : nil
    }
}

/// `sx:related` (FeedSync section 3.2): a feed holding the complete or aggregated set of items.
final class RelatedFeed: ElementHandler {
    override var expectedAttributes: [AttributeName]? { ["link", "title", "type"].map { AttributeName($0) } }

    override func prevalidate() {
        validateRequiredAttribute("link", with: FullURI())
        validateOptionalAttribute("title", with: NonHTML())
        validateOptionalAttribute("title", with: NonBlank())
        validateRequiredAttribute("type", with: EnumeratedValue(["complete", "aggregated"], rule: .invalidSseType))
    }
}

/// `sx:sync` (FeedSync section 3.3): an item's id, unique in the feed, its version count, whether it was
/// deleted, and its history.
final class Sync: ElementHandler {
    override var expectedAttributes: [AttributeName]? { ["deleted", "noconflicts", "id", "updates"].map { AttributeName($0) } }

    override func prevalidate() {
        validateOptionalAttribute("deleted", with: TrueFalseStrict())
        validateOptionalAttribute("noconflicts", with: TrueFalseStrict())
        if let feed = parent?.parent {
            validateRequiredAttribute("id", with: Unique("id", in: feed))
        }
        validateOptionalAttribute("id", with: NamespaceSpecificString())
        validateRequiredAttribute("updates", with: UInt31())
    }

    override func validate() {
        if !children.contains("sx:history") {
            log(.missingElement, "\(name) has no sx:history")
        }
    }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "sx:history": [SyncHistory()]
        case "sx:conflicts": [SyncConflicts()]
        default: nil
        }
    }
}

/// `sx:history` (FeedSync section 3.4): one update, its sequence number, and who made it when; one of `by`
/// and `when` at least, both preferably.
final class SyncHistory: ElementHandler {
    override var expectedAttributes: [AttributeName]? { ["by", "sequence", "when"].map { AttributeName($0) } }

    override func prevalidate() {
        validateOptionalAttribute("by", with: NonHTML())
        validateOptionalAttribute("by", with: NonBlank())
        validateOptionalAttribute("by", with: NamespaceSpecificString())
        validateRequiredAttribute("sequence", with: UInt31())
        validateOptionalAttribute("when", with: RFC3339Date())
        switch (attributes.contains("by"), attributes.contains("when")) {
        case (false, true): log(.missingRecommendedAttribute, "\(name) has a when but no by")
        case (true, false): log(.missingRecommendedAttribute, "\(name) has a by but no when")
        case (false, false): log(.missingByAndWhenAttrs, "\(name) must say who made the update (by) or when (when)")
        case (true, true): break
        }
    }
}

/// `sx:conflicts` (FeedSync section 3.5): the conflicting versions of the item, as items or entries.
final class SyncConflicts: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "item": [feedKind == .rss1 ? RSS10Item() : RSSItem()]
        case "entry": [AtomEntry()]
        default: nil
        }
    }
}

/// An RFC 2141 namespace-specific string (`InvalidNSS`).
final class NamespaceSpecificString: TextValue {
    override func validate() {
        if !FeedSync.isNamespaceSpecificString(value) {
            log(.invalidNSS, "\(name) of \(parentName) must be URN characters only, not \"\(value.prefix(80))\"")
        }
    }
}
