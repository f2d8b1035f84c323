import XML

/// Checks HTML carried in a feed (escaped in RSS `description` / `content:encoded` and Atom `type="html"`,
/// inline in Atom `type="xhtml"`, a string in JSON Feed `content_html`) for what hurts readers: scripts and
/// plug-ins, event handlers, relative links, named entities XML does not define.
///
/// Each field is parsed once with libxml2's HTML parser and walked once, iteratively, so a hostile
/// 100,000-deep nesting cannot overflow the stack.
struct HTMLContentCheck {
    /// Elements the W3C validator reports as `ContainsScript`, `ContainsObject`, `ContainsEmbed`,
    /// `ContainsMeta` (all `SecurityRisk`), plus frames: readers strip them, or worse, run them.
    static let riskyElements: Set<String> = [
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "meta", "link", "base",
    ]
    /// Attributes holding a URL; relative values need a base the reader does not have.
    static let urlAttributes: Set<String> = ["href", "src", "poster", "action", "formaction", "cite", "data", "background"]
    /// The five entities XML predefines (XML 1.0 section 4.6); any other name needs a DTD readers never load.
    static let xmlEntities: Set<Substring> = ["amp", "lt", "gt", "quot", "apos"]

    /// Nesting at which the check gives up (libxml2's HTML parser stops at 256).
    static let depthLimit = 250

    /// Where the field is, for messages: "description of the item at line 12".
    var field: String
    /// The line of the element holding the field.
    var line: Int
    /// True when an `xml:base` is in scope, so relative references resolve as RFC 4287 section 2 allows.
    var hasBase: Bool

    /// Checks escaped HTML text (already unescaped once by the XML parser).
    /// - Parameters:
    ///   - checkEntities: false for JSON Feed, whose HTML is never inside XML.
    ///   - session: where the markup findings of HTML already seen are kept; the same body appears in RSS,
    ///     Atom and JSON Feed, and parsing it is the expensive part.
    func check(html: String, checkEntities: Bool = true, session: ValidationSession? = nil, into findings: inout FindingList) {
        if checkEntities { checkEntityReferences(in: html, into: &findings) }
        // Without a "<" there is no element to find; most summaries are plain text, so skip the parse.
        guard ByteSearch.contains(UInt8(ascii: "<"), in: html) else { return }
        let markup = session?.markupFindings(html: html, hasBase: hasBase) ?? Self.markupFindings(html: html, hasBase: hasBase)
        add(markup, into: &findings)
    }

    /// Checks inline XHTML (Atom `type="xhtml"`): the elements are already parsed.
    func check(xhtml root: XMLNode, into findings: inout FindingList) {
        add(Self.walk(root, hasBase: hasBase), into: &findings)
    }

    private func add(_ markup: [MarkupFinding], into findings: inout FindingList) {
        for finding in markup {
            findings.add(finding.rule, line: line, field + finding.detail)
        }
    }

    /// What is wrong with the markup of an HTML fragment, independent of where the fragment sits.
    ///
    /// The tree is walked through `HTMLFragment`'s byte buffers: a `String` is made only for element names
    /// (short enough to be stored inline) and for the attributes a rule looks at.
    static func markupFindings(html: String, hasBase: Bool) -> [MarkupFinding] {
        guard let fragment = HTMLFragment.parse(html) else { return [] }
        var report = MarkupReport(hasBase: hasBase)
        withExtendedLifetime(fragment) {
            var stack: [(node: HTMLNode, depth: Int)] = []
            var child = fragment.wrapper.firstChild
            var children: [HTMLNode] = []
            func pushChildren(from first: HTMLNode?, depth: Int) {
                children.removeAll(keepingCapacity: true)
                var next = first
                while let node = next {
                    if node.kind == .element { children.append(node) }
                    next = node.nextSibling
                }
                for node in children.reversed() { stack.append((node, depth)) }
            }
            // What a stray </div> pushed out of the wrapper is checked after the wrapper's children.
            pushChildren(from: fragment.trailing, depth: 1)
            pushChildren(from: child, depth: 1)
            while let (node, depth) = stack.popLast() {
                let name = String(decoding: node.name, as: UTF8.self).lowercased()
                guard report.enter(element: name, depth: depth) else { continue }
                var attribute = node.firstAttribute
                while let current = attribute {
                    let attributeName = String(decoding: current.name, as: UTF8.self).lowercased()
                    if report.needsValue(of: attributeName) {
                        let value = current.withValue { String(decoding: $0, as: UTF8.self) }
                        report.check(attribute: attributeName, value: value, element: name)
                    }
                    attribute = current.next
                }
                child = node.firstChild
                pushChildren(from: child, depth: depth + 1)
            }
        }
        return report.findings
    }

    static func walk(_ root: XMLNode, hasBase: Bool) -> [MarkupFinding] {
        walk(topLevel: root.elementChildren, hasBase: hasBase)
    }

    /// Walks the given top-level elements and their subtrees, in document order.
    static func walk(topLevel: [XMLNode], hasBase: Bool) -> [MarkupFinding] {
        var report = MarkupReport(hasBase: hasBase)
        var stack = topLevel.reversed().map { (node: $0, depth: 1) }
        while let (node, depth) = stack.popLast() {
            let name = node.name.lowercased()
            guard report.enter(element: name, depth: depth) else { continue }
            for attribute in node.attributes {
                let attributeName = attribute.name.lowercased()
                if report.needsValue(of: attributeName) {
                    report.check(attribute: attributeName, value: attribute.value, element: name)
                }
            }
            stack.append(contentsOf: node.elementChildren.reversed().map { (node: $0, depth: depth + 1) })
        }
        return report.findings
    }

    /// The findings of one walk, each reported once, whichever tree the walk goes over.
    private struct MarkupReport {
        let hasBase: Bool
        var findings: [MarkupFinding] = []
        private var reported: Set<String> = []

        init(hasBase: Bool) {
            self.hasBase = hasBase
        }

        mutating func report(_ rule: Rule, _ detail: String) {
            if reported.insert(detail).inserted { findings.append(MarkupFinding(rule: rule, detail: detail)) }
        }

        /// Checks an element's name; false when its subtree must not be walked.
        mutating func enter(element name: String, depth: Int) -> Bool {
            if depth >= HTMLContentCheck.depthLimit {
                // libxml2's HTML parser silently drops everything below depth 255, so whatever is hidden
                // there (a script, say) cannot be checked. No article needs such nesting.
                report(.securityRisk, " nests elements more than \(HTMLContentCheck.depthLimit) deep; "
                    + "content below that cannot be checked")
                return false
            }
            if HTMLContentCheck.riskyElements.contains(name) {
                report(.securityRisk, " contains <\(name)>, which readers strip or run unsandboxed")
            }
            return true
        }

        /// Whether a rule looks at this attribute (by its lower-case name).
        func needsValue(of name: String) -> Bool {
            name.hasPrefix("on") || name == "style" || HTMLContentCheck.urlAttributes.contains(name)
        }

        mutating func check(attribute name: String, value: String, element: String) {
            if name.hasPrefix("on") {
                report(.securityRisk, " has an event handler attribute \(name) on <\(element)>")
            } else if name == "style" {
                let lowered = value.lowercased()
                if lowered.contains("expression(") || lowered.contains("javascript:") {
                    report(.securityRisk, " has a style attribute with script on <\(element)>")
                }
            } else if HTMLContentCheck.urlAttributes.contains(name) {
                HTMLContentCheck.checkURL(value.trimmingWhitespace, attribute: name, element: element,
                                          hasBase: hasBase) { rule, detail in report(rule, detail) }
            }
        }
    }

    static func checkURL(_ value: String, attribute: String, element: String, hasBase: Bool,
                         report: (Rule, String) -> Void) {
        if let scheme = URISyntax.scheme(of: value) {
            let lowered = scheme.lowercased()
            if lowered == "javascript" || lowered == "vbscript"
                || (lowered == "data" && value.lowercased().hasPrefix("data:text/html")) {
                report(.securityRisk, " has a \(lowered): URL in <\(element) \(attribute)>")
            }
        } else if !hasBase, !value.isEmpty, !URISyntax.isFragmentOnly(value) {
            report(.containsRelRef, " has a relative URL \"\(value.prefix(80))\" in <\(element) \(attribute)>, "
                + "which readers resolve against the feed's address, not the article's")
        }
    }

    /// Finds `&name;` references other than XML's five: in escaped HTML they survive into readers that do
    /// not know HTML's entity table and show up as literal text. Also finds numeric references to the C1
    /// controls (`&#150;`), which are Windows-1252 punctuation mislabelled as Unicode.
    private func checkEntityReferences(in text: String, into findings: inout FindingList) {
        let bytes = text.utf8
        guard ByteSearch.contains(UInt8(ascii: "&"), in: text) else { return }
        var unknown: [String] = []
        var badNumeric = false
        let characters = Array(bytes)
        var index = 0
        while index < characters.count {
            guard characters[index] == UInt8(ascii: "&") else { index += 1; continue }
            var end = index + 1
            while end < characters.count, end - index <= 32, characters[end] != UInt8(ascii: ";"),
                  Self.isNameByte(characters[end]) { end += 1 }
            if end < characters.count, characters[end] == UInt8(ascii: ";"), end > index + 1 {
                let name = String(decoding: characters[(index + 1)..<end], as: UTF8.self)
                if name.hasPrefix("#") {
                    let digits = name.dropFirst()
                    let value = digits.first == "x" || digits.first == "X" ? Int(digits.dropFirst(), radix: 16) : Int(digits)
                    if let value, (0x80...0x9F).contains(value) { badNumeric = true }
                } else if !Self.xmlEntities.contains(Substring(name)), !unknown.contains(name), unknown.count < 5 {
                    unknown.append(name)
                }
            }
            index = end
        }
        if !unknown.isEmpty {
            findings.add(.undefinedNamedEntity, line: line, "\(field) uses " + unknown.map { "&\($0);" }.joined(separator: ", ")
                + ", not defined in XML; write the character itself (or a numeric reference)")
        }
        if badNumeric {
            findings.add(.badCharacters, line: line, "\(field) has a numeric reference to a C1 control (&#128;–&#159;), "
                + "probably Windows-1252 punctuation; use the Unicode character")
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x23
    }
}

/// A problem in an HTML fragment's markup; the message is the field's description followed by `detail`.
struct MarkupFinding: Sendable, Hashable {
    var rule: Rule
    /// The message after the field's description, starting with a space.
    var detail: String
}
