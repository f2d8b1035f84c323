import Foundation
import Testing

@testable import Validation

/// `AssembledDocumentCheck` validates a document a batch of entries at a time; its report must be exactly
/// the report of validating the assembled document whole: same findings, lines, entry numbers and order.
@Suite struct AssembledDocumentCheckTests {
    /// A document as its parts, with problems planted in chosen entries.
    struct Parts {
        var head: String
        var fragments: [String]
        var tail: String
        var separator: String

        var whole: [UInt8] { Array((head + fragments.joined(separator: separator) + tail).utf8) }

        /// Checks the parts, handing them over in windows of `window` entries.
        func assembledReport(window: Int) -> ValidationReport {
            var check = AssembledDocumentCheck(
                head: Array(head.utf8), tail: Array(tail.utf8),
                separator: Array(separator.utf8), session: ValidationSession())
            var start = 0
            while start < fragments.count {
                let end = min(start + window, fragments.count)
                check.add(fragments[start..<end].map { Array($0.utf8) })
                start = end
            }
            return check.finish()
        }
    }

    /// What entry `index` carries: most are fine, some break one rule each, in different batches.
    enum Flaw: CaseIterable {
        case none, badDate, relativeLink, script, duplicateOfFirst, duplicateInBatch, missingTitle
    }

    static func flaw(of index: Int) -> Flaw {
        switch index {
        case 7, 230: .badDate
        case 120: .relativeLink
        case 150, 301: .script
        case 260: .duplicateOfFirst
        case 41, 42: .duplicateInBatch
        case 199: .missingTitle
        default: .none
        }
    }

    static func atom(entries: Int, feedAuthor: Bool = true) -> Parts {
        let head = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom">
              <title>Assembled</title>
              <id>https://example.org/</id>
              <updated>2024-03-05T09:30:00Z</updated>
              <link rel="self" href="https://example.org/atom.xml"/>
            \(feedAuthor ? "  <author><name>Ada</name></author>\n" : "")
            """
        let fragments = (0..<entries).map { index -> String in
            let flaw = flaw(of: index)
            let id = flaw == .duplicateOfFirst ? 0 : flaw == .duplicateInBatch ? 41 : index
            let date = flaw == .badDate ? "yesterday" : "2024-03-05T09:30:00Z"
            let href = flaw == .relativeLink ? "/posts/\(index)" : "https://example.org/posts/\(index)"
            let body = flaw == .script ? "&lt;p&gt;Hi&lt;script&gt;x()&lt;/script&gt;&lt;/p&gt;" : "&lt;p&gt;Entry \(index) “quoted”&lt;/p&gt;"
            // Atom requires a title: leaving it out is a grammar error, tested on its own below.
            let title = "    <title>Entry \(index)</title>\n"
            return "  <entry>\n\(title)    <id>https://example.org/posts/\(id)</id>\n    <updated>\(date)</updated>\n"
                + "    <link href=\"\(href)\"/>\n    <content type=\"html\">\(body)</content>\n  </entry>\n"
        }
        return Parts(head: head, fragments: fragments, tail: "</feed>\n", separator: "")
    }

    static func rss(entries: Int) -> Parts {
        let head = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel>
              <title>Assembled</title>
              <link>https://example.org/</link>
              <description>Parts</description>

            """
        let fragments = (0..<entries).map { index -> String in
            let flaw = flaw(of: index)
            let id = flaw == .duplicateOfFirst ? 0 : flaw == .duplicateInBatch ? 41 : index
            let date = flaw == .badDate ? "Tue, 05 Mar 2024 09:30:00 +0000" : "Wed, 05 Mar 2025 09:30:00 +0000"
            let link = flaw == .relativeLink ? "/posts/\(index)" : "https://example.org/posts/\(index)"
            let body = flaw == .script ? "&lt;script&gt;x()&lt;/script&gt;" : "&lt;p&gt;Entry \(index)&lt;/p&gt;"
            let title = flaw == .missingTitle ? "" : "    <title>Entry \(index)</title>\n"
            let description = flaw == .missingTitle ? "" : "    <description>\(body)</description>\n"
            return "  <item>\n\(title)    <link>\(link)</link>\n"
                + "    <guid>https://example.org/posts/\(id)</guid>\n    <pubDate>\(date)</pubDate>\n\(description)  </item>\n"
        }
        // No self link: a head finding every batch repeats, to be reported once.
        return Parts(head: head, fragments: fragments, tail: "</channel>\n</rss>\n", separator: "")
    }

    static func json(entries: Int) -> Parts {
        let head = """
            {
              "version": "https://jsonfeed.org/version/1.1",
              "title": "Assembled",
              "items": [

            """
        let fragments = (0..<entries).map { index -> String in
            let flaw = flaw(of: index)
            let id = flaw == .duplicateOfFirst ? 0 : flaw == .duplicateInBatch ? 41 : index
            let date = flaw == .badDate ? "2024-13-05" : "2024-03-05T09:30:00Z"
            let url = flaw == .relativeLink ? "/posts/\(index)" : "https://example.org/posts/\(index)"
            let body = flaw == .script ? "<script>x()</script>" : "<p>Entry \(index)</p>"
            return "    {\"id\": \"\(id)\", \"url\": \"\(url)\", \"date_published\": \"\(date)\", \"content_html\": \"\(body)\"}"
        }
        return Parts(head: head, fragments: fragments, tail: "\n  ]\n}\n", separator: ",\n")
    }

    @Test(arguments: [1, 99, 100, 101, 320])
    func atomReportEqualsTheWholeDocumentsReport(entries: Int) {
        let parts = Self.atom(entries: entries)
        let whole = FeedValidator.validate(bytes: parts.whole)
        for window in [1_000, 37] {
            #expect(parts.assembledReport(window: window) == whole)
        }
        if entries > 260 { #expect(whole.findings.contains { $0.rule == "DuplicateEntries" }) }
    }

    @Test(arguments: [1, 100, 320])
    func rssReportEqualsTheWholeDocumentsReport(entries: Int) {
        let parts = Self.rss(entries: entries)
        let whole = FeedValidator.validate(bytes: parts.whole)
        #expect(whole.findings.filter { $0.rule == "MissingAtomSelfLink" }.count == 1)
        for window in [1_000, 64] {
            #expect(parts.assembledReport(window: window) == whole)
        }
    }

    @Test(arguments: [1, 100, 320])
    func jsonReportEqualsTheWholeDocumentsReport(entries: Int) {
        let parts = Self.json(entries: entries)
        let whole = FeedValidator.validate(bytes: parts.whole)
        #expect(whole.format == .json)
        for window in [1_000, 64] {
            #expect(parts.assembledReport(window: window) == whole)
        }
    }

    @Test func entriesWithoutAuthorsAreFoundInEveryBatch() {
        let parts = Self.atom(entries: 250, feedAuthor: false)
        let whole = FeedValidator.validate(bytes: parts.whole)
        #expect(whole.findings.filter { $0.rule == "MissingElement" }.count > 100)
        #expect(parts.assembledReport(window: 1_000) == whole)
    }

    /// Lines past 65,535 (where libxml2 needs XML_PARSE_BIG_LINES) keep their numbers in later batches.
    @Test func lineNumbersPastSixtyFiveThousandStayExact() {
        var parts = Self.atom(entries: 320)
        let tallText = String(repeating: "line\n", count: 300)
        parts.fragments = parts.fragments.map { $0.replacingOccurrences(of: "</content>", with: tallText + "</content>") }
        let whole = FeedValidator.validate(bytes: parts.whole)
        #expect(whole.findings.contains { $0.line > 65_535 })
        #expect(parts.assembledReport(window: 1_000) == whole)
    }

    @Test func aDocumentWithoutEntriesIsItsHeadAndTail() {
        for parts in [Self.atom(entries: 0), Self.rss(entries: 0), Self.json(entries: 0)] {
            let report = parts.assembledReport(window: 100)
            #expect(report == FeedValidator.validate(bytes: parts.whole))
            #expect(report.format != nil)
        }
    }

    /// A grammar error makes the validator fall back to libxml2's own messages for the whole (or batch)
    /// document, some of which count the entries; every finding located in an entry must still be found.
    @Test func aGrammarErrorInOneEntryIsReportedAtItsLine() {
        var parts = Self.atom(entries: 250)
        parts.fragments[170] = parts.fragments[170].replacingOccurrences(of: "<title>Entry 170</title>", with: "")
        let whole = FeedValidator.validate(bytes: parts.whole)
        let assembled = parts.assembledReport(window: 1_000)
        let headLines = parts.head.split(separator: "\n", omittingEmptySubsequences: false).count
        let inEntries = whole.findings.filter { $0.line > headLines && $0.rule != "DuplicateElement" }
        #expect(inEntries.contains { $0.severity == .error }, "\(whole.findings)")
        for finding in inEntries {
            #expect(assembled.findings.contains(finding), "missing: \(finding)")
        }
    }

    @Test func aMalformedFragmentIsReportedAtItsLineInTheWholeDocument() {
        var parts = Self.atom(entries: 250)
        parts.fragments[180] = parts.fragments[180].replacingOccurrences(of: "</content>", with: "</contents>")
        let whole = FeedValidator.validate(bytes: parts.whole)
        let assembled = parts.assembledReport(window: 1_000)
        let wholeErrors = whole.findings.filter { $0.rule == "SAXError" }
        let assembledErrors = assembled.findings.filter { $0.rule == "SAXError" }
        #expect(!assembledErrors.isEmpty)
        // The first parse error is the same error at the same line and column; libxml2 then gives up on
        // the rest of the (whole or batch) document, so what follows may differ.
        #expect(assembledErrors.first == wholeErrors.first)
        #expect(assembled.hasErrors)
    }
}
