import Foundation
import Testing
import Validation

/// Validation time for the benchmark's size: 10,000 entries, about 36 MB. Off by default (it takes seconds
/// in a debug build); run with `CRIER_LARGE_FEED_TESTS=1 swift test --filter LargeFeedTests`.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["CRIER_LARGE_FEED_TESTS"] != nil))
struct LargeFeedTests {
    /// An article body of about 3.6 KB of escaped HTML with links, like a Markdown post rendered.
    static let body: String = {
        let paragraph =
            "&lt;p&gt;Lorem ipsum dolor sit amet, &lt;a href=\"https://example.org/ref\"&gt;consectetur&lt;/a&gt; "
            + "adipiscing elit, sed do &lt;em&gt;eiusmod&lt;/em&gt; tempor incididunt ut labore et dolore magna aliqua. "
            + "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip.&lt;/p&gt;\n"
        return String(repeating: paragraph, count: 11)
    }()

    static func atom(entries: Int) -> [UInt8] {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>Big</title><id>https://example.org/</id>
            <updated>2024-03-05T09:30:00Z</updated><link rel="self" href="https://example.org/atom.xml"/>
            <author><name>A</name></author>

            """
        for index in 0..<entries {
            text +=
                "<entry><title>Post \(index)</title><id>https://example.org/p/\(index)</id>"
                + "<link href=\"https://example.org/p/\(index)\"/><updated>2024-03-05T09:30:00Z</updated>"
                + "<content type=\"html\">\(body)</content></entry>\n"
        }
        return Array((text + "</feed>\n").utf8)
    }

    static func rss(entries: Int) -> [UInt8] {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Big</title><link>https://example.org/</link><description>d</description>
            <atom:link rel="self" href="https://example.org/rss.xml"/>

            """
        for index in 0..<entries {
            text +=
                "<item><title>Post \(index)</title><link>https://example.org/p/\(index)</link>"
                + "<guid>https://example.org/p/\(index)</guid><pubDate>Tue, 05 Mar 2024 09:30:00 +0000</pubDate>"
                + "<description>Summary \(index)</description><content:encoded>\(body)</content:encoded></item>\n"
        }
        return Array((text + "</channel></rss>\n").utf8)
    }

    static func measure(_ name: String, _ bytes: [UInt8]) -> ValidationReport {
        let clock = ContinuousClock()
        var report = ValidationReport(format: nil, findings: [])
        let elapsed = clock.measure { report = FeedValidator.validate(bytes: bytes) }
        print("\(name): \(bytes.count / 1_000_000) MB validated in \(elapsed)")
        return report
    }

    @Test func tenThousandEntryAtomFeed() {
        let report = Self.measure("Atom 10,000 entries", Self.atom(entries: 10_000))
        #expect(report.format == .atom)
        #expect(report.findings.isEmpty, "\(report.findings.prefix(5))")
    }

    @Test func tenThousandItemRSSFeed() {
        let report = Self.measure("RSS 10,000 items", Self.rss(entries: 10_000))
        #expect(report.format == .rss)
        #expect(report.findings.isEmpty, "\(report.findings.prefix(5))")
    }
}
