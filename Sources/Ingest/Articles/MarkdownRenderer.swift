import CCmarkGFM
import Foundation

/// Markdown to HTML with cmark-gfm: GitHub's tables, autolinks, strikethrough, task lists and tag filter.
///
/// Options: `UNSAFE` lets raw HTML through (authors embed figures and videos; the feed builder sanitises
/// scripts later, and `tagfilter` already escapes `<script>`, `<iframe>` and the like); `FOOTNOTES` because
/// long-form posts use them; `SMART` turns straight quotes and `--` into typographic ones, as most static site
/// generators do by default, so feed text matches the web page. Code spans and blocks are left alone by SMART.
enum MarkdownRenderer {
    static let extensionNames = ["table", "autolink", "strikethrough", "tasklist", "tagfilter"]
    static let options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_SMART

    /// Held while a parser runs its inline pass (see `render`).
    private static let inlinePass = NSLock()

    /// Registration must happen once before any parser looks up an extension; a `static let` runs its
    /// initialiser exactly once, even when tasks race to it.
    private static let registration: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// The rendered body, and the text of a leading level-1 heading when `extractTitle` asked for it
    /// (that heading is then removed from the body, since feeds show the title separately).
    struct Rendered {
        var html: String
        var title: String?
        /// See `Entry.contentIsSelfContained`.
        var isSelfContained = false
    }

    static func render(_ markdown: String, extractTitle: Bool) -> Rendered {
        _ = registration
        guard let parser = cmark_parser_new(options) else { return Rendered(html: "", title: nil) }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        // A NUL would end the text early in C; decoding already refused such files, this is belt and braces.
        var bytes = Array(markdown.utf8)
        if bytes.contains(0) { bytes.removeAll { $0 == 0 } }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        // cmark-gfm 0.29 switches the characters that start an extension's inline syntax (autolink's `:` and
        // `w`, strikethrough's `~`) on in one process-wide table when a parser starts its inline pass, and off
        // when it ends: two documents finished at once on two threads lose each other's autolinks and
        // strikethrough. The inline pass happens in `cmark_parser_finish`, so finishing is serialised; block
        // parsing (`cmark_parser_feed`) and rendering still run on all cores.
        inlinePass.lock()
        let finished = cmark_parser_finish(parser)
        inlinePass.unlock()
        guard let document = finished else { return Rendered(html: "", title: nil) }
        defer { cmark_node_free(document) }

        var title: String?
        if extractTitle, let heading = firstLevelOneHeading(in: document) {
            let text = FastText.trimmingSpaces(plainText(of: heading))
            if !text.isEmpty {
                title = text
                cmark_node_unlink(heading)
                cmark_node_free(heading)
            }
        }
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return Rendered(html: "", title: title)
        }
        defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
        // A task list renders <input> checkboxes, which the cleaner removes: leave those bodies to it. (strstr
        // on the C string: Foundation's String.contains cost more than rendering the Markdown.)
        let selfContained = strstr(rendered, "<input") == nil && isSelfContained(document)
        return Rendered(html: String(cString: rendered), title: title, isSelfContained: selfContained)
    }

    /// How deep a self-contained body may nest (blocks and inlines); the cleaner flattens deeper bodies.
    static let selfContainedDepth = 32

    /// Whether cmark's HTML for this document has nothing to clean: no raw HTML (which `UNSAFE` passes
    /// through), every link and image URL absolute with a scheme readers fetch (`http`, `https`, `mailto`),
    /// and shallow nesting. cmark escapes all text and attribute values
    /// and writes no entity beyond XML's five, so such HTML is what cleaning would produce, up to white space
    /// between blocks and equivalent escapes.
    private static func isSelfContained(_ document: OpaquePointer) -> Bool {
        guard let iterator = cmark_iter_new(document) else { return false }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { return true }
            guard event == CMARK_EVENT_ENTER else { continue }
            guard let node = cmark_iter_get_node(iterator) else { return false }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                return false
            case CMARK_NODE_FOOTNOTE_REFERENCE, CMARK_NODE_FOOTNOTE_DEFINITION:
                // Rendered as links to fragments of the page (#fn-1), which the cleaner points at the article.
                return false
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                guard let url = cmark_node_get_url(node), isFetchable(url) else { return false }
            default:
                break
            }
            // Nesting is bounded by the deepest node that has children; leaves add no element level.
            if cmark_node_first_child(node) != nil {
                var depth = 0
                var ancestor = cmark_node_parent(node)
                while let current = ancestor {
                    depth += 1
                    if depth > selfContainedDepth { return false }
                    ancestor = cmark_node_parent(current)
                }
            }
        }
    }

    /// `http:`, `https:` or `mailto:` (any case) followed by something. Not a `#fragment`: the cleaner
    /// points those at the article's page, where the reader's view of the entry has no such anchor.
    private static func isFetchable(_ url: UnsafePointer<CChar>) -> Bool {
        let text = UnsafeRawPointer(url).assumingMemoryBound(to: UInt8.self)
        let length = strlen(url)
        for scheme in ["http:", "https:", "mailto:"] {
            let bytes = Array(scheme.utf8)
            if length > bytes.count, bytes.indices.allSatisfy({ lowercased(text[$0]) == bytes[$0] }) { return true }
        }
        return false
    }

    /// The first top-level `# heading`, if any.
    private static func firstLevelOneHeading(in document: OpaquePointer) -> OpaquePointer? {
        var node = cmark_node_first_child(document)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_HEADING, cmark_node_get_heading_level(current) == 1 {
                return current
            }
            node = cmark_node_next(current)
        }
        return nil
    }

    /// The text of a node's inlines: literals of text and code spans, line breaks as spaces.
    private static func plainText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE || type == CMARK_NODE_HTML_INLINE {
                if type != CMARK_NODE_HTML_INLINE, let literal = cmark_node_get_literal(current) {
                    text += String(cString: literal)
                }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }
}
