import Foundation
import XML

/// Cleans an article's HTML body for embedding in a feed: absolute links, no active content, no entity a
/// strict XML reader cannot resolve.
///
/// The body is parsed with libxml2's HTML parser (so `&nbsp;` and friends become characters), then written
/// back out in one walk over the tree that skips what must go: the tree itself is never edited, so the work is
/// linear in the size of the body. Readers ignore `xml:base` (NetNewsWire, Feedly), so relative `href`/`src`
/// are made absolute against the entry's own link. Scripts, frames, plugins, forms and `on*` handlers are
/// dropped because readers that render HTML in a web view would otherwise run them; inline styles keep only
/// harmless declarations (`InlineStyle`), and elements that are not HTML give way to their text.
///
/// The walk reads names, attributes and text in place as UTF-8 (`HTMLFragment`) and writes into one byte
/// buffer: a `String` per node cost more than libxml2's parse. The output is byte for byte what the earlier
/// `String`-based walk gave; `CleanerEquivalenceTests` compares the two on ordinary and hostile bodies.
public struct ContentCleaner: Sendable {
    /// What the cleaner does with an element, by name.
    struct ElementTraits: OptionSet, Sendable {
        let rawValue: UInt8
        /// Dropped with everything inside it.
        static let removed = ElementTraits(rawValue: 1)
        /// Replaced by its children: its content is ordinary article text.
        static let unwrapped = ElementTraits(rawValue: 2)
        /// No end tag.
        static let void = ElementTraits(rawValue: 4)
        /// Its edges separate words in the plain text.
        static let block = ElementTraits(rawValue: 8)
        /// Written out as it is (with cleaned attributes); an element without this trait is replaced by its
        /// children.
        static let kept = ElementTraits(rawValue: 16)
    }

    /// The elements written out as they are: HTML's text, list, table, media and sectioning elements.
    ///
    /// Anything else that is not removed outright is replaced by its children: SVG and MathML (`svg`, `math`,
    /// `path`), elements of Word's and other namespaces (`o:p`), custom and misspelt elements. Readers and the
    /// W3C Feed Validation Service (`NotHtml`, `SecurityRisk`) do not know them, while their text is still the
    /// article's.
    static let keptElements: [String] = [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "bdi", "big", "blockquote", "br",
        "caption", "center", "cite", "code", "col", "colgroup", "data", "dd", "del", "details", "dfn", "dir", "div",
        "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "i", "img", "ins", "kbd", "li", "main", "map", "mark", "menu", "meter", "nav", "ol", "p",
        "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "section", "small", "source", "span",
        "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr",
        "track", "tt", "u", "ul", "var", "video", "wbr",
    ]

    static let elementTraits: NameTable<ElementTraits> = {
        var traits: [String: ElementTraits] = [:]
        for name in [
            "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "param",
            "form", "input", "button", "select", "textarea", "option", "optgroup", "datalist", "keygen",
            "base", "link", "meta", "template", "title", "head",
        ] { traits[name, default: []].insert(.removed) }
        for name in ["noscript", "html", "body"] { traits[name, default: []].insert(.unwrapped) }
        for name in keptElements { traits[name, default: []].insert(.kept) }
        for name in [
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
            "track", "wbr",
        ] { traits[name, default: []].insert(.void) }
        for name in [
            "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
            "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
            "section", "table", "td", "th", "tr", "ul",
        ] { traits[name, default: []].insert(.block) }
        return NameTable(traits.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }()

    /// How deep elements may nest in cleaned HTML; deeper elements are replaced by their children.
    ///
    /// Nothing an author writes needs more, while thousands of nested `<div>`s or `>` quotes make readers'
    /// HTML parsers give up (libxml2 stops at 256 levels) and the validator reports a SecurityRisk.
    static let maximumDepth = 100

    /// What the cleaner does with an attribute, by name (besides dropping every `on*` handler).
    enum AttributeKind: Sendable {
        /// Holds a single URL.
        case url
        /// `srcset`: URLs with descriptors.
        case sourceSet
        /// `style`: reduced to safe declarations.
        case style
    }

    static let attributeKinds = NameTable<AttributeKind>([
        ("href", .url), ("src", .url), ("poster", .url), ("cite", .url), ("action", .url), ("formaction", .url),
        ("background", .url), ("longdesc", .url), ("data", .url), ("xlink:href", .url),
        ("srcset", .sourceSet), ("style", .style),
    ])

    /// The cleaned body.
    public struct Result: Sendable, Hashable {
        /// Cleaned HTML, safe to put in `content:encoded`, Atom `content type="html"` and `content_html`.
        public var html: String
        /// The start of the body's text, white space collapsed, at most `textLimit` characters (plus the
        /// one that shows it goes on); used where a plain-text excerpt is needed.
        public var plainText: String
    }

    /// How many characters of plain text `clean` collects; an excerpt never needs the whole body.
    public var textLimit: Int

    /// Creates a cleaner.
    public init(textLimit: Int = 400) {
        self.textLimit = textLimit
    }

    /// Cleans an HTML fragment.
    /// - Parameters:
    ///   - html: the article body.
    ///   - baseURL: the entry's absolute link; relative URLs are resolved against it.
    /// - Returns: the cleaned HTML and the start of its plain text.
    public func clean(_ html: String, baseURL: String) -> Result {
        guard let fragment = HTMLFragment.parse(html) else {
            // libxml2 returned no document at all; fall back to escaped text so the entry is still published
            // and nothing active slips through.
            var output = HTMLOutput(textLimit: textLimit)
            output.text(html)
            return Result(html: output.htmlString, plainText: output.plainText)
        }
        var output = HTMLOutput(textLimit: textLimit, capacity: html.utf8.count + 256)
        var links = LinkResolver(base: baseURL)
        withExtendedLifetime(fragment) {
            write(childrenOf: fragment.wrapper, depth: 0, links: &links, to: &output)
            // A stray </div> in the body closes the wrapper early; what follows it is still the article's.
            write(nodesFrom: fragment.trailing, depth: 0, links: &links, to: &output)
        }
        return Result(html: output.htmlString, plainText: output.plainText)
    }

    /// Writes a node's children; `depth` counts the elements already open around them in the output.
    private func write(childrenOf parent: HTMLNode, depth: Int, links: inout LinkResolver, to output: inout HTMLOutput) {
        write(nodesFrom: parent.firstChild, depth: depth, links: &links, to: &output)
    }

    /// Writes a node and its following siblings.
    private func write(nodesFrom first: HTMLNode?, depth: Int, links: inout LinkResolver, to output: inout HTMLOutput) {
        var next = first
        while let child = next {
            switch child.kind {
            case .text, .cdata:
                UTF8Scalars.withValid(child.text) { output.text($0) }
            case .element:
                UTF8Scalars.withValid(child.name) { name in
                    write(element: child, name: name, depth: depth, links: &links, to: &output)
                }
            case .comment, .other:
                break
            }
            next = child.nextSibling
        }
    }

    private func write(
        element: HTMLNode, name: UnsafeBufferPointer<UInt8>, depth: Int, links: inout LinkResolver,
        to output: inout HTMLOutput
    ) {
        // libxml2's HTML parser lower-cases element and attribute names (htmlParseHTMLName).
        let traits = Self.elementTraits.value(name) ?? []
        if traits.contains(.removed) { return }
        let isBlock = traits.contains(.block)
        if isBlock { output.wordBreak() }
        if traits.contains(.unwrapped) || !traits.contains(.kept) || depth >= Self.maximumDepth {
            write(childrenOf: element, depth: depth, links: &links, to: &output)
            if isBlock { output.wordBreak() }
            return
        }
        output.markup("<")
        output.markup(name)
        var next = element.firstAttribute
        while let attribute = next {
            UTF8Scalars.withValid(attribute.name) { attributeName in
                attribute.withValue { rawValue in
                    UTF8Scalars.withValid(rawValue) { value in
                        write(attribute: attributeName, value: value, links: &links, to: &output)
                    }
                }
            }
            next = attribute.next
        }
        output.markup(">")
        if traits.contains(.void) {
            // libxml2's HTML parser (HTML 4) does not know `source` and `track` are empty and puts what follows
            // inside them (the `img` of a `picture`); that content is written after the tag instead of dropped.
            write(childrenOf: element, depth: depth, links: &links, to: &output)
            return
        }
        write(childrenOf: element, depth: depth + 1, links: &links, to: &output)
        output.markup("</")
        output.markup(name)
        output.markup(">")
        if isBlock { output.wordBreak() }
    }

    /// Writes an attribute as ` name="value"` with its value cleaned, or nothing when the attribute must go.
    private func write(
        attribute name: UnsafeBufferPointer<UInt8>, value: UnsafeBufferPointer<UInt8>,
        links: inout LinkResolver, to output: inout HTMLOutput
    ) {
        if name.count >= 2 && name[0] == UInt8(ascii: "o") && name[1] == UInt8(ascii: "n") {
            // `String.hasPrefix` compares characters: a combining mark after the `n` makes another letter.
            if name.count == 2 || name[2] < 0x80 || String(decoding: name, as: UTF8.self).hasPrefix("on") { return }
        }
        func write(_ cleaned: UnsafeBufferPointer<UInt8>) {
            output.markup(" ")
            output.markup(name)
            output.markup("=\"")
            output.attributeValue(cleaned)
            output.markup("\"")
        }
        switch Self.attributeKinds.value(name) {
        case .url:
            let isHref = name.count == 4 && name.elementsEqual("href".utf8)
            switch Self.safeURL(value, allowsImageData: !isHref) {
            case .remove: return
            case .keep(let range): write(UnsafeBufferPointer(rebasing: value[range]))
            case .relative(let range):
                links.resolve(UnsafeBufferPointer(rebasing: value[range])).withUnsafeBufferPointer { write($0) }
            }
        case .sourceSet:
            var string = Self.cleanedSourceSet(String(decoding: value, as: UTF8.self), links: &links)
            string.withUTF8 { write($0) }
        case .style:
            // Only declarations that cannot load, run or cover anything stay (`InlineStyle`).
            guard var reduced = InlineStyle.reduced(String(decoding: value, as: UTF8.self)) else { return }
            reduced.withUTF8 { write($0) }
        case nil:
            write(value)
        }
    }

    /// What to do with a URL attribute's value.
    enum URLAction: Equatable {
        /// Drop the attribute: a script URL, or data that is not an image where data is allowed.
        case remove
        /// Keep these bytes (the value without surrounding white space): absolute already, or empty.
        case keep(Range<Int>)
        /// Resolve these bytes against the entry's link.
        case relative(Range<Int>)
    }

    /// Sorts a URL attribute's value: dangerous, absolute, or relative to be resolved.
    static func safeURL(_ value: UnsafeBufferPointer<UInt8>, allowsImageData: Bool) -> URLAction {
        var start = 0
        var end = value.count
        while start < end && value[start] <= 0x20 { start += 1 }
        while end > start && value[end - 1] <= 0x20 { end -= 1 }
        if (start > 0 || end < value.count) && value.contains(where: { $0 >= 0x80 }) {
            // Trimming used to cut a `String` at character boundaries, which can keep a trailing space that
            // joins the character before it (a prepended mark); with non-ASCII text the cut is made that way.
            let text = String(decoding: value, as: UTF8.self)
            let trimmed = trimmedASCIIWhitespace(text)
            if let range = trimmed.utf8.isEmpty ? nil : text.utf8.firstRange(of: trimmed.utf8) {
                start = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
                end = text.utf8.distance(from: text.utf8.startIndex, to: range.upperBound)
            }
        }
        let trimmed = UnsafeBufferPointer(rebasing: value[start..<end])
        switch scheme(of: trimmed) {
        case nil:
            return start == end ? .keep(start..<end) : .relative(start..<end)
        case .some(.script):
            return .remove
        case .some(.data):
            return allowsImageData && isImageData(trimmed) ? .keep(start..<end) : .remove
        case .some(.other):
            return .keep(start..<end)  // already absolute
        }
    }

    /// The kinds of scheme the cleaner tells apart.
    enum SchemeKind {
        case script, data, other
    }

    /// The kind of an absolute URL's scheme, nil for a relative URL. Browsers ignore tabs and newlines
    /// anywhere in a URL (`java\tscript:`), so they are skipped here too; case does not matter.
    static func scheme(of url: UnsafeBufferPointer<UInt8>) -> SchemeKind? {
        // Only the dangerous schemes need their letters; at most the 10 of `javascript`/`livescript` are kept.
        var letters: (UInt64, UInt64) = (0, 0)
        var length = 0
        for byte in url {
            switch byte {
            case 0x09, 0x0A, 0x0D: continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                guard length > 0 || byte >= UInt8(ascii: "A") else { return nil }
                let lowered = byte >= UInt8(ascii: "A") ? byte | 0x20 : byte
                if length < 8 {
                    letters.0 |= UInt64(lowered) << (8 * UInt64(length))
                } else if length < 16 {
                    letters.1 |= UInt64(lowered) << (8 * UInt64(length - 8))
                }
                length += 1
            case UInt8(ascii: ":"):
                guard length > 0 else { return nil }
                if length == 4 && letters == Self.schemeData { return .data }
                if length == 10 && (letters == Self.schemeJavaScript || letters == Self.schemeLiveScript) {
                    return .script
                }
                if length == 8 && letters == Self.schemeVBScript { return .script }
                return .other
            default:
                return nil
            }
        }
        return nil
    }

    private static func packed(_ name: StaticString) -> (UInt64, UInt64) {
        var letters: (UInt64, UInt64) = (0, 0)
        name.withUTF8Buffer { bytes in
            for (index, byte) in bytes.enumerated() {
                if index < 8 {
                    letters.0 |= UInt64(byte) << (8 * UInt64(index))
                } else {
                    letters.1 |= UInt64(byte) << (8 * UInt64(index - 8))
                }
            }
        }
        return letters
    }

    private static let schemeData = packed("data")
    private static let schemeJavaScript = packed("javascript")
    private static let schemeLiveScript = packed("livescript")
    private static let schemeVBScript = packed("vbscript")

    /// True for a `data:image/...` URL, ignoring case, white space and controls as browsers do.
    static func isImageData(_ url: UnsafeBufferPointer<UInt8>) -> Bool {
        isImageData(String(decoding: url, as: UTF8.self))
    }

    static func isImageData(_ url: String) -> Bool {
        withoutControlsAndSpaces(String(url.prefix(64))).lowercased().hasPrefix("data:image/")
    }

    /// Resolves each candidate of a `srcset` (`url descriptor, url descriptor`) and drops unsafe ones.
    static func cleanedSourceSet(_ value: String, links: inout LinkResolver) -> String {
        var candidates: [String] = []
        for candidate in value.split(separator: ",") {
            let parts = candidate.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            guard var first = parts.first.map(String.init) else { continue }
            let url: String? = first.withUTF8 { bytes in
                switch safeURL(bytes, allowsImageData: true) {
                case .remove: nil
                case .keep(let range): String(decoding: bytes[range], as: UTF8.self)
                case .relative(let range):
                    String(decoding: links.resolve(UnsafeBufferPointer(rebasing: bytes[range])), as: UTF8.self)
                }
            }
            guard let url else { continue }
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
        if isCollapsedASCII(text) { return text }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// True for printable ASCII with single spaces between words and none at either end: text the slow path
    /// (grapheme by grapheme, a tenth of a build's cleaning at 10,000 summaries) would give back unchanged.
    static func isCollapsedASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return bytes.isEmpty }
            var previous: UInt8 = 0
            for byte in bytes {
                guard byte >= 0x20, byte < 0x7F, !(byte == 0x20 && previous == 0x20) else { return false }
                previous = byte
            }
            return true
        }
    }

    static func escapedText(_ text: String) -> String {
        var output = HTMLOutput(textLimit: 0)
        output.text(text)
        return output.htmlString
    }
}
