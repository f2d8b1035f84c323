import Foundation
import Testing
import Validation

/// A `ValidationSession` only saves work: every report must equal the one `validate(bytes:)` gives alone,
/// whether the session is fresh, shared by every fixture, or warmed with the bodies beforehand.
@Suite struct ValidationSessionTests {
    static func bytes(of name: String) throws -> [UInt8] {
        let directory = try #require(FixtureTests.directory)
        return Array(try Data(contentsOf: directory.appendingPathComponent(name)))
    }

    @Test func sharedSessionGivesTheSameReportsAsNoSession() throws {
        let session = ValidationSession()
        // Twice through: the second pass finds every body already in the session.
        for _ in 0..<2 {
            for name in FixtureTests.fixtureNames {
                let bytes = try Self.bytes(of: name)
                #expect(FeedValidator.validate(bytes: bytes, session: session) == FeedValidator.validate(bytes: bytes), "\(name)")
            }
        }
    }

    /// The same body in RSS and Atom, with a relative link and a script: each document reports what the W3C
    /// service reports for its own field (a relative link only in RSS content:encoded), although the body is
    /// parsed once.
    @Test func findingsNameEachDocumentsOwnField() throws {
        let body = #"<p>See <a href="notes/1">notes</a><script>x()</script></p>"#
        let escaped = body.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        let rss = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>T</title><link>https://example.org/</link><description>d</description>
            <atom:link rel="self" href="https://example.org/rss.xml"/>
            <item><title>A</title><guid>https://example.org/a</guid>
            <content:encoded>\(escaped)</content:encoded></item>
            </channel></rss>
            """
        let atom = """
            <?xml version="1.0" encoding="UTF-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>https://example.org/</id>
            <updated>2024-03-05T09:30:00Z</updated><link rel="self" href="https://example.org/atom.xml"/>
            <author><name>A</name></author>
            <entry><title>A</title><id>https://example.org/a</id><updated>2024-03-05T09:30:00Z</updated>

            <content type="html">\(escaped)</content></entry>
            </feed>
            """
        let session = ValidationSession()
        session.check(htmlBodies: [body])
        for document in [rss, atom] {
            let bytes = Array(document.utf8)
            let alone = FeedValidator.validate(bytes: bytes)
            #expect(FeedValidator.validate(bytes: bytes, session: session) == alone)
            #expect(alone.findings.contains { $0.rule == "SecurityRisk" }, "\(alone.findings)")
        }
        let rssFindings = FeedValidator.validate(bytes: Array(rss.utf8), session: session).findings
        let atomFindings = FeedValidator.validate(bytes: Array(atom.utf8), session: session).findings
        #expect(rssFindings.contains { $0.rule == "ContainsRelRef" && $0.line == 6 }, "\(rssFindings)")
        #expect(!atomFindings.contains { $0.rule == "ContainsRelRef" }, "\(atomFindings)")
    }

    /// The W3C service reports a relative link in RSS content:encoded whatever `xml:base` is in scope (RSS
    /// readers do not apply it to escaped HTML); reports with and without a base, through one session, agree
    /// with reports made alone.
    @Test func relativeLinksInRSSContentAreReportedWithOrWithoutABase() throws {
        func rss(base: String) -> [UInt8] {
            Array(
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
                <channel\(base)><title>T</title><link>https://example.org/</link><description>d</description>
                <atom:link rel="self" href="https://example.org/rss.xml"/>
                <item><title>A</title><guid>https://example.org/a</guid>
                <content:encoded>&lt;a href="notes/1"&gt;notes&lt;/a&gt;</content:encoded></item>
                </channel></rss>
                """.utf8)
        }
        let session = ValidationSession()
        let without = FeedValidator.validate(bytes: rss(base: ""), session: session)
        let with = FeedValidator.validate(bytes: rss(base: #" xml:base="https://example.org/""#), session: session)
        #expect(without.findings.contains { $0.rule == "ContainsRelRef" }, "\(without.findings)")
        #expect(with.findings.contains { $0.rule == "ContainsRelRef" }, "\(with.findings)")
        #expect(with == FeedValidator.validate(bytes: rss(base: #" xml:base="https://example.org/""#)))
        #expect(without == FeedValidator.validate(bytes: rss(base: "")))
    }
}
