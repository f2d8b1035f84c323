import Testing

@testable import Validation

/// Which extension elements are allowed where, and the small syntaxes of extension values: the parts of the
/// extensions family a fixture cannot pin down one by one.
@Suite struct ExtensionElementsTests {
    /// The handler types an extension child gets in a context, nil when it is not allowed there.
    static func handlerTypes(_ key: String, in context: ExtensionContext) -> [String]? {
        ExtensionElements.handlers(for: key, scope: context.scope, parent: nil)?.map { String(describing: type(of: $0)) }
    }

    @Test func elementsGoWhereTheirSpecificationPutsThem() {
        // Media RSS groups and contents belong to items; the metadata elements go on channels too.
        #expect(Self.handlerTypes("media:content", in: .rssItem) == ["MediaContent"])
        #expect(Self.handlerTypes("media:content", in: .rssChannel) == nil)
        #expect(Self.handlerTypes("media:title", in: .rssChannel) == ["MediaTitle", "NoDuplicates"])
        // Syndication describes a channel's schedule, Slash an item's comments.
        #expect(Self.handlerTypes("sy:updateFrequency", in: .atomFeed) != nil)
        #expect(Self.handlerTypes("sy:updateFrequency", in: .rssItem) == nil)
        #expect(Self.handlerTypes("slash:comments", in: .atomEntry) != nil)
        #expect(Self.handlerTypes("slash:comments", in: .rssChannel) == nil)
        // iTunes splits podcast-level and episode-level elements.
        #expect(Self.handlerTypes("itunes:owner", in: .rssChannel) != nil)
        #expect(Self.handlerTypes("itunes:owner", in: .rssItem) == nil)
        #expect(Self.handlerTypes("itunes:duration", in: .rssItem) != nil)
        #expect(Self.handlerTypes("itunes:duration", in: .atomFeed) == nil)
        // Dublin Core is allowed everywhere; its twins of core fields only where the core field exists.
        #expect(Self.handlerTypes("dc:rights", in: .everywhere) != nil)
        #expect(Self.handlerTypes("dc:creator", in: .everywhere) != nil)
        #expect(ExtensionElements.handlers(for: "dc:creator", scope: .everywhere, parent: nil) == nil)
        // An RSS item may repeat dc:date; a channel may not.
        #expect(Self.handlerTypes("dc:date", in: .rssItem) == ["W3CDTFDate"])
        #expect(Self.handlerTypes("dc:date", in: .rssChannel) == ["W3CDTFDate", "NoDuplicates"])
        // TrackBack pings are RDF resources in RSS 1.0, URLs elsewhere.
        #expect(Self.handlerTypes("trackback:ping", in: .rss10Item) == ["RDFResourceURI", "NoDuplicates"])
        #expect(Self.handlerTypes("trackback:ping", in: .rssItem) == ["FullURI", "NoDuplicates"])
        #expect(Self.handlerTypes("trackback:ping", in: .rssChannel) == nil)
        // Unknown names of a known vocabulary and unknown vocabularies are not extension elements.
        #expect(Self.handlerTypes("dc:colour", in: .rssItem) == nil)
        #expect(Self.handlerTypes("foo:bar", in: .rssItem) == nil)
        #expect(Self.handlerTypes("title", in: .rssItem) == nil)
    }

    @Test func hyphenatedNamesMatchLikeUnderscoredOnes() {
        #expect(Self.handlerTypes("slash:hit-parade", in: .rssItem) == Self.handlerTypes("slash:hit_parade", in: .rssItem))
        #expect(Self.handlerTypes("thr:in-reply-to", in: .atomEntry) == ["InReplyTo"])
        #expect(Self.handlerTypes("itunes:new-feed-url", in: .rssChannel) == ["FullURI", "NoDuplicates"])
    }

    @Test func questionableElementsAreTheOnesAllowedAnywhereAndAtomsOwn() {
        #expect(Questionable.handlers(for: "dc:subject") == nil)
        #expect(Questionable.handlers(for: "dc:title") != nil)
        #expect(Questionable.handlers(for: "atom:updated") != nil)
        #expect(Questionable.handlers(for: "app:collection") != nil)
        #expect(Questionable.handlers(for: "atom:entry") == nil)
        #expect(Questionable.handlers(for: "media:title") == nil)
    }

    @Test(arguments: [
        ("r (cz 1 lz 1 nz 1 oz 1 vz 1)", true), ("r (nz 0 sz 0)", true), ("r (na 1 vj 1)", true),
        ("r (nd 1)", false), ("r (cz 2)", false), ("r (na 0)", false), ("r ()", false), ("(nz 0)", false), ("r (nz 0 )", false),
    ])
    func icraLabels(label: String, valid: Bool) {
        #expect(MediaRating.isICRALabel(label) == valid)
    }

    @Test func playTimesStartWithSecondsOrNow() {
        #expect(MediaRSS.isPlayTime("now"))
        #expect(MediaRSS.isPlayTime("12.5"))
        #expect(MediaRSS.isPlayTime("1:02:03.5"))
        #expect(!MediaRSS.isPlayTime("noon"))
        #expect(!MediaRSS.isPlayTime(""))
    }

    @Test func decimalNumbers() {
        #expect(ExtensionSyntax.isDecimal("-12.5"))
        #expect(ExtensionSyntax.isDecimal("+3"))
        #expect(ExtensionSyntax.isDecimal("7."))
        #expect(!ExtensionSyntax.isDecimal(".5"))
        #expect(!ExtensionSyntax.isDecimal("-"))
        #expect(ExtensionSyntax.isDecimal("3", signed: false))
        #expect(!ExtensionSyntax.isDecimal("-3", signed: false))
        #expect(ExtensionSyntax.startsWithNumber("128kbps"))
        #expect(!ExtensionSyntax.startsWithNumber("fast"))
    }

    @Test func coordinateListsWithCommas() {
        // The pattern the service applies reads one character after each separator: only short numbers pass.
        #expect(CoordinateList.isCommaPairList("45,1 46,2"))
        #expect(!CoordinateList.isCommaPairList("45,1"))
        #expect(!CoordinateList.isCommaPairList("45.256,-110.45 46.46,-109.48"))
    }

    @Test func feedFlareLinksInRSSMustBeAbsolute() {
        #expect(Feedburner.isAbsoluteURI("https://example.org/flare"))
        #expect(Feedburner.isAbsoluteURI("mailto:ada@example.org"))
        #expect(!Feedburner.isAbsoluteURI("flare/digg"))
        #expect(!Feedburner.isAbsoluteURI("https://example.org/a b"))
        #expect(!Feedburner.isAbsoluteURI("https:"))
    }

    @Test func feedSyncIdsAreURNStrings() {
        #expect(FeedSync.isNamespaceSpecificString("item-1"))
        #expect(FeedSync.isNamespaceSpecificString("urn:example:a%20b"))
        #expect(!FeedSync.isNamespaceSpecificString("item 1"))
        #expect(!FeedSync.isNamespaceSpecificString("a%2"))
        #expect(!FeedSync.isNamespaceSpecificString(""))
    }

    @Test func searchTermsMustReadBackTheSameOnceEncoded() {
        #expect(URLEncodedTerms.isEncoded("cats%20and%20dogs"))
        #expect(URLEncodedTerms.isEncoded("caf%C3%A9"))
        #expect(!URLEncodedTerms.isEncoded("cats&dogs"))
        // An escape of a character that needs none does not survive decoding and encoding again.
        #expect(!URLEncodedTerms.isEncoded("%41"))
    }

    @Test func iTunesCategoriesKnowTheirSubcategories() {
        #expect(ITunesCategories.current["Technology"] == [])
        #expect(ITunesCategories.current["Sports"]?.contains("Golf") == true)
        #expect(ITunesCategories.current["Games & Hobbies"] == nil)
        #expect(ITunesCategories.retired["Games & Hobbies"]?.contains("Video Games") == true)
    }
}
