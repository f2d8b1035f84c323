import Testing
import Validation

/// The entry points the feed builder and `crier validate` use.
@Suite struct FeedValidatorAPITests {
    static let atom = """
        <?xml version="1.0" encoding="UTF-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>t</title>
          <id>https://example.org/</id>
          <updated>2024-03-05T09:30:00Z</updated>
          <link rel="self" href="https://example.org/atom.xml"/>
          <author><name>A</name></author>
          <entry>
            <title>e</title>
            <id>https://example.org/e</id>
            <updated>2024-03-05T09:30:00Z</updated>
            <content type="html">&lt;p&gt;x&lt;/p&gt;</content>
          </entry>
        </feed>
        """

    @Test func validatesJSONFeedFromBytes() {
        let json =
            #"{"version": "https://jsonfeed.org/version/1", "title": "t", "home_page_url": "https://e.org/", "feed_url": "https://e.org/f.json", "items": []}"#
        let report = FeedValidator.validateJSONFeed(bytes: Array(json.utf8))
        #expect(report.format == .json)
        #expect(report.findings.isEmpty)
        #expect(FeedValidator.validate(bytes: Array(("\u{FEFF}\n " + json).utf8)).format == .json)
    }

    @Test func jsonFeedTypeErrorsAreWrongJSONType() {
        let json = #"{"version": "https://jsonfeed.org/version/1.1", "title": 3, "feed_url": "https://e.org/f.json", "items": {}}"#
        let rules = FeedValidator.validateJSONFeed(bytes: Array(json.utf8)).findings.map(\.rule)
        #expect(rules.filter { $0 == "WrongJSONType" }.count == 2, "\(rules)")
    }

    @Test func findingsComeInDocumentOrder() throws {
        let text = Self.atom
            .replacingOccurrences(of: "<updated>2024-03-05T09:30:00Z</updated>\n    <content", with: "<updated>bad</updated>\n    <content")
            .replacingOccurrences(of: "  <link rel=\"self\" href=\"https://example.org/atom.xml\"/>\n", with: "")
        let report = FeedValidator.validate(bytes: Array(text.utf8))
        #expect(Set(report.findings.map(\.rule)).isSuperset(of: ["MissingSelf", "InvalidRFC3339Date"]), "\(report.findings)")
        #expect(report.findings.map(\.line) == report.findings.map(\.line).sorted())
    }

    @Test func reportsAreDeterministic() {
        let bytes = Array(Self.atom.replacingOccurrences(of: "https://example.org/e", with: "e").utf8)
        #expect(FeedValidator.validate(bytes: bytes) == FeedValidator.validate(bytes: bytes))
    }

    @Test func relativeReferencesAreFineUnderXMLBase() {
        let text = Self.atom
            .replacingOccurrences(
                of: "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                with: "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://example.org/\">"
            )
            .replacingOccurrences(of: "&lt;p&gt;x&lt;/p&gt;", with: "&lt;img src=\"a.png\"&gt;")
            .replacingOccurrences(of: "<title>e</title>", with: "<title>e</title><link href=\"posts/e\"/>")
        let report = FeedValidator.validate(bytes: Array(text.utf8))
        #expect(report.findings.isEmpty, "\(report.findings)")
    }
}
