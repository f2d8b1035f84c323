/// The XHTML `div` of an `xhtml` text construct (RFC 4287 section 3.1.1.3), and each element inside it.
///
/// Readers display this markup as it is, so each element is checked as a reader's sanitizer sees it:
/// elements outside HTML are `NotHtml`, scripts and other unsafe elements `SecurityRisk`, event handlers
/// `SecurityRiskAttr`, risky CSS `DangerousStyleAttr`; SVG and MathML are allowed with their safe subsets.
/// Elements of other known vocabularies are undefined here. A div holding text only passes that text to the
/// construct, where escaped markup in it is `NotInline` (the XHTML should be inline, not escaped).
final class XHTMLDivEater: Eater {
    /// True once the element holds a child element: its text is then markup, not one value.
    private var mixed = false

    private static let svg = "http://www.w3.org/2000/svg"
    private static let mathML = "http://www.w3.org/1998/Math/MathML"

    override func characters(_ text: String) {
        if TextScan.hasBadCharacters(text) || TextScan.looksDoublyEncoded(text) {
            log(.badCharacters, "\(name) in \(parentName) contains control characters, U+FFFD or text encoded twice")
        }
        value += text
    }

    override func startChild(local: String, namespace: String?, prefix: String?, attributes: AttributeList) {
        switch namespace {
        case nil:
            log(.missingNamespace, "\(local) in the XHTML div is in no namespace; XHTML elements are in \(Vocabulary.xhtml)")
        case Vocabulary.xhtml?:
            if !AtomSyntax.isHTMLElement(local) {
                log(.notHtml, "\(local) is not an XHTML element")
            } else if !AtomSyntax.isSafeHTMLElement(local) {
                log(.securityRisk, "\(local) in XHTML content is unsafe: readers strip or run it")
            }
            for item in attributes.items where item.name.namespace == nil {
                if item.name.local == "style" {
                    for part in AtomSyntax.unsafeStyleParts(of: item.value) {
                        log(.dangerousStyleAttr, "the style of \(local) holds \"\(part.prefix(60))\", which readers strip")
                    }
                } else if item.name.local.hasPrefix("on") {
                    log(.securityRiskAttr, "\(local) has the event handler \(item.name.local), which readers strip")
                }
            }
        case Self.svg?:
            if !AtomSyntax.isSafeSVGElement(local) { log(.securityRisk, "SVG \(local) in XHTML content is unsafe") }
            for item in attributes.items where item.name.namespace == nil && !AtomSyntax.isSafeSVGAttribute(item.name.local) {
                log(.securityRiskAttr, "the attribute \(item.name.local) of SVG \(local) is unsafe")
            }
        case Self.mathML?:
            if !AtomSyntax.isSafeMathMLElement(local) { log(.securityRisk, "MathML \(local) in XHTML content is unsafe") }
            for item in attributes.items where item.name.namespace == nil && !AtomSyntax.isSafeMathMLAttribute(item.name.local) {
                log(.securityRiskAttr, "the attribute \(item.name.local) of MathML \(local) is unsafe")
            }
        case let other?:
            if let known = Vocabulary.prefixByURI[other] {
                // An SVG metadata element may hold any vocabulary (RDF, Dublin Core).
                if name != "metadata" { log(.undefinedElement, "Undefined \(name) element: \(known):\(local)") }
                walker.push([Eater()], name: local, attributes: attributes, parent: self)
                return
            }
        }
        mixed = true
        super.startChild(local: local, namespace: namespace, prefix: prefix, attributes: attributes)
    }

    /// The pushed child of an eater is an eater of the same kind: nested markup is checked too.
    override func childEater() -> Eater { XHTMLDivEater() }

    override func end() {
        normalizeWhitespace()
        validate()
    }

    override func validate() {
        if !mixed { parent?.value += value }
    }
}
