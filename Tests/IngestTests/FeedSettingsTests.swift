import FeedModel
import Ingest
import Testing

/// `content`, `max_bytes`, `sections` and `taxonomies` in `crier.yml`, and the slugs of derived feeds.
@Suite struct FeedSettingsTests {
    static let head = "title: T\nbase_url: https://example.com/\n"

    @Test func defaultsAreSectionsOnTaxonomiesOffFullTextAndFiveMegabytes() throws {
        let config = try SiteConfig(yaml: Self.head)
        #expect(config.sections.enabled && config.taxonomies.isEmpty)
        #expect(config.content == .full && config.maxBytes == 5_000_000)
        #expect(config.feedDescription().maxBytes == 5_000_000)
        #expect(try SiteConfig(yaml: SiteConfig.exampleYAML).sections.enabled)
    }

    @Test func everyKeyIsRead() throws {
        let config = try SiteConfig(
            yaml: Self.head + """
                content: summary
                max_bytes: 0
                sections:
                  limit: 10
                  content: full
                  folders:
                    sport:
                      title: Sport & Games
                      slug: sports
                    drafts: false
                taxonomies:
                  categories:
                    min_entries: 3
                    max_bytes: 512000
                  authors: true
                  languages:
                    folder: lang
                """)
        #expect(config.content == .summary && config.maxBytes == nil)
        #expect(config.sections.feed == DerivedFeedSettings(limit: 10, content: .full))
        #expect(config.sections.override(for: "sport") == SectionOverride(title: "Sport & Games", slug: "sports"))
        #expect(config.sections.override(for: "drafts")?.enabled == false)
        #expect(config.taxonomies[.tags] == TaxonomySettings(folder: "categories", minEntries: 3, feed: DerivedFeedSettings(maxBytes: 512_000)))
        #expect(config.taxonomies[.authors] == TaxonomySettings(folder: "authors"))
        #expect(config.taxonomies[.languages]?.folder == "lang")
        #expect(try SiteConfig(yaml: Self.head + "sections: false").sections.enabled == false)
    }

    @Test(
        "Bad settings are errors naming the key",
        arguments: [
            ("taxonomies:\n  series: true", "taxonomies.series", "unknown taxonomy"),
            ("taxonomies:\n  tags: true\n  categories: true", "taxonomies.categories", "same list"),
            ("taxonomies:\n  tags:\n    min_entries: 0", "taxonomies.tags.min_entries", "1 or more"),
            ("taxonomies:\n  tags:\n    folder: a/b", "taxonomies.tags.folder", "one URL segment"),
            ("sections:\n  folders:\n    sport:\n      slug: 'my sport'", "sections.folders.sport.slug", "one URL segment"),
            ("sections:\n  colour: blue", "sections.colour", "unknown key"),
            ("content: excerpt", "content", "full or summary"),
            ("max_bytes: 100", "max_bytes", "at least"),
            ("sections:\n  content: short", "sections.content", "full or summary"),
        ])
    func badSettings(yaml: String, key: String, message: String) {
        do {
            _ = try SiteConfig(yaml: Self.head + yaml)
            Issue.record("accepted \(yaml)")
        } catch {
            #expect(error.key == key, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    @Test func termSlugsAreReadableAndTellPunctuationApart() {
        #expect(Slug.term("C++") == "c-plus-plus")
        #expect(Slug.term("C#") == "c-sharp")
        #expect(Slug.term("C") == "c")
        #expect(Slug.term(".NET") == "dot-net")
        #expect(Slug.term("node.js") == "node-js")
        #expect(Slug.term("Rock & Roll") == "rock-and-roll")
        #expect(Slug.term("日本語") == "日本語")
        #expect(Slug.term("Привет мир") == "привет-мир")
        #expect(Slug.term("Cafe\u{301}") == "café", "NFC, so one tag typed two ways has one slug")
    }

    @Test func urlSegments() {
        #expect(Slug.isURLSegment("sport") && Slug.isURLSegment("été") && Slug.isURLSegment("a_b-c.d~e"))
        #expect(!Slug.isURLSegment("my sport") && !Slug.isURLSegment(".hidden") && !Slug.isURLSegment("a/b"))
        #expect(!Slug.isURLSegment("C++") && !Slug.isURLSegment("") && !Slug.isURLSegment("a?b") && !Slug.isURLSegment("50%"))
    }
}
