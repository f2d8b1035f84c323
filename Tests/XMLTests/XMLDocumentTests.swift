import Testing

@testable import XML

@Suite struct XMLDocumentTests {
    @Test func reportsWhereAMalformedDocumentBreaks() {
        #expect {
            _ = try XMLDocument(xml: Array("<a>\n<b></a>".utf8))
        } throws: { error in
            guard let error = error as? XMLParseError, let first = error.diagnostics.first else { return false }
            return first.line == 2 && first.message.contains("mismatch")
        }
    }

    @Test func doesNotExpandExternalEntities() throws {
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><a>&e;</a>"
        let document = try XMLDocument(xml: Array(xml.utf8))
        #expect(!document.root!.textContent.contains("root:"))
    }

    @Test func refusesBillionLaughs() {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        xml += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
        for level in 2...9 {
            let previous = "&lol\(level - 1);"
            xml += "<!ENTITY lol\(level) \"" + String(repeating: previous, count: 10) + "\">"
        }
        xml += "]><lolz>&lol9;</lolz>"
        let result = Result { try XMLDocument(xml: Array(xml.utf8)) }
        if case .success(let document) = result {
            // Entities are not substituted, so the text is not expanded into gigabytes.
            #expect(document.root!.textContent.utf8.count < 10_000_000)
        }
    }

    @Test func readsNamespacesAndAttributes() throws {
        let xml = "<rss xmlns:atom=\"http://www.w3.org/2005/Atom\"><atom:link rel=\"self\" href=\"u\"/></rss>"
        let root = try #require(try XMLDocument(xml: Array(xml.utf8)).root)
        let link = try #require(root.element(named: "link", namespaceURI: "http://www.w3.org/2005/Atom"))
        #expect(link.attribute("rel") == "self")
        #expect(link.qualifiedName == "atom:link")
        #expect(link.attributes.map(\.name) == ["rel", "href"])
    }

    @Test func parsesHTMLFragmentsAndSerialisesThemBack() throws {
        let fragment = try XMLDocument.htmlFragment("<p>A&nbsp;B &copy; <a href=\"x\" onclick=\"y\">link</a><br><script>bad()</script></p>")
        let script = try #require(fragment.firstDescendant(named: "script"))
        script.remove()
        fragment.firstDescendant(named: "a")?.removeAttribute("onclick")
        #expect(fragment.innerHTML == "<p>A\u{A0}B © <a href=\"x\">link</a><br></p>")
    }
}
