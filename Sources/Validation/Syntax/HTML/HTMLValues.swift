// HTML value rules (service: `safeHtml`, `nonhtml`, `htmlEater`).

/// Escaped HTML that readers render (service: `safeHtml`), such as RSS `description`: see `MarkupText`.
class SafeHTML: TextValue {
    override func prevalidate() {
        MarkupText.markMixedContent(self)
    }

    override func validate() {
        MarkupText.checkSafeHTML(value, in: self)
    }
}

/// Plain text in which HTML is suspicious (service: `nonhtml`), such as a title: `ContainsHTML`.
class NonHTML: TextValue {
    override func prevalidate() {
        MarkupText.markMixedContent(self)
    }

    override func validate() {
        MarkupText.checkNonHTML(value, in: self)
    }
}

/// Inline markup inside content (service: `htmlEater`): each element is checked against the safe HTML list
/// (`SecurityRisk`), each event-handler attribute (`SecurityRiskAttr`) and risky style (`DangerousStyleAttr`).
class HTMLEater: Eater {
    override func characters(_ text: String) {
        if TextScan.hasBadCharacters(text) || TextScan.looksDoublyEncoded(text) {
            log(.badCharacters, "\(name) contains control characters, U+FFFD or text encoded twice")
        }
        value += text
    }

    override func startChild(local: String, namespace: String?, prefix: String?, attributes: AttributeList) {
        for item in attributes.items where item.name.namespace == nil {
            let attribute = item.name.local.lowercased()
            if attribute == "style" {
                for part in StyleCheck.unsafeParts(of: item.value) {
                    log(.dangerousStyleAttr, "the style of \(local) in \(name) holds \"\(part.prefix(60))\", which readers strip")
                }
            } else if attribute.hasPrefix("on") {
                log(.securityRiskAttr, "\(local) in \(name) has the event handler \(item.name.local), which readers strip")
            }
        }
        walker.push([HTMLEater()], name: name, attributes: attributes, parent: self)
        if !HTMLVocabulary.safeElements.contains(local.lowercased()) {
            log(.securityRisk, "\(name) contains \(local), which readers strip or run")
        }
    }
}
