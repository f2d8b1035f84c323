import Testing

@testable import Validation

/// Atom 1.0 behaviour that one fixture per rule does not show: entry documents, links resolved against
/// `xml:base`, RFC 5005 archives, the metadata judged when the first entry starts, and where findings point.
@Suite struct AtomTests {
    static let meta = """
          <title>Example Notes</title>
          <id>https://example.org/</id>
          <updated>2024-03-05T09:30:00Z</updated>
          <author><name>Ada Example</name></author>

        """

    static func entry(
        id: String = "https://example.org/posts/first", updated: String = "2024-01-02T03:04:05Z",
        extra: String = ""
    ) -> String {
        """
          <entry>
            <title>First post</title>
            <id>\(id)</id>
            <updated>\(updated)</updated>
            <link href="https://example.org/posts/first"/>
            <summary>A summary.</summary>
        \(extra)  </entry>

        """
    }

    static func feed(_ body: String, attributes: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:fh="http://purl.org/syndication/history/1.0"\(attributes)>
        \(body)</feed>

        """
    }

    static func findings(_ document: String, at location: String? = nil) -> [Finding] {
        FeedValidator.validate(bytes: Array(document.utf8), options: ValidationOptions(documentURI: location)).findings
    }

    static func rules(_ document: String, at location: String? = nil) -> [String] {
        findings(document, at: location).map(\.rule)
    }

    // MARK: - Entry documents

    @Test func entryDocumentWithAuthorIsValid() {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <entry xmlns="http://www.w3.org/2005/Atom">
              <title>First post</title>
              <id>https://example.org/posts/first</id>
              <updated>2024-01-02T03:04:05Z</updated>
              <author><name>Ada Example</name></author>
              <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hello.</p></div></content>
            </entry>

            """
        let report = FeedValidator.validate(bytes: Array(document.utf8))
        #expect(report.format == .atom)
        #expect(report.findings.isEmpty, "\(report.findings)")
    }

    @Test func entryDocumentNeedsItsOwnAuthorAndNoSelfLink() {
        let document = """
            <?xml version="1.0" encoding="UTF-8"?>
            <entry xmlns="http://www.w3.org/2005/Atom">
              <title>First post</title>
              <id>https://example.org/posts/first</id>
              <updated>2024-01-02T03:04:05Z</updated>
              <summary>A summary.</summary>
              <link href="https://example.org/posts/first"/>
            </entry>

            """
        let found = Self.findings(document)
        #expect(found.map(\.rule) == ["MissingElement"])
        #expect(found.first?.message.contains("author") == true)
        #expect(found.first?.line == 8)
    }

    @Test func feedAuthorOrSourceAuthorStandsForTheEntrys() {
        let withoutAuthor = Self.meta.replacingOccurrences(of: "  <author><name>Ada Example</name></author>\n", with: "")
        let selfLink = "  <link rel=\"self\" href=\"https://example.org/atom.xml\"/>\n"
        #expect(Self.rules(Self.feed(selfLink + withoutAuthor + Self.entry())) == ["MissingElement"])
        let source = """
                <source>
                  <id>https://elsewhere.example/</id>
                  <title>Elsewhere</title>
                  <updated>2024-01-01T00:00:00Z</updated>
                  <author><name>Bo Example</name></author>
                </source>

            """
        #expect(Self.rules(Self.feed(selfLink + withoutAuthor + Self.entry(extra: source))).isEmpty)
    }

    // MARK: - Links and xml:base

    @Test func relativeSelfLinkResolvesAgainstXMLBase() {
        let body = "  <link rel=\"self\" href=\"atom.xml\"/>\n" + Self.meta + Self.entry()
        let document = Self.feed(body, attributes: " xml:base=\"https://example.org/feeds/\"")
        #expect(Self.rules(document, at: "https://example.org/feeds/atom.xml").isEmpty)
        #expect(Self.rules(document, at: "https://example.org/other.xml") == ["SelfDoesntMatchLocation"])
    }

    @Test func aMismatchedSelfLinkIsReportedOnce() {
        let link = "  <link rel=\"self\" href=\"https://example.org/feeds/atom.xml\"/>\n"
        let document = Self.feed(link + link + Self.meta + Self.entry())
        #expect(Self.rules(document, at: "https://example.org/atom.xml") == ["SelfDoesntMatchLocation"])
    }

    @Test func selfLinkWithoutHostIsRelativeUnlessABaseGivesOne() {
        let body = "  <link rel=\"self\" href=\"/atom.xml\"/>\n" + Self.meta + Self.entry()
        #expect(Self.rules(Self.feed(body), at: "https://example.org/atom.xml") == ["RelativeSelf"])
        #expect(Self.rules(Self.feed(body, attributes: " xml:base=\"https://example.org/\""), at: "https://example.org/atom.xml").isEmpty)
    }

    @Test func registryPrefixedRelationsAreTheRegisteredOnes() {
        let body =
            "  <link rel=\"http://www.iana.org/assignments/relation/self\" href=\"https://example.org/atom.xml\"/>\n"
            + Self.meta + Self.entry()
        #expect(Self.rules(Self.feed(body), at: "https://example.org/atom.xml").isEmpty)
        #expect(AtomLink.isAbsoluteIRI("http://example.org/rel/comments"))
        #expect(AtomLink.isAbsoluteIRI("tag:example.org,2024:rel"))
        #expect(!AtomLink.isAbsoluteIRI("comments"))
        #expect(!AtomLink.isAbsoluteIRI("/rel"))
        #expect(!AtomLink.isAbsoluteIRI("scheme:"))
    }

    @Test func authorityOfAReference() {
        #expect(AtomLink.authority(of: "https://example.org/feed") == "example.org")
        #expect(AtomLink.authority(of: "//example.org") == "example.org")
        #expect(AtomLink.authority(of: "feeds/atom.xml").isEmpty)
        #expect(AtomLink.authority(of: "mailto:ada@example.org").isEmpty)
        #expect(AtomLink.authority(of: "").isEmpty)
    }

    // MARK: - RFC 5005

    private static let selfLink = "  <link rel=\"self\" href=\"https://example.org/atom.xml\"/>\n"

    @Test func archiveWithNeighboursAndCurrentIsComplete() {
        let links = """
              <fh:archive/>
              <link rel="prev-archive" href="https://example.org/archive/1.xml"/>
              <link rel="current" href="https://example.org/atom.xml"/>

            """
        #expect(Self.rules(Self.feed(Self.selfLink + links + Self.meta + Self.entry())).isEmpty)
    }

    @Test func completeArchiveNeedsNoNeighbours() {
        let markers = "  <fh:archive/>\n  <fh:complete/>\n"
        #expect(Self.rules(Self.feed(Self.selfLink + markers + Self.meta + Self.entry())).isEmpty)
    }

    @Test func completeFeedMayNameItselfCurrent() {
        let current = "  <fh:complete/>\n  <link rel=\"current\" href=\"https://example.org/atom.xml\"/>\n"
        #expect(Self.rules(Self.feed(Self.selfLink + current + Self.meta + Self.entry())).isEmpty)
        let elsewhere = current.replacingOccurrences(of: "atom.xml", with: "current.xml")
        #expect(Self.rules(Self.feed(Self.selfLink + elsewhere + Self.meta + Self.entry())) == ["CurrentNotSelfInCompleteFeed"])
    }

    @Test func lastPageWithANextPageLinksPastTheEnd() {
        let links = """
              <link rel="last" href="https://example.org/atom.xml"/>
              <link rel="next" href="https://example.org/page/3.xml"/>

            """
        #expect(Self.rules(Self.feed(Self.selfLink + links + Self.meta + Self.entry())) == ["LinkPastEnd"])
    }

    // MARK: - Metadata and entries

    @Test func metadataIsJudgedWhenTheFirstEntryStarts() {
        let body =
            Self.selfLink + Self.meta.replacingOccurrences(of: "  <title>Example Notes</title>\n", with: "")
            + Self.entry() + "  <title>Late title</title>\n"
        let found = Self.findings(Self.feed(body))
        #expect(found.map(\.rule) == ["MissingElement", "MisplacedMetadata"])
        // MissingElement points at the feed's start tag, where the service points.
        #expect(found.first?.line == 2 && found.first?.column == 0)
    }

    @Test func tenEntriesWithOneIdAreOneDuplicateIds() {
        let entries = (1...10).map { Self.entry(id: "https://example.org/", updated: "2024-01-\(10 + $0)T03:04:05Z") }.joined()
        #expect(Self.rules(Self.feed(Self.selfLink + Self.meta + entries)) == ["DuplicateIds"])
        // Past the per-rule limit on stored findings too.
        let many = (0..<150).map { index in
            let minute = index % 60
            return Self.entry(id: "https://example.org/", updated: "2024-01-01T\(index / 60 + 10):\(minute < 10 ? "0" : "")\(minute):00Z")
        }
        #expect(Self.rules(Self.feed(Self.selfLink + Self.meta + many.joined())) == ["DuplicateIds"])
        let nine = (1...9).map { Self.entry(id: "https://example.org/", updated: "2024-01-\(10 + $0)T03:04:05Z") }.joined()
        #expect(Self.rules(Self.feed(Self.selfLink + Self.meta + nine)) == Array(repeating: "DuplicateEntries", count: 8))
    }

    @Test func blankEmptyElementPointsAfterItsTag() {
        let body = Self.selfLink + Self.meta + Self.entry().replacingOccurrences(of: "<title>First post</title>", with: "<title/>")
        let found = Self.findings(Self.feed(body))
        #expect(found.map(\.rule) == ["NotBlank"])
        #expect(found.first?.column == 12)
    }

    // MARK: - Text constructs and content

    @Test func atom03EscapedModeIsNotEscapedAndUnexpected() {
        let content = """
                <content type="xhtml" mode="escaped"><div xmlns="http://www.w3.org/1999/xhtml">Hello.</div></content>

            """
        #expect(Set(Self.rules(Self.feed(Self.selfLink + Self.meta + Self.entry(extra: content)))) == ["NotEscaped", "UnexpectedAttribute"])
    }

    @Test func textBeforeTheXHTMLDivIsOutsideIt() {
        let content = """
                <content type="xhtml">Hello <div xmlns="http://www.w3.org/1999/xhtml">world</div></content>

            """
        #expect(Self.rules(Self.feed(Self.selfLink + Self.meta + Self.entry(extra: content))).contains("MissingXhtmlDiv"))
    }

    @Test func binaryContentIsBase64AndNeedsASummary() {
        let picture = "    <content type=\"image/png\">iVBORw0K\nGgo=</content>\n"
        let withoutSummary = Self.entry(extra: picture).replacingOccurrences(of: "    <summary>A summary.</summary>\n", with: "")
        #expect(Self.rules(Self.feed(Self.selfLink + Self.meta + withoutSummary)) == ["MissingSummary"])
        #expect(Self.rules(Self.feed(Self.selfLink + Self.meta + Self.entry(extra: picture))).isEmpty)
    }

    @Test func base64DecodesAsReadersDo() {
        #expect(AtomBase64.decode("SGVsbG8=") == Array("Hello".utf8))
        #expect(AtomBase64.decode("SGVs\r\nbG8h") == Array("Hello!".utf8))
        // Padding ends the data; what follows is ignored.
        #expect(AtomBase64.decode("SGVsbG8=ignored") == Array("Hello".utf8))
        #expect(AtomBase64.decode("") == [])
        #expect(AtomBase64.decode("SGVsbG8") == nil)
        #expect(AtomBase64.decode("SGVsb") == nil)
        #expect(AtomBase64.decode("SGVsbG8é") == nil)
    }
}
