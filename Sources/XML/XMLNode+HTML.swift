extension XMLNode {
    /// HTML elements that have no end tag.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    /// The children of this node serialised as HTML, the way a browser's `innerHTML` reads.
    ///
    /// Text is escaped (`&`, `<`, `>`), attribute values also `"`; characters are written as UTF-8, never as
    /// named entities, so the result embeds safely in XML. Comments are dropped.
    public var innerHTML: String {
        var output = ""
        for child in children { child.appendHTML(to: &output) }
        return output
    }

    /// This node and its children serialised as HTML.
    public var outerHTML: String {
        var output = ""
        appendHTML(to: &output)
        return output
    }

    private func appendHTML(to output: inout String) {
        switch kind {
        case .text, .cdata:
            Self.escape(ownText, into: &output, quotes: false)
        case .element:
            output += "<" + name
            for attribute in attributes {
                output += " " + attribute.name + "=\""
                Self.escape(attribute.value, into: &output, quotes: true)
                output += "\""
            }
            output += ">"
            if Self.voidElements.contains(name) { return }
            for child in children { child.appendHTML(to: &output) }
            output += "</" + name + ">"
        case .comment, .other:
            return
        }
    }

    /// Escapes markup characters for HTML text or a double-quoted attribute value.
    static func escape(_ text: String, into output: inout String, quotes: Bool) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            default:
                if XMLCharacters.isAllowed(scalar) { output.unicodeScalars.append(scalar) }
            }
        }
    }
}
