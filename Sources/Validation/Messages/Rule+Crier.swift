/// Rules of Crier's own, for what the W3C service has no class for.
extension Rule {
    /// Not a feed format Crier reads (RSS 0.90–2.0, RSS 1.0, Atom 1.0, JSON Feed 1.x): nothing else can be
    /// checked, so an error.
    static let unknownFormat = Rule("UnknownFormat", .error)
    /// A document that is not well-formed JSON (the W3C service's `SAXError` is about XML).
    static let notWellFormed = Rule("NotWellFormed", .error)

    /// A document of a kind the W3C service knows but Crier does not check (an Atom Publishing Protocol
    /// service or categories document, OPML, KML, OpenSearch, XRD): a warning, since nothing says it is wrong.
    static let unsupportedFormat = Rule("UnsupportedFormat", .warning)

    /// Crier's rules, for lookups by name.
    static let crierRules: [Rule] = [unknownFormat, notWellFormed, unsupportedFormat]
}

/// JSON Feed rules, written from the JSON Feed 1.0 and 1.1 specifications (https://jsonfeed.org/version/1.1):
/// what the specification requires is an error, what it recommends a warning. Where the W3C service has a
/// class with the same meaning (`MissingElement`, `InvalidRFC3339Date`, `DuplicateEntries`, `MissingSelf`,
/// `ContainsHTML`, `BadCharacters`...), JSON Feed findings use it.
extension Rule {
    /// A member holds the wrong kind of JSON value ("`title` (required, string)" given a number).
    static let wrongJSONType = Rule("WrongJSONType", .error)
    /// An item has neither `content_html` nor `content_text` ("one or both must be present").
    static let missingItemContent = Rule("MissingItemContent", .error)
    /// An author object without `name`, `url` or `avatar` ("if you provide an author object, then at least
    /// one is required").
    static let emptyAuthor = Rule("EmptyAuthor", .error)
    /// `next_url` equal to `feed_url` ("must not be the same as feed_url"): a reader following it loops.
    static let nextURLIsFeedURL = Rule("NextURLIsFeedURL", .error)
    /// An extension key not of the form `_name` with a letter after the `_`, or containing a `.`.
    static let invalidExtensionKey = Rule("InvalidExtensionKey", .error)
    /// A version URL readers accept but the specification does not spell so
    /// (`http://jsonfeed.org/version/1` instead of `https://jsonfeed.org/version/1`).
    static let nonStandardVersion = Rule("NonStandardVersion", .warning)
    /// No `home_page_url`: "optional but strongly recommended … should be considered as required" on the web.
    static let missingHomePageURL = Rule("MissingHomePageURL", .warning)
    /// An item without `url`: "This may be the same as the id — but should be present regardless."
    static let missingItemURL = Rule("MissingItemURL", .warning)
    /// A 1.1 feed with the deprecated singular `author` and no `authors`: "New feeds should use authors."
    static let deprecatedAuthor = Rule("DeprecatedAuthor", .warning)
    /// A member the specification does not define and that is not an extension (`_name`): readers ignore
    /// it, and a misspelt standard member (`titel`) loses its value.
    static let unknownMember = Rule("UnknownMember", .warning)

    /// The JSON Feed rules, for lookups by name.
    static let jsonFeedRules: [Rule] = [
        wrongJSONType, missingItemContent, emptyAuthor, nextURLIsFeedURL, invalidExtensionKey,
        nonStandardVersion, missingHomePageURL, missingItemURL, deprecatedAuthor, unknownMember,
    ]
}
