import Testing

@testable import Validation

/// URI and IRI rules, canonical forms and reference resolution judge values as the W3C service does.
@Suite struct URIRuleTests {
    @Test(arguments: [
        ("http://example.com/a b", "InvalidUriChar"),
        ("http://example.com/{x}", "InvalidUriChar"),
        ("/relative/path?x=1#y", ""),
        ("http:/example.com", "InvalidLink"),
        ("http:///example.com", "InvalidLink"),
        ("javascript:alert(1)", "SchemeNotIANARegistered"),
        ("feed://example.com/", "SchemeNotIANARegistered"),
        ("tag:example.com,2024-03-05:/post", ""),
        ("tag:Example.com,2024:/post", "InvalidTAG"),
        ("urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a", ""),
        ("urn:uuid:1225c695", "InvalidUUID"),
        ("urn:isbn:0451450523", ""),
        ("urn:x:y", "InvalidURN"),
        ("http://[::1]/x", ""),
        ("mailto:a@example.com", ""),
    ])
    func uriReference(value: String, expected: String) {
        #expect(ValueRuleProbe.verdict(URIValue(), value) == expected, "\(value)")
    }

    @Test func absoluteAndInternationalised() {
        #expect(ValueRuleProbe.verdict(FullURI(), "example.com/x") == "InvalidFullLink")
        #expect(ValueRuleProbe.verdict(FullURI(), "http://[::1]/x") == "InvalidUriChar")
        #expect(ValueRuleProbe.verdict(FullURI(), "http://example.com/") == "")
        #expect(ValueRuleProbe.verdict(FullURI(), "http://例え.jp/") == "UriNotIri")
        #expect(ValueRuleProbe.verdict(IRIValue(), "http://例え.jp/") == "")
        #expect(ValueRuleProbe.verdict(IRIValue(), "http://example.com/статья") == "")
        #expect(ValueRuleProbe.verdict(IRIValue(), "http://example.com/a b") == "InvalidUriChar")
        // The service checks an absolute IRI exactly as an absolute URI.
        #expect(ValueRuleProbe.verdict(FullIRI(), "http://example.com/статья") == "UriNotIri")
        #expect(IRIReference.isValid("http://example.com/ns#"))
        #expect(!IRIReference.isValid("http://example.com/a b"))
    }

    @Test(arguments: [
        ("http://Example.com/", "NonCanonicalURI"),
        ("http://example.com", "NonCanonicalURI"),
        ("http://example.com:80/", "NonCanonicalURI"),
        ("http://example.com/a/../b", "NonCanonicalURI"),
        ("http://example.com/%7euser", "NonCanonicalURI"),
        ("http://example.com/%c3%a9", "NonCanonicalURI"),
        ("http://example.com/%C3%A9", ""),
        ("http://example.com/", ""),
        ("tag:example.com,2024:x", ""),
        ("HTTP://example.com/", "NonCanonicalURI"),
        ("http://example.com/?q=a%2fb", "NonCanonicalURI"),
        ("http://example.com./", "NonCanonicalURI"),
        ("http://user@example.com:8080/x", ""),
        ("mailto:John%20Smith%20%3Cjsmith%40example%2Eorg%3E?subject=some%20feed", ""),
        ("mailto:jane@Example.org", "NonCanonicalURI"),
    ])
    func canonicalURI(value: String, expected: String) {
        #expect(ValueRuleProbe.verdict(CanonicalURI(), value) == expected, "\(value)")
    }

    @Test func canonicalForms() {
        #expect(URICanonicalForm.canonical("HTTP://Example.COM:80/a/./b/../c?x=%7e#f") == "http://example.com/a/c?x=~#f")
        #expect(URICanonicalForm.canonical("https://example.com:8443") == "https://example.com:8443/")
        #expect(URICanonicalForm.canonical("relative/path") == nil)
        #expect(URICanonicalForm.canonical("http://example.com/%zz") == nil)
    }

    @Test(arguments: [
        ("http://a/b/c/d;p?q", "g", "http://a/b/c/g"),
        ("http://a/b/c/d;p?q", "./g", "http://a/b/c/g"),
        ("http://a/b/c/d;p?q", "g/", "http://a/b/c/g/"),
        ("http://a/b/c/d;p?q", "/g", "http://a/g"),
        ("http://a/b/c/d;p?q", "//g", "http://g"),
        ("http://a/b/c/d;p?q", "?y", "http://a/b/c/d;p?y"),
        ("http://a/b/c/d;p?q", "#s", "http://a/b/c/d;p?q#s"),
        ("http://a/b/c/d;p?q", "../..", "http://a/"),
        ("http://a/b/c/d;p?q", "../../../g", "http://a/g"),
        ("http://a/b/c/d;p?q", "", "http://a/b/c/d;p?q"),
        ("http://a/b/c/d;p?q", "https://x/y", "https://x/y"),
        ("", "g", "g"),
        ("tag:example.com,2024:x", "y", "y"),
    ])
    func join(base: String, reference: String, expected: String) {
        #expect(URIReference.join(base: base, reference) == expected)
    }

    @Test func sameDocumentReferenceNeedsAnEnclosingBase() {
        let walker = ValidationWalker(documentURI: "http://example.com/feed.xml", now: nil)
        let parent = TextValue()
        parent.attach(name: "entry", attributes: AttributeList(), parent: walker.current, walker: walker)
        parent.xmlBase = "http://example.com/posts/1"
        let rule = XMLBaseURI()
        rule.attach(name: "href", attributes: AttributeList(), parent: parent, walker: walker)
        rule.value = ""
        rule.validate()
        rule.value = "1"
        rule.validate()
        #expect(walker.findings.findings.map(\.rule) == ["SameDocumentReference", "SameDocumentReference"])
    }

    @Test func punycode() {
        #expect(IDNA.toASCII("例え.jp") == "xn--r8jz45g.jp")
        #expect(IDNA.toASCII("bücher.example") == "xn--bcher-kva.example")
        #expect(IDNA.toASCII("a..b") == nil)
    }
}
