import Foundation
import XML

/// Clean-up of titles taken from text.
enum TitleText {
    /// Quote characters that may wrap a title: ASCII, typographic, guillemets, low-9 quotes.
    static let quotes: Set<Character> = ["\"", "'", "“", "”", "„", "‟", "«", "»", "‘", "’", "‚", "‛", "‹", "›", "「", "」", "＂"]

    /// Removes one pair of surrounding quotes of any kind (and the spaces French guillemets carry inside),
    /// only when the title both starts and ends with a quote, so `"Hello" world` keeps its quotes.
    static func unquoted(_ title: String) -> String {
        var text = title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.count >= 2, let first = text.first, let last = text.last, quotes.contains(first), quotes.contains(last) else {
            return text
        }
        text = String(text.dropFirst().dropLast())
        return text.trimmingCharacters(in: .whitespaces.union(.init(charactersIn: "\u{00A0}\u{202F}")))
    }

    /// HTML element names, current and obsolete: an end tag naming one of them marks markup.
    static let htmlElementNames: Set<String> = [
        "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base", "basefont",
        "bdi", "bdo", "bgsound", "big", "blink", "blockquote", "body", "br", "button", "canvas", "caption", "center",
        "cite", "code", "col", "colgroup", "command", "comment", "content", "data", "datagrid", "datalist", "dd",
        "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "element", "em", "embed", "eventsource",
        "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4",
        "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "image", "img", "input", "ins",
        "isindex", "kbd", "keygen", "label", "legend", "li", "link", "listing", "m", "main", "map", "mark",
        "marquee", "menu", "menuitem", "meta", "meter", "multicol", "nav", "nextid", "nobr", "noembed", "noframes",
        "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "plaintext", "pre",
        "progress", "q", "rb", "rp", "rt", "rtc", "ruby", "s", "samp", "script", "search", "section", "select",
        "shadow", "slot", "small", "sound", "source", "spacer", "span", "strike", "strong", "style", "sub",
        "summary", "sup", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title",
        "tr", "track", "tt", "u", "ul", "var", "video", "wbr", "xmp",
    ]

    /// The text of a title or summary that holds HTML markup, else the text as it is.
    ///
    /// Titles and summaries are plain text in every feed Crier writes, and a `<` in one is shown as written by
    /// most readers. An end tag of an HTML element (`</b>`, `</script>`) is another matter: it shows the author
    /// wrote markup, the W3C Feed Validation Service flags it (`ContainsHTML`), and readers split between
    /// printing the tags and rendering them. So such a text is read as HTML and replaced by what it displays:
    /// `Why <em>this</em> matters` becomes `Why this matters`, entities decoded, white space collapsed.
    static func withoutMarkup(_ text: String) -> String {
        guard hasHTMLEndTag(text), let fragment = try? XMLDocument.htmlFragment(text) else { return text }
        return fragment.textContent.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// True when the text holds `</name>` (or `</name >`) for an HTML element name.
    static func hasHTMLEndTag(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var index = 0
        while index + 3 < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/") else { continue }
            var end = index + 2
            while end < bytes.count, bytes[end] < 0x80,
                Character(Unicode.Scalar(bytes[end])).isLetter || Character(Unicode.Scalar(bytes[end])).isNumber
            {
                end += 1
            }
            guard end > index + 2 else { continue }
            let name = String(decoding: bytes[(index + 2)..<end], as: UTF8.self).lowercased()
            while end < bytes.count, bytes[end] == UInt8(ascii: " ") { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: ">"), htmlElementNames.contains(name) { return true }
        }
        return false
    }
}
