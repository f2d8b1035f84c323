// The value checks of the syntax family (Syntax/) that the Atom handlers call as functions rather than as
// handlers, gathered here so that the Atom code names each once.
//
// Until the syntax family's branch is merged these are stand-ins that accept everything (and so report
// nothing); the lead wires them to `MIMEType.isValid`, `URICheck.validate`, `MarkupText.checkNonHTML`,
// `MarkupText.checkSafeHTML`, `URICanonicalForm.canonical`, `HTMLVocabulary` and `StyleCheck`.

/// Value checks the Atom handlers need as functions.
enum AtomSyntax {
    /// Whether `text` is a MIME type with optional parameters (RFC 2045 section 5.1).
    static func isMIMEType(_ text: String) -> Bool { true }

    /// Checks a URI reference (RFC 3986), logging `rule` on `handler` for a malformed one.
    /// - Returns: true when the value is acceptable.
    @discardableResult
    static func checkURI(_ value: String, rule: Rule, in handler: ElementHandler, what: String) -> Bool { true }

    /// Logs `rule` on `handler` when plain text holds HTML markup (an HTML end tag or an escaped entity).
    static func checkNonHTML(_ value: String, in handler: ElementHandler, rule: Rule) {}

    /// Checks escaped HTML that readers render: unsafe elements, attributes and styles, HTML parse errors.
    static func checkSafeHTML(_ value: String, in handler: ElementHandler) {}

    /// The canonical form of a URI (RFC 3986 section 6.2.2), nil for a relative-path reference.
    static func canonicalURI(_ text: String) -> String? {
        let head = text.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return head.contains(":") || text.hasPrefix("/") ? text : nil
    }

    /// Whether an XHTML element name is HTML at all (`NotHtml` otherwise).
    static func isHTMLElement(_ name: String) -> Bool { true }

    /// Whether an HTML element is safe for readers to display (`SecurityRisk` otherwise).
    static func isSafeHTMLElement(_ name: String) -> Bool { true }

    /// Whether an SVG element or attribute is one readers display without risk (SVG Tiny).
    static func isSafeSVGElement(_ name: String) -> Bool { true }
    static func isSafeSVGAttribute(_ name: String) -> Bool { true }

    /// Whether a MathML element or attribute is one readers display without risk.
    static func isSafeMathMLElement(_ name: String) -> Bool { true }
    static func isSafeMathMLAttribute(_ name: String) -> Bool { true }

    /// The parts of a `style` attribute readers strip as dangerous (`DangerousStyleAttr` each).
    static func unsafeStyleParts(of style: String) -> [String] { [] }
}
