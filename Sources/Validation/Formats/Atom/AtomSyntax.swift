// The value checks of the syntax family (Syntax/) that the Atom handlers call as functions rather than as
// handlers, gathered here so that the Atom code names each once.

/// Value checks the Atom handlers need as functions.
enum AtomSyntax {
    /// Whether `text` is a MIME type with optional parameters (RFC 2045 section 5.1).
    static func isMIMEType(_ text: String) -> Bool { MIMEType.isValid(text) }

    /// Checks a URI reference (RFC 3986), logging `rule` on `handler` for a malformed one.
    /// - Returns: true when the value is acceptable.
    @discardableResult
    static func checkURI(_ value: String, rule: Rule, in handler: ElementHandler, what: String) -> Bool {
        URICheck.validate(value, shape: .reference, rule: rule, in: handler, what: what)
    }

    /// Logs `rule` on `handler` when plain text holds HTML markup (an HTML end tag or an escaped entity).
    static func checkNonHTML(_ value: String, in handler: ElementHandler, rule: Rule) {
        MarkupText.checkNonHTML(value, in: handler, rule: rule)
    }

    /// Checks escaped HTML that readers render: unsafe elements, attributes and styles, HTML parse errors.
    /// Relative links are not looked for in Atom, whose xml:base resolves them.
    static func checkSafeHTML(_ value: String, in handler: ElementHandler) {
        MarkupText.checkSafeHTML(value, in: handler, relativeReferences: false)
    }

    /// An IRI with its non-ASCII host labels in Punycode (RFC 3490 ToASCII), as the service converts an IRI
    /// before checking it; the text itself when it cannot be converted.
    static func asciiIRI(_ text: String) -> String { IDNA.toASCII(text) ?? text }

    /// Whether an XHTML element name is HTML at all (`NotHtml` otherwise).
    static func isHTMLElement(_ name: String) -> Bool { HTMLVocabulary.elements.contains(name) }

    /// Whether an HTML element is safe for readers to display (`SecurityRisk` otherwise).
    static func isSafeHTMLElement(_ name: String) -> Bool { HTMLVocabulary.safeElements.contains(name) }

    /// Whether an SVG element or attribute is one readers display without risk (SVG Tiny).
    static func isSafeSVGElement(_ name: String) -> Bool { HTMLVocabulary.svgElements.contains(name) }
    static func isSafeSVGAttribute(_ name: String) -> Bool { HTMLVocabulary.svgAttributes.contains(name) }

    /// Whether a MathML element or attribute is one readers display without risk.
    static func isSafeMathMLElement(_ name: String) -> Bool { HTMLVocabulary.mathMLElements.contains(name) }
    static func isSafeMathMLAttribute(_ name: String) -> Bool { HTMLVocabulary.mathMLAttributes.contains(name) }

    /// The parts of a `style` attribute readers strip as dangerous (`DangerousStyleAttr` each).
    static func unsafeStyleParts(of style: String) -> [String] { StyleCheck.unsafeParts(of: style) }
}
