import Testing
import Validation

/// `crier validate` reads feeds from anywhere: nothing in a document may make it fetch, expand, recurse
/// without bound or crash.
@Suite struct HostileInputTests {
    static func validate(_ text: String) -> ValidationReport {
        FeedValidator.validate(bytes: Array(text.utf8))
    }

    static let rssHead = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>t</title>
        <link>https://example.org/</link><description>d</description>
        <atom:link rel="self" href="https://example.org/rss.xml"/>
        """

    @Test func doesNotReadExternalEntities() {
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>&e;</title>
            <link>https://example.org/</link><description>d</description>
            <atom:link rel="self" href="https://example.org/rss.xml"/></channel></rss>
            """
        let report = Self.validate(text)
        #expect(!report.findings.contains { $0.message.contains("root:") })
        #expect(report.format == .rss)
    }

    @Test func doesNotFetchAnExternalDTD() {
        // NONET: an http DTD is never requested; parsing still succeeds without it.
        let text =
            "<?xml version=\"1.0\"?><!DOCTYPE rss SYSTEM \"http://192.0.2.1/rss.dtd\">"
            + Self.rssHead.split(separator: "\n").dropFirst().joined(separator: "\n") + "</channel></rss>"
        let report = Self.validate(text)
        #expect(report.format == .rss)
        #expect(report.findings.isEmpty, "\(report.findings)")
    }

    @Test func billionLaughsIsHarmless() {
        var text = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">"
        text += "<!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">"
        for level in 2...9 {
            text += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        text += "]>" + Self.rssHead.split(separator: "\n").dropFirst().joined(separator: "\n")
        text += "<item><title>&lol9;</title></item></channel></rss>"
        let report = Self.validate(text)
        // Either refused or left unexpanded; in both cases the report is small.
        #expect(report.findings.count < 50)
        #expect(report.findings.map(\.message.utf8.count).reduce(0, +) < 100_000)
    }

    @Test func deepXMLNestingIsRefused() {
        let depth = 100_000
        let text =
            Self.rssHead + "<item><description>" + String(repeating: "<x:a xmlns:x=\"urn:x\">", count: depth)
            + String(repeating: "</x:a>", count: depth) + "</description></item></channel></rss>"
        let report = Self.validate(text)
        #expect(report.hasErrors)
        #expect(report.findings.contains { $0.rule == "SAXError" && $0.message.contains("depth") }, "\(report.findings)")
    }

    @Test func deepHTMLNestingInContentDoesNotOverflowTheStack() {
        let depth = 50_000
        let html = String(repeating: "&lt;div&gt;", count: depth) + "&lt;script&gt;x()&lt;/script&gt;"
        let text = Self.rssHead + "<item><title>t</title><description>" + html + "</description></item></channel></rss>"
        let report = Self.validate(text)
        #expect(report.format == .rss)
        // 50,000 unclosed divs are not HTML a reader can trust; the W3C service says NotHtml, and so does Crier.
        #expect(report.findings.contains { $0.rule == "NotHtml" }, "\(report.findings)")
    }

    @Test func deepJSONNestingIsRefusedWithoutACrash() {
        let depth = 100_000
        let text =
            "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[],\"x\":"
            + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        let report = Self.validate(text)
        #expect(report.hasErrors)
        #expect(report.findings.first?.rule == "UnknownFormat")
    }

    @Test func aMillionProblemsGiveABoundedReport() {
        var text = Self.rssHead
        for index in 0..<5_000 {
            text += "<item><title>t</title><guid>same</guid><link>/relative/\(index)</link></item>"
        }
        text += "</channel></rss>"
        let report = Self.validate(text)
        // 100 per rule, plus one "N more" line per rule.
        #expect(report.findings.count <= 3 * 101)
        #expect(report.findings.contains { $0.message.hasPrefix("4900 more InvalidFullLink") })
    }

    @Test func garbageIsUnknownOrMalformedNeverACrash() {
        for text in [
            "", "   ", "{", "{}", "[1,2]", "<html><body>hi</body></html>", "\u{FEFF}{\"version\": 1}", "<rss/>",
            "<rss version=\"2.0\"/>", "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", "\0\0\0",
        ] {
            let report = Self.validate(text)
            #expect(report.hasErrors, "\(text.debugDescription) gave \(report.findings)")
        }
    }
}
