/// Reads escaped HTML the way an HTML5 parser does (WHATWG HTML, "Tokenization" and "Tree construction", as
/// the W3C service's html5lib reads a fragment in a `div`), and reports the first parse error and the
/// elements met.
///
/// The service calls any parse error `NotHtml`, so what matters is where an HTML5 parser reports one: a `&`
/// that starts no named reference (`AT&T`, `?a=1&b=2`), a reference without `;`, `<` not starting a tag,
/// characters HTML forbids, a malformed tag or attribute, an element left open at the end that HTML does not
/// close implicitly, an end tag with nothing to close. The tree rules are those of the "in body" insertion
/// mode, which is where a fragment's content goes; table and foreign-content modes are approximated.
///
/// A byte scanner rather than libxml2's HTML parser: libxml2 (2.9) closes elements silently, reads `&b=` in
/// attributes without complaint and reports other things as errors, so its diagnostics cannot tell what an
/// HTML5 parser would say. The scan is linear and allocates only for element and attribute names.
struct HTMLSyntaxCheck {
    /// An element start tag, for the vocabulary checks.
    struct Element {
        var name: String
        var attributes: [(name: String, value: String)]
    }

    /// What a fragment holds.
    struct Result {
        /// The first parse error, nil when there is none.
        var error: String?
        /// Start tags in document order (the elements an HTML5 parser builds, less the implied ones).
        var elements: [Element] = []
    }

    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "command", "embed", "event-source", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "basefont", "bgsound", "frame", "keygen",
    ]
    private static let rawTextElements: Set<String> = ["script", "style", "xmp", "iframe", "noembed", "noframes"]
    private static let escapableRawTextElements: Set<String> = ["textarea", "title"]
    /// Elements that may stay open at the end of the input without a parse error.
    private static let closableAtEnd: Set<String> = ["dd", "dt", "li", "p", "tbody", "td", "tfoot", "th", "thead", "tr", "body", "html"]
    private static let impliedEnd: Set<String> = ["dd", "dt", "li", "optgroup", "option", "p", "rb", "rp", "rt", "rtc"]
    private static let scopeBoundaries: Set<String> = [
        "applet", "caption", "html", "table", "td", "th", "marquee", "object",
        "template", "svg", "math", "foreignobject", "desc", "title", "mi", "mo",
        "mn", "ms", "mtext", "annotation-xml",
    ]
    private static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    private static let formatting: Set<String> = [
        "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike",
        "strong", "tt", "u",
    ]
    /// HTML's "special" elements: an end tag that would have to close one of these to reach its element is an error.
    private static let special: Set<String> = [
        "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br", "button",
        "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption",
        "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr",
        "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav",
        "noembed", "noframes", "noscript", "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section",
        "select", "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
        "title", "tr", "track", "ul", "wbr", "xmp",
    ]
    /// Start tags that are parse errors in the body of a fragment (table parts outside a table, document-level
    /// elements).
    private static let misplacedStart: Set<String> = [
        "caption", "col", "colgroup", "frame", "head", "tbody", "td", "tfoot",
        "th", "thead", "tr", "html", "body", "frameset", "image", "isindex",
    ]
    private static let tableContexts: Set<String> = ["table", "tbody", "thead", "tfoot", "tr"]

    private let bytes: [UInt8]
    private var index = 0
    private var result = Result()
    /// Open elements, innermost last; the fragment's context `div` is below them all.
    private var open = OpenElements()
    private var foreignDepth = 0

    /// Reads a fragment.
    static func check(_ html: String) -> Result {
        var scanner = HTMLSyntaxCheck(bytes: Array(html.utf8))
        scanner.run()
        return scanner.result
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var failed: Bool { result.error != nil }

    private mutating func fail(_ message: String) {
        if result.error == nil { result.error = message }
    }

    private mutating func run() {
        var pendingText = false
        while index < bytes.count && !failed {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                if pendingText { text() }
                pendingText = false
                tagOpen()
            } else if byte == UInt8(ascii: "&") {
                if let current = open.last, Self.tableContexts.contains(current) { fail("text directly inside <\(current)>") }
                index += 1
                characterReference(inAttribute: nil)
            } else if byte >= 0x20 && byte < 0x7F {
                // Plain ASCII text: the common case, read without a call per byte.
                if byte != 0x20 { pendingText = true }
                index += 1
                while index < bytes.count {
                    let next = bytes[index]
                    guard next > 0x20 && next < 0x7F && next != UInt8(ascii: "<") && next != UInt8(ascii: "&") else { break }
                    index += 1
                }
            } else {
                checkCharacter()
                if !isSpace(byte) { pendingText = true }
            }
        }
        if pendingText { text() }
        guard !failed else { return }
        for name in open.names.reversed() where !Self.closableAtEnd.contains(name) {
            fail("<\(name)> is not closed")
            break
        }
    }

    /// Non-space text was read since the last tag: inside a table it is misplaced.
    private mutating func text() {
        if let current = open.last, Self.tableContexts.contains(current) { fail("text directly inside <\(current)>") }
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        Self.isSpaceByte(byte)
    }

    /// HTML's white space: space, tab, line feed, form feed, carriage return.
    private static func isSpaceByte(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    /// Advances over one character of text, failing on characters HTML forbids (controls, non-characters).
    private mutating func checkCharacter() {
        let byte = bytes[index]
        if byte < 0x80 {
            if byte == 0 || (byte < 0x20 && !isSpace(byte)) || byte == 0x7F { fail("a control character") }
            index += 1
            return
        }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length where index + offset < bytes.count {
            value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
        }
        if (0x80...0x9F).contains(value) || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE {
            fail("a character HTML does not allow (U+\(String(value, radix: 16, uppercase: true)))")
        }
        index += length
    }

    // MARK: - Character references

    /// After `&`: a named or numeric reference, or a bare `&` before a space, `<`, `&` or the end.
    private mutating func characterReference(inAttribute quote: UInt8?) {
        guard index < bytes.count else { return }
        let next = bytes[index]
        if isSpace(next) || next == UInt8(ascii: "<") || next == UInt8(ascii: "&") || (quote != nil && next == quote) { return }
        if next == UInt8(ascii: "#") {
            index += 1
            var hex = false
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "x") {
                hex = true
                index += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while index < bytes.count, hex ? bytes[index].isHexDigit : bytes[index].isASCIIDigit {
                let digit = bytes[index].isASCIIDigit ? UInt32(bytes[index] - 48) : UInt32((bytes[index] | 0x20) - 87)
                value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
                digits += 1
                index += 1
            }
            guard digits > 0 else { return fail("& followed by # but no number") }
            if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) || (0x80...0x9F).contains(value)
                || (0x01...0x08).contains(value) || value == 0x0B || (0x0E...0x1F).contains(value) || value == 0x7F
                || (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE
            {
                return fail("&#\(value); is not a character HTML allows")
            }
            guard index < bytes.count, bytes[index] == UInt8(ascii: ";") else { return fail("a numeric reference without ;") }
            index += 1
            return
        }
        let start = index
        while index < bytes.count, bytes[index].isASCIIAlphanumeric { index += 1 }
        let name = String(decoding: bytes[start..<index], as: UTF8.self)
        if index < bytes.count, bytes[index] == UInt8(ascii: ";"), HTMLNamedReferences.characters[name] != nil {
            index += 1
            return
        }
        fail(name.isEmpty ? "a & that starts no character reference" : "&\(name) is not a character reference ending in ;")
    }

    // MARK: - Tags

    private mutating func tagOpen() {
        index += 1
        guard index < bytes.count else { return fail("< at the end") }
        let byte = bytes[index]
        if byte.isASCIILetter {
            startTag()
        } else if byte == UInt8(ascii: "/") {
            index += 1
            guard index < bytes.count else { return fail("</ at the end") }
            if bytes[index].isASCIILetter {
                endTag()
            } else {
                fail("</ not followed by a tag name")
            }
        } else if byte == UInt8(ascii: "!") {
            index += 1
            markupDeclaration()
        } else {
            fail("< not followed by a tag name")
        }
    }

    private mutating func tagName() -> String {
        let start = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"), bytes[index] != UInt8(ascii: ">") {
            if bytes[index] == 0 { fail("a NUL in a tag name") }
            index += 1
        }
        return String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
    }

    /// Reads attributes up to `>`; returns them and whether the tag ended with `/>`, nil at the end of input.
    private mutating func attributes() -> (list: [(name: String, value: String)], selfClosing: Bool)? {
        var list: [(name: String, value: String)] = []
        var names: Set<String> = []
        while true {
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else {
                fail("a tag not closed by >")
                return nil
            }
            var byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                index += 1
                return (list, false)
            }
            if byte == UInt8(ascii: "/") {
                index += 1
                guard index < bytes.count else {
                    fail("a tag not closed by >")
                    return nil
                }
                if bytes[index] == UInt8(ascii: ">") {
                    index += 1
                    return (list, true)
                }
                fail("/ inside a tag not followed by >")
                return nil
            }
            if byte == UInt8(ascii: "=") {
                fail("= where an attribute name should start")
                return nil
            }
            let start = index
            while index < bytes.count {
                byte = bytes[index]
                if isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || (byte == UInt8(ascii: "=") && index > start) {
                    break
                }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "<") {
                    fail("\(Character(Unicode.Scalar(byte))) in an attribute name")
                    return nil
                }
                index += 1
            }
            let name = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
            if !names.insert(name).inserted {
                fail("attribute \(name) given twice")
                return nil
            }
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else {
                fail("a tag not closed by >")
                return nil
            }
            guard bytes[index] == UInt8(ascii: "=") else {
                list.append((name, ""))
                continue
            }
            index += 1
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            guard index < bytes.count else {
                fail("a tag not closed by >")
                return nil
            }
            let quote = bytes[index]
            if quote == UInt8(ascii: ">") {
                fail("an attribute with = but no value")
                return nil
            }
            var value: [UInt8] = []
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                index += 1
                guard let read = attributeValue(until: { $0 == quote }, quote: quote) else { return nil }
                value = read
                guard index < bytes.count else {
                    fail("an attribute value not closed")
                    return nil
                }
                index += 1
                guard index < bytes.count else {
                    fail("a tag not closed by >")
                    return nil
                }
                let after = bytes[index]
                if !isSpace(after) && after != UInt8(ascii: "/") && after != UInt8(ascii: ">") {
                    fail("no space after an attribute value")
                    return nil
                }
            } else {
                guard let read = attributeValue(until: { Self.isSpaceByte($0) || $0 == UInt8(ascii: ">") }, quote: UInt8(ascii: ">"))
                else { return nil }
                value = read
            }
            // Only a style's value is read by a rule; other values are not turned into strings.
            list.append((name, name == "style" ? String(decoding: value, as: UTF8.self) : ""))
        }
    }

    /// An attribute value with its character references resolved; nil after a parse error.
    private mutating func attributeValue(until end: (UInt8) -> Bool, quote: UInt8) -> [UInt8]? {
        var value: [UInt8] = []
        let unquoted = quote == UInt8(ascii: ">")
        while index < bytes.count, !end(bytes[index]) {
            let byte = bytes[index]
            if unquoted,
                byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: "=")
                    || byte == UInt8(ascii: "`")
            {
                fail("\(Character(Unicode.Scalar(byte))) in an unquoted attribute value")
                return nil
            }
            if byte == UInt8(ascii: "&") {
                index += 1
                let start = index
                characterReference(inAttribute: quote)
                if failed { return nil }
                value.append(contentsOf: Self.decodedReference(bytes[start..<index]))
                continue
            }
            let before = index
            checkCharacter()
            if failed { return nil }
            value.append(contentsOf: bytes[before..<index])
        }
        if index >= bytes.count {
            fail("an attribute value not closed")
            return nil
        }
        return value
    }

    /// The characters a reference (after its `&`) stands for.
    private static func decodedReference(_ reference: ArraySlice<UInt8>) -> [UInt8] {
        guard reference.last == UInt8(ascii: ";") else { return [UInt8(ascii: "&")] + reference }
        let body = reference.dropLast()
        if body.first == UInt8(ascii: "#") {
            let digits = body.dropFirst()
            let hex = digits.first.map { $0 | 0x20 == UInt8(ascii: "x") } ?? false
            let text = String(decoding: hex ? digits.dropFirst() : digits, as: UTF8.self)
            if let value = UInt32(text, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(value) { return Array(String(scalar).utf8) }
            return []
        }
        return Array((HTMLNamedReferences.characters[String(decoding: body, as: UTF8.self)] ?? "").utf8)
    }

    private mutating func startTag() {
        let name = tagName()
        guard !failed, let (attributes, selfClosing) = attributes() else { return }
        result.elements.append(Element(name: name, attributes: attributes))
        if foreignDepth > 0 || name == "svg" || name == "math" {
            if !selfClosing {
                open.append(name)
                foreignDepth += 1
            }
            return
        }
        if selfClosing && !Self.voidElements.contains(name) { return fail("<\(name)/>: only void elements may end with />") }
        if Self.tableParts.contains(name), open.contains("table") {
            return openTablePart(name)
        }
        if Self.misplacedStart.contains(name) { return fail("<\(name)> is not allowed here") }
        if let current = open.last, Self.tableContexts.contains(current),
            !["script", "style", "template", "input", "form"].contains(name)
        {
            return fail("<\(name)> directly inside <\(current)>")
        }
        if name == "a", open.contains("a") { return fail("<a> inside <a>") }
        if Self.headings.contains(name), let current = open.last, Self.headings.contains(current) {
            return fail("<\(name)> inside <\(current)>")
        }
        if name == "li" { closeImplied(upTo: "li", stoppingAt: ["ol", "ul"]) }
        if name == "dd" || name == "dt" { closeImplied(upTo: ["dd", "dt"], stoppingAt: ["dl"]) }
        if Self.closesParagraph.contains(name), inScope("p", extra: ["button"]) { closeParagraph() }
        if name == "option", open.last == "option" { open.removeLast() }
        if Self.voidElements.contains(name) { return }
        if Self.rawTextElements.contains(name) || Self.escapableRawTextElements.contains(name) || name == "plaintext" {
            rawText(name, escapable: Self.escapableRawTextElements.contains(name))
            return
        }
        open.append(name)
    }

    private static let tableParts: Set<String> = ["caption", "col", "colgroup", "tbody", "thead", "tfoot", "tr", "td", "th"]
    /// Elements a table part may close without an error: other table parts and implied-end elements.
    private static let tableStructure: Set<String> = ["tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup"]

    /// A table part inside a table: it closes the open cell, row or section it cannot be inside, as the table
    /// insertion modes do; closing anything else that is still open is an error.
    private mutating func openTablePart(_ name: String) {
        let parents: Set<String>
        switch name {
        case "td", "th": parents = ["tr", "tbody", "thead", "tfoot", "table"]
        case "tr": parents = ["tbody", "thead", "tfoot", "table"]
        default: parents = ["table"]
        }
        while let current = open.last, !parents.contains(current) {
            if !Self.tableStructure.contains(current) && !Self.impliedEnd.contains(current) {
                return fail("<\(name)> while <\(current)> is open")
            }
            open.removeLast()
        }
        if name != "col" { open.append(name) }
    }

    /// The end tag of a table or table part: everything inside it is closed; an error when that includes an
    /// element other than a table part or an implied-end element.
    private mutating func closeTablePart(_ name: String) {
        while let current = open.last {
            open.removeLast()
            if current == name { return }
            if !Self.tableStructure.contains(current) && !Self.impliedEnd.contains(current) {
                return fail("</\(name)> while <\(current)> is open")
            }
        }
    }

    private static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
        "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "section", "summary", "ul", "h1", "h2", "h3",
        "h4", "h5", "h6", "pre", "listing", "form", "table", "hr", "xmp", "plaintext", "li", "dd", "dt",
    ]

    /// A new `li` (or `dd`/`dt`) closes the previous one when only implied-end elements are in the way.
    private mutating func closeImplied(upTo names: Set<String>, stoppingAt boundaries: Set<String>) {
        for position in open.names.indices.reversed() {
            let node = open.names[position]
            if names.contains(node) {
                open.removeSubrange(position...)
                return
            }
            if Self.special.contains(node) && !["address", "div", "p"].contains(node) || boundaries.contains(node) { return }
        }
    }

    private mutating func closeImplied(upTo name: String, stoppingAt boundaries: Set<String>) {
        closeImplied(upTo: [name], stoppingAt: boundaries)
    }

    private func inScope(_ name: String, extra: Set<String> = []) -> Bool {
        guard open.contains(name) else { return false }
        for node in open.names.reversed() {
            if node == name { return true }
            if Self.scopeBoundaries.contains(node) || extra.contains(node) { return false }
        }
        return false
    }

    private func inScope(anyOf names: Set<String>) -> Bool {
        guard names.contains(where: open.contains) else { return false }
        for node in open.names.reversed() {
            if names.contains(node) { return true }
            if Self.scopeBoundaries.contains(node) { return false }
        }
        return false
    }

    private mutating func closeParagraph() {
        generateImpliedEnds(except: "p")
        if open.last != "p" { return fail("<p> closed while other elements in it are open") }
        if let position = open.lastIndex(of: "p") { open.removeSubrange(position...) }
    }

    private mutating func generateImpliedEnds(except name: String? = nil) {
        while let current = open.last, Self.impliedEnd.contains(current), current != name { open.removeLast() }
    }

    /// `script`, `style`, `textarea`, `title`...: text up to the matching end tag.
    private mutating func rawText(_ name: String, escapable: Bool) {
        let closing = Array("</\(name)".utf8)
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), index + closing.count <= bytes.count,
                zip(bytes[index..<index + closing.count], closing).allSatisfy({ $0.asciiLowercased == $1 })
            {
                let after = index + closing.count
                if after == bytes.count || isSpace(bytes[after]) || bytes[after] == UInt8(ascii: ">") || bytes[after] == UInt8(ascii: "/") {
                    index = after
                    _ = attributes()
                    return
                }
            }
            if escapable && bytes[index] == UInt8(ascii: "&") {
                index += 1
                characterReference(inAttribute: nil)
                if failed { return }
                continue
            }
            checkCharacter()
            if failed { return }
        }
        if name != "plaintext" { fail("<\(name)> is not closed") }
    }

    private mutating func endTag() {
        let name = tagName()
        guard !failed, let (attributes, selfClosing) = attributes() else { return }
        if !attributes.isEmpty { return fail("attributes on the end tag </\(name)>") }
        if selfClosing { return fail("the end tag </\(name)/>") }
        if foreignDepth > 0 {
            if let position = open.lastIndex(of: name) {
                foreignDepth -= open.names.count - position
                open.removeSubrange(position...)
                foreignDepth = max(0, foreignDepth)
            } else {
                fail("</\(name)> closes nothing")
            }
            return
        }
        if Self.tableParts.contains(name) || name == "table" {
            guard open.contains(name) else { return fail("</\(name)> without an open <\(name)>") }
            closeTablePart(name)
            return
        }
        switch name {
        case "p":
            guard inScope("p", extra: ["button"]) else { return fail("</p> without an open <p>") }
            closeParagraph()
        case "br":
            fail("</br>")
        case "li":
            guard inScope("li", extra: ["ol", "ul"]) else { return fail("</li> without an open <li>") }
            closeNamed(name)
        case "dd", "dt":
            guard inScope(name) else { return fail("</\(name)> without an open <\(name)>") }
            closeNamed(name)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            guard inScope(anyOf: Self.headings) else { return fail("</\(name)> without an open heading") }
            generateImpliedEnds()
            if open.last != name { return fail("</\(name)> closes another heading") }
            open.removeLast()
        case "body", "html",
            "div" where open.isEmpty:
            fail("</\(name)> closes the fragment's container")
        default:
            if Self.formatting.contains(name) {
                if open.last == name {
                    open.removeLast()
                } else {
                    fail("</\(name)> does not close the innermost element")
                }
                return
            }
            if Self.special.contains(name) {
                guard inScope(name) else { return fail("</\(name)> without an open <\(name)>") }
                closeNamed(name)
                return
            }
            for position in open.names.indices.reversed() {
                let node = open.names[position]
                if node == name {
                    generateImpliedEnds(except: name)
                    if open.last != name { return fail("</\(name)> while other elements in it are open") }
                    open.removeSubrange(position...)
                    return
                }
                if Self.special.contains(node) { return fail("</\(name)> without an open <\(name)>") }
            }
            fail("</\(name)> without an open <\(name)>")
        }
    }

    /// Closes `name` after its implied end tags; an error when something else is still open inside it.
    private mutating func closeNamed(_ name: String) {
        generateImpliedEnds(except: name)
        if open.last != name { return fail("</\(name)> while other elements in it are open") }
        if let position = open.lastIndex(of: name) { open.removeSubrange(position...) }
    }

    /// After `<!`: a comment; anything else (DOCTYPE, CDATA) is an error in HTML content.
    private mutating func markupDeclaration() {
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-") else {
            return fail("<! that is not a comment")
        }
        index += 2
        if index < bytes.count, bytes[index] == UInt8(ascii: ">") { return fail("an empty comment <!-->") }
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: ">") {
            return fail("an empty comment <!--->")
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "-") {
                var end = index + 2
                if end < bytes.count, bytes[end] == UInt8(ascii: ">") {
                    index = end + 1
                    return
                }
                // "--" must end the comment.
                while end < bytes.count, bytes[end] == UInt8(ascii: "-") { end += 1 }
                return fail("-- inside a comment")
            }
            checkCharacter()
            if failed { return }
        }
        fail("a comment not closed")
    }
}

/// The stack of open elements with a count per name, so "is a `p` open?" needs no walk of the stack: hostile
/// input nests thousands of elements, and every start tag asks.
private struct OpenElements {
    private(set) var names: [String] = []
    private var counts: [String: Int] = [:]

    var last: String? { names.last }
    var isEmpty: Bool { names.isEmpty }

    func contains(_ name: String) -> Bool { counts[name, default: 0] > 0 }

    func lastIndex(of name: String) -> Int? {
        contains(name) ? names.lastIndex(of: name) : nil
    }

    mutating func append(_ name: String) {
        names.append(name)
        counts[name, default: 0] += 1
    }

    @discardableResult
    mutating func removeLast() -> String {
        let name = names.removeLast()
        counts[name, default: 1] -= 1
        return name
    }

    mutating func removeSubrange(_ range: PartialRangeFrom<Int>) {
        while names.count > range.lowerBound { removeLast() }
    }
}
