import Testing

@testable import Validation

/// The RSS family's rules where one fixture per rule cannot show them: rules that never come alone, where
/// findings point, and what must stay silent.
@Suite struct RSSFormatTests {
    static func findings(_ xml: String) -> [Finding] {
        FeedValidator.validate(bytes: Array(xml.utf8)).findings
    }

    static func rules(_ xml: String) -> Set<String> {
        Set(findings(xml).map(\.rule))
    }

    /// An RSS 2.0 feed with a self link and one item; `channel` and `item` are added to them.
    static func rss(version: String = "2.0", channel: String = "", item: String = "", after: String = "") -> String {
        """
        <rss version="\(version)" xmlns:atom="http://www.w3.org/2005/Atom">
        <channel>
        <title>Example</title>
        <link>https://example.org/</link>
        <description>Notes</description>
        <atom:link rel="self" href="https://example.org/rss.xml" type="application/rss+xml"/>
        \(channel)
        <item>
        <title>One</title>
        <guid>https://example.org/1</guid>
        \(item)
        </item>
        \(after)
        </channel>
        </rss>
        """
    }

    @Test func aPlainFeedHasNoFindings() {
        #expect(Self.findings(Self.rss()).isEmpty)
    }

    @Test func everyItemBeforeMetadataIsFlaggedWhereItStarts() {
        let xml = Self.rss(after: "<item><title>Two</title><guid>https://example.org/2</guid></item>\n<ttl>60</ttl>\n<copyright>me</copyright>")
        let misplaced = Self.findings(xml).filter { $0.rule == "MisplacedItem" }
        // Both items, once each (the second metadata element finds none left to flag), at their start tags.
        #expect(misplaced.map(\.line) == [8, 13])
        #expect(misplaced.allSatisfy { $0.column == 0 })
    }

    @Test func guidAndSelfLinkDependOnTheVersion() {
        let noGuidNoSelf = """
            <rss version="VERSION"><channel><title>t</title><link>https://example.org/</link><description>d</description>
            <item><title>One</title></item></channel></rss>
            """
        let two = Self.rules(noGuidNoSelf.replacingOccurrences(of: "VERSION", with: "2.0"))
        #expect(two == ["MissingGuid", "MissingAtomSelfLink"])
        // 0.92 items need no guid, and only RSS 2.0 channels are asked for a self link.
        #expect(Self.rules(noGuidNoSelf.replacingOccurrences(of: "VERSION", with: "0.92")).isEmpty)
        // The 0.9x family is read as RSS too, but 0.93 and 0.94 never were published versions.
        #expect(Self.rules(noGuidNoSelf.replacingOccurrences(of: "VERSION", with: "0.94")) == ["InvalidRSSVersion"])
    }

    @Test func selfLinkMayUseTheRegistryURI() {
        let xml = Self.rss().replacingOccurrences(of: "rel=\"self\"", with: "rel=\"http://www.iana.org/assignments/relation/self\"")
        #expect(!Self.rules(xml).contains("MissingAtomSelfLink"))
        let alternate = Self.rss().replacingOccurrences(of: "rel=\"self\"", with: "rel=\"alternate\"")
        #expect(Self.rules(alternate).contains("MissingAtomSelfLink"))
    }

    @Test func aDayHasTwentyFourHoursAndAWeekSevenDays() {
        let hours = (0..<24).map { "<hour>\($0)</hour>" }.joined() + "<hour>24</hour>"
        let skipHours = Self.rules(Self.rss(channel: "<skipHours>\(hours)</skipHours>"))
        // 24 is midnight again: written as 24 and listed twice, besides one hour too many.
        #expect(skipHours == ["NotEnoughHoursInTheDay", "UseZeroForMidnight", "DuplicateValue"])
        let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Monday"]
        let skipDays = Self.rules(Self.rss(channel: "<skipDays>\(days.map { "<day>\($0)</day>" }.joined())</skipDays>"))
        #expect(skipDays == ["EightDaysAWeek", "DuplicateValue"])
    }

    @Test func aBlankImageTitleAlsoDiffersFromTheChannelTitle() {
        let image = "<image><url>https://example.org/a.png</url><title> </title><link>https://example.org/</link></image>"
        #expect(Self.rules(Self.rss(channel: image)) == ["NotBlank", "ImageTitleDoesntMatch"])
    }

    @Test func theImageIsComparedOnlyWithWhatTheChannelSaidBeforeIt() {
        let xml = """
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
            <image><url>https://example.org/a.png</url><title>Logo</title><link>https://example.org/about</link></image>
            <title>Example</title><link>https://example.org/</link><description>d</description>
            <atom:link rel="self" href="https://example.org/rss.xml"/></channel></rss>
            """
        #expect(Self.rules(xml).isEmpty)
    }

    @Test func extensionAttributesAreAllowedWhenTheChannelFollowsTheBoardsSpecification() {
        let attribute = "<rss version=\"2.0\" xmlns:x=\"http://example.org/x#\""
        let withAttribute = Self.rss(item: "<link x:kind=\"main\">https://example.org/1</link>")
            .replacingOccurrences(of: "<rss version=\"2.0\"", with: attribute)
        #expect(Self.rules(withAttribute).contains("UseOfExtensionAttr"))
        let boardDocs = withAttribute.replacingOccurrences(
            of: "<title>Example</title>",
            with: "<title>Example</title><docs>http://www.rssboard.org/rss-specification</docs>")
        #expect(!Self.rules(boardDocs).contains("UseOfExtensionAttr"))
    }

    @Test func coreElementsAfterTheirDublinCoreTwinsAreDuplicateSemantics() {
        let dc = "<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        let channel = Self.rss(channel: "<dc:date>2024-03-05T09:30:00Z</dc:date><pubDate>Tue, 05 Mar 2024 09:30:00 GMT</pubDate>")
            .replacingOccurrences(of: "<rss version=\"2.0\"", with: dc)
        #expect(Self.findings(channel).contains { $0.rule == "DuplicateSemantics" && $0.severity == .warning })
        let item = Self.rss(item: "<dc:creator>Ada</dc:creator><author>ada@example.org (Ada)</author>")
            .replacingOccurrences(of: "<rss version=\"2.0\"", with: dc)
        #expect(Self.rules(item).contains("DuplicateItemSemantics"))
    }

    @Test func rss090NeedsNoAboutAttributes() {
        let xml = """
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
            <channel><title>Example</title><link>https://example.org/</link><description>Notes</description></channel>
            <item><title>One</title><link>https://example.org/1</link></item>
            </rdf:RDF>
            """
        #expect(Self.findings(xml).isEmpty)
        #expect(FeedValidator.validate(bytes: Array(xml.utf8)).format == .rss)
    }

    @Test func rss11ChannelHoldsItsItems() {
        let xml = """
            <Channel xmlns="http://purl.org/net/rss1.1#" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
              rdf:about="https://example.org/">
            <title>Example</title><link>https://example.org/</link><description>Notes</description>
            <image rdf:parseType="Resource"><title>Example</title><url>https://example.org/a.png</url></image>
            <items rdf:parseType="Collection">
            <item rdf:about="https://example.org/1"><title>One</title><link>https://example.org/1</link></item>
            </items>
            </Channel>
            """
        #expect(Self.findings(xml).isEmpty)
        #expect(Self.rules(xml.replacingOccurrences(of: "<item ", with: "<rdf:Seq/><item ")) == ["UndefinedElement"])
    }

    /// An RSS 1.0 document with one extension element in the item, of a namespace the validator does not know.
    static func rdf(extension element: String) -> String {
        """
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
          xmlns:x="http://example.org/x#">
        <channel rdf:about="https://example.org/"><title>Example</title><link>https://example.org/</link>
        <description>Notes</description><items><rdf:Seq><rdf:li rdf:resource="https://example.org/1"/></rdf:Seq></items></channel>
        <item rdf:about="https://example.org/1"><title>One</title><link>https://example.org/1</link>\(element)</item>
        </rdf:RDF>
        """
    }

    @Test func extensionsInRSS10AreCheckedAsRDF() {
        // The namespace is unknown, which is only a warning; what matters is what comes besides it.
        #expect(Self.rules(Self.rdf(extension: "<x:note>plain</x:note>")) == ["UnknownNamespace"])
        #expect(Self.rules(Self.rdf(extension: "<x:note>some <x:b>bold</x:b> text</x:note>")) == ["UnknownNamespace", "InvalidRDF"])
        let literal = "<x:note rdf:parseType=\"Literal\">some <x:b>bold</x:b> text</x:note>"
        #expect(Self.rules(Self.rdf(extension: literal)) == ["UnknownNamespace"])
        // A resource inside a property, named like the channel.
        let reused = "<x:maker><x:Agent rdf:about=\"https://example.org/\"/></x:maker>"
        #expect(Self.rules(Self.rdf(extension: reused)) == ["UnknownNamespace", "DuplicateValue"])
    }

    /// An RSS 1.0 document whose item holds `element`, with the namespaces it needs declared.
    static func rdfItem(holding element: String) -> String {
        rdf(extension: element)
            .replacingOccurrences(
                of: "xmlns:x=\"http://example.org/x#\"",
                with: "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:rdfs=\"http://www.w3.org/2000/01/rdf-schema#\"")
    }

    @Test func rss10IsReadAsRDFXML() {
        // A property holds one resource: the second is InvalidRDF where it ends.
        let twoValues = "<dc:creator><rdfs:Resource/><rdfs:Resource/></dc:creator>"
        let findings = Self.findings(Self.rdfItem(holding: twoValues))
        #expect(findings.map(\.rule) == ["InvalidRDF"])
        #expect(findings.first?.line == 5)
        // A property given its value by rdf:resource takes no resource inside it either.
        #expect(
            Self.rules(Self.rdfItem(holding: "<dc:creator rdf:resource=\"https://example.org/ada\"><rdfs:Resource/></dc:creator>"))
                == ["InvalidRDF"])
        // rdf:parseType="Resource" makes the children properties of a blank node: nothing wrong.
        #expect(
            Self.rules(Self.rdfItem(holding: "<dc:creator rdf:parseType=\"Resource\"><rdfs:label>Ada</rdfs:label></dc:creator>"))
                .isEmpty)
    }

    @Test func theRDFReadingStopsWhereTheServicesParserGivesUp() {
        // rdf:about on a property, as its first attribute: the service's RDF parser stops there, so the second
        // resource in dc:creator after it is not reported.
        let stops = "<dc:subject rdf:about=\"https://example.org/t\"/><dc:creator><rdfs:Resource/><rdfs:Resource/></dc:creator>"
        #expect(Self.findings(Self.rdfItem(holding: stops)).filter { $0.rule == "InvalidRDF" }.count == 1)
        // After another attribute it reads on.
        let goesOn = "<dc:subject dc:x=\"1\" rdf:about=\"https://example.org/t\"/><dc:creator><rdfs:Resource/><rdfs:Resource/></dc:creator>"
        #expect(Self.findings(Self.rdfItem(holding: goesOn)).filter { $0.rule == "InvalidRDF" }.count == 2)
    }

    @Test func rdfIdentifiersAreXMLNames() {
        #expect(RDFXMLGrammar.isNCName("item-1"))
        #expect(RDFXMLGrammar.isNCName("_x"))
        #expect(!RDFXMLGrammar.isNCName("1item"))
        #expect(!RDFXMLGrammar.isNCName("a:b"))
        #expect(!RDFXMLGrammar.isNCName(""))
    }

    @Test func aChannelWithThousandsOfItemsIsCheckedOnce() {
        let items = (0..<5_000).map { "<item><title>\($0)</title><guid>https://example.org/\($0)</guid></item>" }.joined()
        let xml = Self.rss(after: items + "<ttl>60</ttl>")
        let misplaced = Self.findings(xml).filter { $0.rule == "MisplacedItem" }
        // 5,001 items, all before the ttl: findings of one rule are kept up to the limit, the rest counted.
        #expect(misplaced.count == 101)
        #expect(misplaced.contains { $0.message.hasPrefix("4901 more MisplacedItem") })
    }
}
