/// An Atom text construct (RFC 4287 section 3.1): `title`, `subtitle`, `summary`, `rights`, and the base of
/// `content` (section 4.1.3).
///
/// `type` says how to read the text: `text` (plain text, where HTML markup is suspicious), `html` (escaped
/// HTML, checked as readers render it) or `xhtml` (one XHTML `div` holding inline markup). Content may also
/// carry a MIME type, with Base64 for types that are neither XML nor text (section 4.1.3.3), or point
/// elsewhere with `src`. White space is kept as written: it is part of the text.
///
/// Atom in RSS uses it for `atom:title`, `atom:summary` and the like.
class AtomTextConstruct: ElementHandler {
    /// `text`, `html`, `xhtml` or a MIME type; empty for an out-of-line `src` content without `type`.
    private(set) var type = "text"

    /// Marks `children` so that text beside elements, or inside an out-of-line content, is `UnexpectedText`.
    static let elementMarker = "#element"

    private static let attributeNames = [AttributeName("type"), AttributeName("src")]

    override var expectedAttributes: [AttributeName]? { Self.attributeNames }

    override func normalizeWhitespace() {}

    /// The types this construct accepts: text constructs take `text`, `html`, `xhtml` only (section 3.1.1).
    func checkTypeName() {
        if type.contains("/") {
            log(.invalidTextType, "the type of \(name) must be text, html or xhtml, not \"\(type.prefix(60))\" (RFC 4287 section 3.1.1)")
        }
    }

    var hasSource: Bool { attributes.contains("src") }

    override func prevalidate() {
        type = hasSource ? "" : "text"
        // RSS 2.0 has description for this; atom:summary alone is the usual, accepted companion.
        if !hasSource, feedKind == .rss2, name != "atom:summary" {
            log(.duplicateDescriptionSemantics, "\(name) repeats what the RSS item or channel says in its own elements")
        }
        if let given = attributes["type"] {
            type = given
            if given.isEmpty { log(.attrNotBlank, "the type attribute of \(name) in \(parentName) should not be blank") }
        }
        checkTypeName()
        if let source = attributes["src"] {
            // Section 4.1.3.2: out-of-line content is empty, and its type should be given.
            children.append(Self.elementMarker)
            AtomSyntax.checkURI(source, rule: .invalidURIAttribute, in: self, what: "src")
            if !attributes.contains("type") {
                log(.missingTypeAttr, "\(name) with src should say the type of what it points to")
            }
        }
        if ["text", "html", "xhtml"].contains(type) && !hasSource {
            return
        } else if !type.isEmpty && !AtomSyntax.isMIMEType(type) {
            log(.invalidMIMEType, "the type of \(name) must be text, html, xhtml or a MIME type, not \"\(type.prefix(60))\"")
        }
    }

    override func validate() {
        switch type {
        case "text":
            AtomSyntax.checkNonHTML(value, in: self, rule: .containsUndeclaredHTML)
        case "xhtml":
            // The text of the XHTML div (XHTMLDivEater adds it here when it holds no markup).
            AtomSyntax.checkNonHTML(value, in: self, rule: .notInline)
        default:
            if Self.isBase64Type(type) {
                return validateBase64()
            }
            checkMarkup(value)
        }
        checkBlank(isEmpty: value.isEmpty)
    }

    /// Section 4.1.3.3 rule 5: content of a type that is neither XML nor text is Base64-encoded; decoded, HTML
    /// is checked as HTML and anything that reads as UTF-8 as plain text.
    private func validateBase64() {
        guard let bytes = AtomBase64.decode(value) else {
            log(.notBase64, "\(name) of type \(type.prefix(60)) must be Base64-encoded (RFC 4287 section 4.1.3.3)")
            checkMarkup(value)
            return checkBlank(isEmpty: value.isEmpty)
        }
        let text = String(validating: bytes, as: UTF8.self)
        if type.hasSuffix("/html") {
            // Decoded, it is escaped HTML like type="html".
            type = "html"
            if let text {
                AtomSyntax.checkSafeHTML(text, in: self)
            } else {
                log(.notBase64, "\(name) of type \(type.prefix(60)) must be Base64-encoded UTF-8")
            }
        } else if let text {
            AtomSyntax.checkNonHTML(text, in: self, rule: .containsUndeclaredHTML)
        }
        checkBlank(isEmpty: bytes.isEmpty)
    }

    /// Escaped HTML for `html` and HTML media types, plain text for the others.
    private func checkMarkup(_ text: String) {
        guard type == "html" || type.hasSuffix("/html") else {
            return AtomSyntax.checkNonHTML(text, in: self, rule: .containsUndeclaredHTML)
        }
        AtomSyntax.checkSafeHTML(text, in: self)
        // Section 4.1.3.3 rule 4 wants a whole document for an HTML media type, not a fragment.
        if type.hasSuffix("/html"), !text.contains("<html"), !hasSource {
            log(.htmlFragment, "\(name) of type \(type.prefix(60)) should be a whole HTML document; use type=\"html\" for a fragment")
        }
    }

    private func checkBlank(isEmpty: Bool) {
        if isEmpty && children.isEmpty && !hasSource {
            log(.notBlank, "\(name) in \(parentName) should not be blank")
        }
    }

    /// Types that are neither XML nor text are Base64-encoded (section 4.1.3.3 rules 3 to 5).
    static func isBase64Type(_ type: String) -> Bool {
        type.contains("/") && !(type.hasSuffix("+xml") || type.hasSuffix("/xml") || type.hasPrefix("text/"))
    }

    /// Text beside an element of the construct (the XHTML div) is out of place; text alone is the value.
    override func textOK() {
        if !children.isEmpty { super.textOK() }
    }

    override func characters(_ text: String) {
        // Section 3.1.1.3: xhtml content is one div; text before it is not inside it.
        if type == "xhtml", !text.isBlank, value.isBlank {
            log(.missingXhtmlDiv, "\(name) of type xhtml must hold its text inside an XHTML div")
        }
        super.characters(text)
    }

    override func startChild(local: String, namespace: String?, prefix: String?, attributes: AttributeList) {
        let isXMLType = type.hasSuffix("+xml") || type.hasSuffix("/xml")
        if type != "xhtml" && !isXMLType {
            log(.undefinedElement, "Undefined \(name) element: \(local) (type \(type.isEmpty ? "none" : type) holds text, not elements)")
        }
        let isXHTMLDiv = local == "div" && namespace == Vocabulary.xhtml
        if type == "xhtml" {
            if !isXHTMLDiv && value.isBlank {
                log(.missingXhtmlDiv, "\(name) of type xhtml must hold one div in the XHTML namespace (RFC 4287 section 3.1.1.3)")
                if local == "div" { log(.notHtml, "the div in \(name) is not in the XHTML namespace \(Vocabulary.xhtml)") }
            } else if namespace != Vocabulary.xhtml {
                log(.notHtml, "\(local) in \(name) is not in the XHTML namespace")
            }
        }
        if type == "application/xhtml+xml" {
            if local != "html" {
                log(.htmlFragment, "\(name) of type application/xhtml+xml should be a whole XHTML document")
            } else if namespace != Vocabulary.xhtml {
                log(.notHtml, "html in \(name) is not in the XHTML namespace")
            }
        }
        // Atom 0.3's mode="escaped" has no place in Atom 1.0.
        if self.attributes["mode"] == "escaped" {
            log(.notEscaped, "\(name) uses Atom 0.3's mode=\"escaped\" and holds elements; Atom 1.0 uses type=\"html\"")
        }
        children.append(local)
        walker.push([isXHTMLDiv ? XHTMLDivEater() : Eater()], name: local, attributes: attributes, parent: self)
    }
}

/// `<content>` of an entry (RFC 4287 section 4.1.3): a text construct that also takes a MIME type.
final class AtomContent: AtomTextConstruct {
    override func checkTypeName() {
        // Section 4.1.3.1: a MIME type is allowed, but not a composite one.
        if type == "multipart/alternative" {
            log(.invalidMIMEType, "content cannot be of a composite type such as multipart/alternative (RFC 4287 section 4.1.3.1)")
        }
    }
}
