import Foundation
import Testing

@testable import Ingest

/// The byte-level shortcuts of slugs, ids and links against the `Character` and Foundation code they replace.
@Suite struct IdentityTextTests {
    @Test func asciiSlugsMatchTheCharacterRoute() {
        var generator = SystemRandomNumberGenerator()
        var samples = ["Hello, World!", "  --a--b--  ", "a\r\nb", "\r\n", "", "ABC_def-123", "x\u{7F}y\u{1}z", "{year}", "2024-03-05-hello"]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0..<24, using: &generator)
            samples.append(String(decoding: (0..<length).map { _ in UInt8.random(in: 0..<0x80, using: &generator) }, as: UTF8.self))
        }
        for sample in samples {
            #expect(Slug.makeASCII(sample) == Slug.makeByCharacters(sample), "\(sample.debugDescription)")
        }
        #expect(Slug.makeASCII("café") == nil)
        #expect(Slug.make("Café Crème") == "café-crème")
    }

    @Test func paddingMatchesStringFormat() {
        for value in [-12_345, -5, 0, 7, 12, 99, 999, 2024, 12_345] {
            for width in [2, 4] {
                #expect(EntryIdentity.padded(value, width) == String(format: "%0\(width)d", value))
            }
        }
    }

    @Test func permalinkReplacementMatchesFoundation() {
        let templates = [
            "/{slug}/", "{{slug}}", "/{year}/{month}/{day}/{slug}.html", "{slug}{slug}", "{sl{slug}ug}", "{{year}}",
            "{year", "", "{slug", "/été/{slug}/", "/{slug}/\u{301}", "{day}{day}{day}",
        ]
        for template in templates {
            for token in ["{slug}", "{year}", "{day}"] {
                for value in ["year", "{year}", "2024", "", "a-b%C3%A9", "é"] {
                    #expect(
                        EntryIdentity.replacing(token, with: value, in: template) == template.replacingOccurrences(of: token, with: value),
                        "\(template) \(token) \(value)")
                }
            }
        }
    }

    @Test func pathSlugsStayPercentEncodedWhereNeeded() {
        #expect(EntryIdentity.pathSlug("posts/2024-03-05-Hello World.md") == "posts/2024-03-05-hello-world")
        #expect(EntryIdentity.pathSlug("café/naïve.md") == "caf%C3%A9/na%C3%AFve")
        #expect(EntryIdentity.pathSlug("!!!/???.md") == "article/article")
    }
}

/// File-name dates by byte against the `Character` route.
@Suite struct FileNameDateTests {
    @Test func asciiDatePrefixesMatchTheCharacterRoute() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["2024", "-", "03", "05", "_", ".", "x", "\r\n", "\r", "1", "\u{301}", "é", "0", "12", "-hello", "md"]
        var samples = [
            "2024-03-05-hello.md", "2024-03-05", "2024-03-05.md", "2024-03-05_x", "2024-03-05x", "2024-03-05-\u{301}x",
            "2024-03-0\r\n", "2024-13-45-a", "abcd-ef-gh-", "2024-03-05\u{301}", "",
        ]
        for _ in 0..<5_000 {
            samples.append((0..<Int.random(in: 1..<9, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for sample in samples {
            let fast = Slug.datePrefix(of: sample).map { "\($0.year)-\($0.month)-\($0.day)" }
            let slow = Slug.datePrefixByCharacters(of: sample).map { "\($0.year)-\($0.month)-\($0.day)" }
            #expect(fast == slow, "\(sample.debugDescription)")
        }
    }
}
