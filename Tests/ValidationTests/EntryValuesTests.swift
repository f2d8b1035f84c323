import FeedModel
import Testing
import Validation

/// `EntryValues` judges an entry's verbatim values as the document check judges them in a feed.
@Suite struct EntryValuesTests {
    private func entry(id: String = "tag:example.com,2024-01-01:a", language: String? = nil, authors: [Person] = []) -> Entry {
        var entry = Entry(
            id: id, title: "T", link: "https://example.com/a/", published: Timestamp(secondsSinceEpoch: 0),
            updated: Timestamp(secondsSinceEpoch: 0), contentHTML: "<p>x</p>")
        entry.language = language
        entry.authors = authors
        return entry
    }

    @Test func aCleanEntryHasNoProblems() {
        #expect(
            EntryValues.problems(in: entry(language: "fr-CA", authors: [Person(name: "Jo", email: "jo@example.com", uri: "https://jo.example/")]))
                .isEmpty)
        #expect(EntryValues.problems(in: entry(id: "urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a")).isEmpty)
    }

    @Test(arguments: [
        ("urn:uuid:42", "InvalidUUID", Finding.Severity.error),
        ("tag:bad", "InvalidTAG", .error),
        ("not a uri", "InvalidUriChar", .error),
        ("relative/path", "InvalidFullLink", .error),
        ("HTTP://Example.com/a", "NonCanonicalURI", .warning),
    ])
    func identifiers(id: String, rule: String, severity: Finding.Severity) {
        let problems = EntryValues.problems(in: entry(id: id))
        #expect(problems.map(\.rule) == [rule])
        #expect(problems.first?.severity == severity)
    }

    @Test func languageAndAuthors() {
        #expect(EntryValues.problems(in: entry(language: "english")).map(\.rule) == ["InvalidLanguage"])
        #expect(EntryValues.problems(in: entry(authors: [Person(name: "Jo", email: "jo")])).map(\.rule) == ["InvalidAddrSpec"])
        #expect(EntryValues.problems(in: entry(authors: [Person(name: "Jo", uri: "http://bad host/")])).map(\.rule) == ["InvalidUriChar"])
    }

    /// What `EntryValues` lets through, the document check lets through: the same values in a rendered Atom
    /// entry draw no finding of these rules.
    @Test func agreesWithTheDocumentCheck() {
        let cases = ["urn:uuid:42", "tag:bad", "HTTP://Example.com/a", "https://example.com/a/", "mailto:x@example.com"]
        for id in cases {
            let document = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>https://example.com/</id>\
                <updated>2024-01-01T00:00:00Z</updated><author><name>A</name></author>\
                <link rel="self" href="https://example.com/atom.xml"/>
                <entry><title>T</title><id>\(id)</id><updated>2024-01-01T00:00:00Z</updated>\
                <link href="https://example.com/a/"/><content type="html">x</content></entry>
                </feed>
                """
            let inDocument = Set(FeedValidator.validate(bytes: Array(document.utf8)).findings.filter { $0.line == 3 }.map(\.rule))
            let alone = Set(EntryValues.problems(in: entry(id: id)).map(\.rule))
            #expect(alone == inDocument, "\(id)")
        }
    }
}
