// The content cleaner as it was before the byte-level rewrite (walk through `XMLNode`, a `String` per node,
// Foundation `URL` per relative link), kept as the oracle the fast cleaner is compared with. Policy changes
// since then are made here too: elements that are not kept give way to their children, inline styles go
// through `InlineStyle`, and characters readers treat as damage are dropped (filtered per scalar here, per byte
// there).
import Foundation
import XML

@testable import FeedBuilder

/// Cleans an article's HTML body for embedding in a feed: absolute links, no active content, no entity a
/// strict XML reader cannot resolve.
///
/// The body is parsed with libxml2's HTML parser (so `&nbsp;` and friends become characters), then written
/// back out in one walk over the tree that skips what must go: the tree itself is never edited, so the work is
/// linear in the size of the body. Readers ignore `xml:base` (NetNewsWire, Feedly), so relative `href`/`src`
/// are made absolute against the entry's own link. Scripts, frames, plugins, forms and `on*` handlers are
/// dropped because readers that render HTML in a web view would otherwise run them.
struct ReferenceCleaner: Sendable {
    /// Elements dropped with everything inside them.
    static let removedElements: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "param",
        "form", "input", "button", "select", "textarea", "option", "optgroup", "datalist", "keygen",
        "base", "link", "meta", "template", "title", "head",
    ]
    /// Elements replaced by their children: their content is ordinary article text.
    static let unwrappedElements: Set<String> = ["noscript", "html", "body"]
    /// Elements written out; every other element that is not removed is replaced by its children.
    static let keptElements = Set(ContentCleaner.keptElements)
    /// How deep elements may nest in cleaned HTML; deeper elements are replaced by their children.
    ///
    /// Nothing an author writes needs more, while thousands of nested `<div>`s or `>` quotes make readers'
    /// HTML parsers give up (libxml2 stops at 256 levels) and the validator reports a SecurityRisk.
    static let maximumDepth = 100
    /// Attributes that hold a single URL.
    static let urlAttributes: Set<String> = [
        "href", "src", "poster", "cite", "action", "formaction", "background", "longdesc", "data", "xlink:href",
    ]
    /// HTML elements without an end tag.
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]
    /// Elements whose edges separate words in the plain text.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
        "table", "td", "th", "tr", "ul",
    ]

    /// The cleaned body.
    struct Result: Sendable, Hashable {
        /// Cleaned HTML, safe to put in `content:encoded`, Atom `content type="html"` and `content_html`.
        var html: String
        /// The start of the body's text, white space collapsed, at most `textLimit` characters (plus the
        /// one that shows it goes on); used where a plain-text excerpt is needed.
        var plainText: String
    }

    /// How many characters of plain text `clean` collects; an excerpt never needs the whole body.
    var textLimit: Int

    /// Creates a cleaner.
    init(textLimit: Int = 400) {
        self.textLimit = textLimit
    }

    /// Cleans an HTML fragment.
    /// - Parameters:
    ///   - html: the article body.
    ///   - baseURL: the entry's absolute link; relative URLs are resolved against it.
    /// - Returns: the cleaned HTML and the start of its plain text.
    func clean(_ html: String, baseURL: String) -> Result {
        guard let wrapper = try? XMLDocument.htmlFragment(html) else {
            // htmlFragment only fails when libxml2 returns no document at all; fall back to escaped text so
            // the entry is still published and nothing active slips through.
            var output = ReferenceHTMLOutput(textLimit: textLimit)
            output.text(html)
            return Result(html: output.htmlString, plainText: output.plainText)
        }
        var output = ReferenceHTMLOutput(textLimit: textLimit)
        write(childrenOf: wrapper, base: URL(string: baseURL), depth: 0, to: &output)
        // The one change since the copy: what a stray </div> pushed out of the wrapper is written after it.
        write(nodes: Self.trailingNodes(after: wrapper), base: URL(string: baseURL), depth: 0, to: &output)
        return Result(html: output.htmlString, plainText: output.plainText)
    }

    /// The nodes libxml2 put after the wrapper in the body (the wrapper is the body's first child).
    static func trailingNodes(after wrapper: XMLNode) -> [XMLNode] {
        Array(wrapper.parent?.children.dropFirst() ?? [])
    }

    /// Writes a node's children; `depth` counts the elements already open around them in the output.
    private func write(childrenOf parent: XMLNode, base: URL?, depth: Int, to output: inout ReferenceHTMLOutput) {
        write(nodes: parent.children, base: base, depth: depth, to: &output)
    }

    private func write(nodes: [XMLNode], base: URL?, depth: Int, to output: inout ReferenceHTMLOutput) {
        for child in nodes {
            switch child.kind {
            case .text, .cdata:
                output.text(child.ownText)
            case .element:
                write(element: child, base: base, depth: depth, to: &output)
            case .comment, .other:
                continue
            }
        }
    }

    private func write(element: XMLNode, base: URL?, depth: Int, to output: inout ReferenceHTMLOutput) {
        // libxml2's HTML parser lower-cases element and attribute names (htmlParseHTMLName).
        let name = element.name
        if Self.removedElements.contains(name) { return }
        let isBlock = Self.blockElements.contains(name)
        if isBlock { output.wordBreak() }
        if Self.unwrappedElements.contains(name) || !Self.keptElements.contains(name) || depth >= Self.maximumDepth {
            write(childrenOf: element, base: base, depth: depth, to: &output)
            if isBlock { output.wordBreak() }
            return
        }
        output.markup("<" + name)
        for attribute in element.attributes {
            guard let value = cleanedAttribute(attribute, base: base) else { continue }
            output.markup(" " + attribute.name + "=\"")
            output.attributeValue(value)
            output.markup("\"")
        }
        output.markup(">")
        if Self.voidElements.contains(name) {
            write(childrenOf: element, base: base, depth: depth, to: &output)
            return
        }
        write(childrenOf: element, base: base, depth: depth + 1, to: &output)
        output.markup("</" + name + ">")
        if isBlock { output.wordBreak() }
    }

    /// The value to write for an attribute, or nil when the attribute must go.
    private func cleanedAttribute(_ attribute: XMLAttribute, base: URL?) -> String? {
        let name = attribute.name
        if name.hasPrefix("on") { return nil }
        if Self.urlAttributes.contains(name) {
            return Self.safeURL(attribute.value, base: base, allowsImageData: name != "href")
        }
        if name == "srcset" {
            return Self.cleanedSourceSet(attribute.value, base: base)
        }
        if name == "style" {
            return InlineStyle.reduced(attribute.value)
        }
        return attribute.value
    }

    /// An absolute, harmless version of a URL attribute, or nil when the attribute must go.
    static func safeURL(_ value: String, base: URL?, allowsImageData: Bool) -> String? {
        let trimmed = trimmedASCIIWhitespace(value)
        if let scheme = scheme(of: trimmed) {
            switch scheme {
            case "javascript", "vbscript", "livescript": return nil
            case "data": return allowsImageData && isImageData(trimmed) ? trimmed : nil
            default: return trimmed  // already absolute
            }
        }
        guard !trimmed.isEmpty, let base, let resolved = URL(string: trimmed, relativeTo: base) else { return trimmed }
        return resolved.absoluteString
    }

    /// The lower-cased scheme of an absolute URL, nil for a relative one. Browsers ignore tabs and newlines
    /// anywhere in a URL (`java\tscript:`), so they are skipped here too.
    static func scheme(of url: String) -> String? {
        var scheme = ""
        for byte in url.utf8 {
            switch byte {
            case 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                scheme.unicodeScalars.append(Unicode.Scalar(byte | 0x20))
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                guard !scheme.isEmpty else { return nil }
                scheme.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: ":"):
                return scheme.isEmpty ? nil : scheme
            default:
                return nil
            }
        }
        return nil
    }

    static func isImageData(_ url: String) -> Bool {
        withoutControlsAndSpaces(String(url.prefix(64))).lowercased().hasPrefix("data:image/")
    }

    /// Resolves each candidate of a `srcset` (`url descriptor, url descriptor`) and drops unsafe ones.
    static func cleanedSourceSet(_ value: String, base: URL?) -> String {
        var candidates: [String] = []
        for candidate in value.split(separator: ",") {
            let parts = candidate.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            guard let first = parts.first,
                let url = safeURL(String(first), base: base, allowsImageData: true)
            else { continue }
            candidates.append(([url] + parts.dropFirst().map(String.init)).joined(separator: " "))
        }
        return candidates.joined(separator: ", ")
    }

    static func trimmedASCIIWhitespace(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { $0 > 0x20 }), let last = utf8.lastIndex(where: { $0 > 0x20 }) else {
            return ""
        }
        if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex { return text }
        return String(text[first...last])
    }

    static func withoutControlsAndSpaces(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value > 0x20 }))
    }

    static func collapsedWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func escapedText(_ text: String) -> String {
        var output = ReferenceHTMLOutput(textLimit: 0)
        output.text(text)
        return output.htmlString
    }
}

/// The output of `ContentCleaner`: HTML as UTF-8 bytes plus the start of the plain text.
///
/// Text is copied in runs and only `&`, `<`, `>` (and `"` in attribute values) are replaced, byte-wise:
/// bodies are large and almost every byte needs nothing. Characters XML 1.0 forbids are dropped, so the HTML
/// embeds safely in an XML document.
struct ReferenceHTMLOutput {
    private var bytes: [UInt8] = []
    private var text: [UInt8] = []
    private var textCharacters = 0
    private var pendingSpace = false
    let textLimit: Int

    init(textLimit: Int) {
        self.textLimit = textLimit
    }

    var htmlString: String { String(decoding: bytes, as: UTF8.self) }
    var plainText: String { String(decoding: text, as: UTF8.self) }

    /// Appends markup we generated ourselves (tag names, attribute names): written as is.
    mutating func markup(_ string: String) {
        bytes.append(contentsOf: string.utf8)
    }

    /// Appends character data, escaped, and feeds the plain text.
    mutating func text(_ string: String) {
        escape(string, quotes: false)
        collectText(string)
    }

    /// Appends a double-quoted attribute value's content, escaped.
    mutating func attributeValue(_ string: String) {
        escape(string, quotes: true)
    }

    /// Marks a word boundary in the plain text (the edge of a block element).
    mutating func wordBreak() {
        pendingSpace = textCharacters > 0
    }

    private mutating func escape(_ string: String, quotes: Bool) {
        var string = String(String.UnicodeScalarView(string.unicodeScalars.filter { !XMLCharacters.isDamage($0) }))
        string.withUTF8 { utf8 in
            var runStart = 0
            var index = 0
            let count = utf8.count
            func flush(_ end: Int) {
                if end > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<end])) }
            }
            while index < count {
                let byte = utf8[index]
                var replacement: StaticString?
                var width = 1
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\"") where quotes: replacement = "&quot;"
                case 0x09, 0x0A, 0x0D: break
                case 0..<0x20: replacement = ""  // forbidden in XML 1.0
                case 0xEF where index + 2 < count && utf8[index + 1] == 0xBF && utf8[index + 2] >= 0xBE:
                    replacement = ""  // U+FFFE, U+FFFF
                    width = 3
                default: break
                }
                if let replacement {
                    flush(index)
                    replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
                    index += width
                    runStart = index
                } else {
                    index += 1
                }
            }
            flush(count)
        }
    }

    /// Collects text up to the limit, collapsing runs of white space into one space.
    private mutating func collectText(_ string: String) {
        guard textCharacters <= textLimit else { return }
        for scalar in string.unicodeScalars {
            // ASCII first: a Unicode property lookup per character costs more than the rest of the loop.
            let isWhitespace =
                scalar.isASCII
                ? scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "\u{C}"
                : scalar.properties.isWhitespace
            if isWhitespace {
                pendingSpace = textCharacters > 0
                continue
            }
            guard XMLCharacters.isPublishable(scalar) else { continue }
            if pendingSpace {
                text.append(UInt8(ascii: " "))
                textCharacters += 1
                pendingSpace = false
            }
            text.append(contentsOf: String(scalar).utf8)
            textCharacters += 1
            if textCharacters > textLimit { return }
        }
    }
}
