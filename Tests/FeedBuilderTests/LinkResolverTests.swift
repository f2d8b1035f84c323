import CrierTestHelpers
import Foundation
import Testing

@testable import FeedBuilder

/// The string join `LinkResolver` uses for plain links gives exactly Foundation's resolution, and every
/// other link still goes to Foundation.
@Suite struct LinkResolverTests {
    static let bases = [
        "https://example.org/blog/post/", "https://example.org/", "https://example.org", "http://x.example:8080/a/b.html",
        "https://a-b.example.co.uk/2024/03/09/title-of-post/", "https://example.org/page", "http://127.0.0.1/x/y",
        "https://EXAMPLE.org/a/", "https://example.org/a/./b/", "https://example.org/dir/page?x=1#frag",
        "https://example.org//x/", "https://example.org/a%20b/", "https://user@example.org/p/", "not a url", "",
    ]

    static let references: [String] = {
        var references = [
            "#top", "#", "?", "?q=1", "?q=1&r=2#f", "/", "/a/b/", "/a/b.html", "/market/3/", "img/a.png", "a", "a/",
            "a-b_c~d/e.f", "x/y?z#w", "x;p=1/y", "@user", "a:b/c", "./a", "../a", "a/./b", "a/../b", "/a/..", "..",
            ".", "a/.", "...", "a/...", "//host/x", "/a//b", "a//", "#a#b", "a b", "%41", "ü", "a\\b", "[x]", "a|b",
            "a\"b", "a<b", "a{b}", "a^b", "a`b", "/a?b/c?d", "#x/y?z", "?a#b?c", "(a)", "a!$&'()*+,;=", "a=b:c@d",
        ]
        var generator = SeededGenerator(seed: 41)
        let alphabet = Array("ab/.?#:@-_~%!$&'()*+,;= ü")
        for _ in 0..<400 {
            references.append(
                String(
                    (0..<Int.random(in: 1...9, using: &generator)).map { _ in
                        alphabet.randomElement(using: &generator)!
                    }))
        }
        return references
    }()

    @Test(arguments: bases)
    func joinedLinksMatchFoundation(base: String) {
        let foundationBase = URL(string: base)
        var joined = 0
        for reference in Self.references {
            let expected = foundationBase.flatMap { URL(string: reference, relativeTo: $0)?.absoluteString } ?? reference
            var resolver = LinkResolver(base: base)
            var bytes = Array(reference.utf8)
            let resolved = bytes.withUnsafeMutableBufferPointer { resolver.resolve(UnsafeBufferPointer($0)) }
            #expect(String(decoding: resolved, as: UTF8.self) == expected, "\(reference) against \(base)")
            if let simple = LinkResolver.simpleBase(of: base),
                bytes.withUnsafeMutableBufferPointer({ LinkResolver.join(UnsafeBufferPointer($0), to: simple) }) != nil
            {
                joined += 1
            }
        }
        // The fast join must actually serve the ordinary bases, or it saves nothing.
        if base.hasPrefix("https://example.org/blog") || base.hasPrefix("https://a-b") {
            #expect(joined > 30)
        }
    }

    @Test func oddBasesAreLeftToFoundation() {
        for base in [
            "https://EXAMPLE.org/a/", "https://example.org/a/./b/", "https://example.org/dir/page?x=1#frag",
            "https://user@example.org/p/", "https://example.org/a%20b/", "not a url", "", "https://example.org",
        ] {
            #expect(LinkResolver.simpleBase(of: base) == nil, "\(base)")
        }
    }
}
