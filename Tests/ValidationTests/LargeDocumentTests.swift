import Testing
import Validation

/// Feeds of a few thousand entries: valid ones have no findings, and one broken entry anywhere is reported at
/// its own line, whether the document is read from bytes or streamed from a file a piece at a time.
@Suite struct LargeDocumentTests {
    static let count = 2_100

    static func atom(brokenAt broken: Int? = nil) -> [UInt8] {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Big</title><id>https://example.org/</id>
            <updated>2024-03-05T09:30:00Z</updated><link rel="self" href="https://example.org/atom.xml"/>
            <author><name>A</name></author>

            """
        for index in 0..<count {
            // An atom:entry without atom:id breaks RFC 4287 section 4.1.2.
            let id = index == broken ? "" : "<id>https://example.org/p/\(index)</id>"
            // Each entry updated at its own second: one instant for all is DuplicateUpdated (a generator stamping them).
            let updated = "2024-03-05T09:\(twoDigits(index / 60)):\(twoDigits(index % 60))Z"
            text +=
                "<entry><title>Post \(index)</title>\(id)<link href=\"https://example.org/p/\(index)\"/>"
                + "<updated>\(updated)</updated><content type=\"html\">&lt;p&gt;Body \(index)&lt;/p&gt;</content></entry>\n"
        }
        return Array((text + "</feed>\n").utf8)
    }

    static func twoDigits(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }

    static func rss(brokenAt broken: Int? = nil) -> [UInt8] {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
            <channel><title>Big</title><link>https://example.org/</link><description>d</description>
            <atom:link rel="self" href="https://example.org/rss.xml"/>

            """
        for index in 0..<count {
            // An element RSS 2.0 does not define, in no namespace, is UndefinedElement.
            let extra = index == broken ? "<colour>red</colour>" : ""
            text += "<item><title>Post \(index)</title><guid>https://example.org/p/\(index)</guid>\(extra)</item>\n"
        }
        return Array((text + "</channel></rss>\n").utf8)
    }

    @Test func largeValidFeedsHaveNoFindings() {
        #expect(FeedValidator.validate(bytes: Self.atom()).findings.isEmpty)
        #expect(FeedValidator.validate(bytes: Self.rss()).findings.isEmpty)
    }

    @Test(arguments: [0, 999, 1_000, 1_500, 2_099])
    func oneBrokenEntryAnywhereIsReported(at index: Int) {
        let atom = FeedValidator.validate(bytes: Self.atom(brokenAt: index))
        #expect(atom.hasErrors, "atom entry \(index)")
        let rss = FeedValidator.validate(bytes: Self.rss(brokenAt: index))
        #expect(rss.hasErrors, "rss item \(index)")
        // The finding points at the broken item's line (the header takes 4 lines, one item per line).
        #expect(rss.findings.contains { $0.line == index + 5 }, "\(rss.findings.map(\.description))")
    }
}
