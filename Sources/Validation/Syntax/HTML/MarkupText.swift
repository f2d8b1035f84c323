import Foundation
import XML

/// A finding about escaped HTML that depends only on the HTML's text, so it can be computed once per body and
/// shared between the documents of a build (`ValidationSession`).
struct HTMLFinding: Sendable, Hashable {
    var rule: Rule
    var message: String
    /// Where the service puts it: on the element's start line (an HTML parse error), the line before it (what
    /// the element walk finds), or where the element ends (relative references).
    enum Place: Sendable, Hashable { case startLine, lineBefore, end }
    var place: Place
}

/// The W3C service's checks of text that holds, or should not hold, HTML: `safeHtml` (escaped HTML that
/// readers render: it must parse as HTML and carry nothing unsafe), `nonhtml` (plain text in which HTML is
/// suspicious) and the scan for relative links in escaped HTML.
enum MarkupText {
    /// Marks the element as holding text, so that a child element makes the content mixed (RDF's concern).
    static func markMixedContent(_ handler: ElementHandler) {
        handler.children.append("#text")
    }

    // MARK: - nonhtml

    /// Logs `rule` (`ContainsHTML` by default) when plain text holds an HTML end tag, or an entity reference
    /// left escaped (`&amp;amp;`, `&#233;`) unless the element's line uses hexadecimal character references, as
    /// the RSS Best Practices Profile recommends for `<` and `&`; in RSS 2.0, `&#…` or `<` in such text without a
    /// hexadecimal reference on the line is `CharacterData` (RSS Best Practices Profile, "Encoding Character Data").
    static func checkNonHTML(_ value: String, in handler: ElementHandler, rule: Rule = .containsHTML) {
        let bytes = Array(value.utf8)
        guard bytes.contains(UInt8(ascii: "<")) || bytes.contains(UInt8(ascii: "&")) else { return }
        if let tag = firstHTMLEndTag(bytes) {
            handler.log(rule, "\(handler.name) should not contain HTML (</\(tag)>)")
            return
        }
        let line = handler.position.line
        let references = entityReferences(value)
        if !references.isEmpty {
            for reference in references where HTMLEntityNames.contains(reference) || reference == "apos" || !isAlphabetic(reference) {
                if !handler.walker.hasHexReference(fromLine: line, toLine: line) {
                    handler.log(rule, "\(handler.name) should not contain HTML (&\(reference);)")
                }
            }
            return
        }
        guard handler.feedKind == .rss2, hasCharacterDataMarkup(bytes),
            !handler.walker.hasHexReference(fromLine: line, toLine: line)
        else { return }
        var ancestor = handler.parent
        while let current = ancestor, current.name != "rss" { ancestor = current.parent }
        if let rss = ancestor, (rss.attributes["version"] ?? "2.0").hasPrefix("2.") {
            handler.log(.characterData, "\(handler.name) holds < or &# without hexadecimal character references")
        }
    }

    /// The first `</name>` whose name is an HTML element.
    static func firstHTMLEndTag(_ bytes: [UInt8]) -> String? {
        var index = 0
        while index + 3 < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/") {
                var end = index + 2
                while end < bytes.count, isWordByte(bytes, end) { end += 1 }
                if end > index + 2, end < bytes.count, bytes[end] == UInt8(ascii: ">") {
                    let name = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
                    if HTMLVocabulary.elements.contains(name.lowercased()) { return name }
                }
            }
            index += 1
        }
        return nil
    }

    /// Each `&` followed by an optional `#` and word characters, the name as written.
    private static func entityReferences(_ value: String) -> [String] {
        let scalars = Array(value.unicodeScalars)
        var found: [String] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "&" else {
                index += 1
                continue
            }
            var end = index + 1
            if end < scalars.count, scalars[end] == "#" { end += 1 }
            let nameStart = end
            while end < scalars.count, isWord(scalars[end]) { end += 1 }
            if end > nameStart {
                found.append(String(String.UnicodeScalarView(scalars[(index + 1)..<end])))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    /// `&#` followed by `x` or a digit, or `<` followed by `/` or a letter.
    private static func hasCharacterDataMarkup(_ bytes: [UInt8]) -> Bool {
        for index in 0..<max(0, bytes.count - 1) {
            let next = bytes[index + 1]
            if bytes[index] == UInt8(ascii: "<"), next == UInt8(ascii: "/") || next.isASCIILetter { return true }
            if bytes[index] == UInt8(ascii: "&"), next == UInt8(ascii: "#"), index + 2 < bytes.count,
                bytes[index + 2] == UInt8(ascii: "x") || bytes[index + 2].isASCIIDigit
            {
                return true
            }
        }
        return false
    }

    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func isAlphabetic(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic }
    }

    private static func isWordByte(_ bytes: [UInt8], _ index: Int) -> Bool {
        let byte = bytes[index]
        return byte.isASCIIAlphanumeric || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    // MARK: - safeHtml

    /// Checks escaped HTML as the service's `safeHtml` does: parsed as HTML (`NotHtml` on a parse error),
    /// elements outside HTML (`NotHtml`) or unsafe (`SecurityRisk`), event-handler attributes
    /// (`SecurityRiskAttr`), risky CSS (`DangerousStyleAttr`), and relative links (`ContainsRelRef`).
    static func checkSafeHTML(_ value: String, in handler: ElementHandler, relativeReferences: Bool = true) {
        let found = findings(html: value, session: handler.walker.session)
        for finding in found where relativeReferences || finding.place != .end {
            log(finding, in: handler)
        }
    }

    /// Logs a cached finding where the service puts it.
    static func log(_ finding: HTMLFinding, in handler: ElementHandler) {
        switch finding.place {
        case .end:
            handler.log(finding.rule, finding.message)
        case .startLine:
            handler.walker.log(finding.rule, at: XMLPosition(line: handler.position.line, column: 0), finding.message)
            handler.isValid = false
        case .lineBefore:
            handler.walker.log(finding.rule, at: XMLPosition(line: handler.position.line - 1, column: 0), finding.message)
            handler.isValid = false
        }
    }

    /// The findings of an HTML body, from the session's cache when it has them.
    static func findings(html: String, session: ValidationSession?) -> [HTMLFinding] {
        guard mayHaveFindings(html) else { return [] }
        if let session { return session.htmlFindings(html: html) }
        return computeFindings(html: html)
    }

    /// False when the text can hold neither markup nor a character an HTML parser rejects: most summaries are
    /// plain text, and they skip the scan.
    static func mayHaveFindings(_ html: String) -> Bool {
        var previous: UInt8 = 0
        for byte in html.utf8 {
            if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&")
                || (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C
                    && byte != 0x0D)
                || byte == 0x7F || byte == 0xEF || byte >= 0xF0 || (previous == 0xC2 && byte < 0xA0)
            {
                return true
            }
            previous = byte
        }
        return false
    }

    /// `<?import ` in any case (an Internet Explorer way of loading behaviour into a page).
    private static func containsImport(_ html: String) -> Bool {
        let pattern = Array("<?import ".utf8)
        // `memchr` from `<` to `<`: a body holds many tags and this runs on every body.
        return TextScan.withBytes(of: html) { bytes in
            var index = 0
            while let open = ByteSearch.index(of: UInt8(ascii: "<"), in: bytes, from: index) {
                if open + pattern.count <= bytes.count,
                    (0..<pattern.count).allSatisfy({ bytes[open + $0].asciiLowercased == pattern[$0] })
                {
                    return true
                }
                index = open + 1
            }
            return false
        }
    }

    /// What the service's HTML checks find in a body (no caching).
    static func computeFindings(html: String) -> [HTMLFinding] {
        var found: [HTMLFinding] = []
        if containsImport(html) {
            found.append(
                HTMLFinding(
                    rule: .securityRisk, message: "escaped HTML contains <?import>, which can load behaviour",
                    place: .lineBefore))
        }
        let scan = HTMLSyntaxCheck.check(html)
        if let error = scan.error {
            found.append(HTMLFinding(rule: .notHtml, message: "escaped HTML does not parse as HTML: \(error)", place: .startLine))
        } else {
            for element in scan.elements {
                let name = element.name
                if !HTMLVocabulary.elements.contains(name) {
                    found.append(HTMLFinding(rule: .notHtml, message: "escaped HTML contains <\(name)>, which is not HTML", place: .lineBefore))
                } else if !HTMLVocabulary.safeElements.contains(name) {
                    found.append(
                        HTMLFinding(
                            rule: .securityRisk, message: "escaped HTML contains <\(name)>, which readers strip or run",
                            place: .lineBefore))
                } else {
                    for (attribute, value) in element.attributes {
                        if attribute == "style" {
                            for part in StyleCheck.unsafeParts(of: value) {
                                found.append(
                                    HTMLFinding(
                                        rule: .dangerousStyleAttr,
                                        message: "the style of <\(name)> holds \"\(part.prefix(60))\", which readers strip",
                                        place: .lineBefore))
                            }
                        } else if attribute.hasPrefix("on") {
                            found.append(
                                HTMLFinding(
                                    rule: .securityRiskAttr,
                                    message: "<\(name)> has the event handler \(attribute), which readers strip",
                                    place: .lineBefore))
                        }
                    }
                }
            }
        }
        found += RelativeReferences.findings(in: html)
        return found
    }
}
