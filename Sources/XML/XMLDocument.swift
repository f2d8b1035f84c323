internal import CLibXML2

/// A document could not be parsed: libxml2's messages with their positions.
public struct XMLParseError: Error, Sendable, CustomStringConvertible {
    /// The problems, first one first.
    public var diagnostics: [XMLDiagnostic]
    public var description: String {
        diagnostics.first.map { "not well-formed XML at \($0.line):\($0.column): \($0.message)" } ?? "not well-formed XML"
    }
}

/// A parsed XML or HTML document. Nodes handed out by it keep it alive.
///
/// Parsing untrusted input is safe by construction: no network access (`XML_PARSE_NONET`), no external DTD
/// or entity is loaded, entities are not substituted, and libxml2's built-in limits on depth and entity
/// amplification stay on (no `XML_PARSE_HUGE`).
public final class XMLDocument {
    let pointer: xmlDocPtr
    /// True for documents from the HTML parser; serialisation and name matching differ.
    public let isHTML: Bool
    /// Warnings and recoverable errors reported while parsing.
    public let parseDiagnostics: [XMLDiagnostic]

    init(pointer: xmlDocPtr, isHTML: Bool, diagnostics: [XMLDiagnostic]) {
        self.pointer = pointer
        self.isHTML = isHTML
        self.parseDiagnostics = diagnostics
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// Parses XML bytes. Throws with libxml2's messages when the bytes are not well-formed.
    ///
    /// The encoding comes from the document itself (BOM or XML declaration, UTF-8 by default), so other
    /// sites' ISO-8859-1 feeds parse too.
    public convenience init(xml bytes: some Collection<UInt8>, url: String = "document.xml") throws(XMLParseError) {
        LibXML.ensureInitialized()
        let collector = DiagnosticCollector()
        guard let context = xmlNewParserCtxt() else {
            throw XMLParseError(diagnostics: [XMLDiagnostic(severity: .error, message: "out of memory")])
        }
        defer { xmlFreeParserCtxt(context) }
        context.pointee.sax.pointee.serror = DiagnosticCollector.parserCallback
        // BIG_LINES: without it every line past 65,535 is reported as 65,535, and large feeds go far past that.
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_BIG_LINES.rawValue)
        let document: xmlDocPtr? = withExtendedLifetime(collector) {
            context.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
            return Self.withContiguousBytes(bytes) { base, count in
                xmlCtxtReadMemory(context, base, Int32(count), url, nil, options)
            }
        }
        try self.init(parsed: document, wellFormed: context.pointee.wellFormed != 0, collector: collector)
    }

    /// Takes a document the XML parser produced, or throws its errors (freeing whatever it built).
    convenience init(parsed document: xmlDocPtr?, wellFormed: Bool, collector: DiagnosticCollector) throws(XMLParseError) {
        let errors = collector.diagnostics.filter { $0.severity == .error }
        guard let document, wellFormed, errors.isEmpty else {
            if let document { xmlFreeDoc(document) }
            throw XMLParseError(
                diagnostics: collector.diagnostics.isEmpty
                    ? [XMLDiagnostic(severity: .error, message: "document is empty or not XML")] : collector.diagnostics)
        }
        self.init(pointer: document, isHTML: false, diagnostics: collector.diagnostics)
    }

    /// Parses HTML bytes leniently, the way a browser would; never fails on bad markup, only on empty input.
    ///
    /// HTML named entities (`&nbsp;`, `&copy;`) become characters. `encoding` is the charset to assume when
    /// the document declares none.
    public convenience init(html bytes: some Collection<UInt8>, encoding: String = "UTF-8") throws(XMLParseError) {
        LibXML.ensureInitialized()
        let collector = DiagnosticCollector()
        guard let context = htmlNewParserCtxt() else {
            throw XMLParseError(diagnostics: [XMLDiagnostic(severity: .error, message: "out of memory")])
        }
        defer { htmlFreeParserCtxt(context) }
        context.pointee.sax.pointee.serror = DiagnosticCollector.parserCallback
        let options = Int32(
            HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let document: htmlDocPtr? = withExtendedLifetime(collector) {
            context.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
            return Self.withContiguousBytes(bytes) { base, count in
                htmlCtxtReadMemory(context, base, Int32(count), "document.html", encoding, options)
            }
        }
        guard let document else {
            throw XMLParseError(diagnostics: [XMLDiagnostic(severity: .error, message: "empty HTML document")])
        }
        self.init(pointer: document, isHTML: true, diagnostics: collector.diagnostics)
    }

    /// Parses a fragment of HTML (an article body) and returns the element that wraps it: a `div` whose
    /// children are the fragment's top-level nodes.
    public static func htmlFragment(_ html: String) throws(XMLParseError) -> XMLNode {
        let wrapped = "<html><head><meta charset=\"utf-8\"></head><body><div>" + html + "</div></body></html>"
        let document = try XMLDocument(html: Array(wrapped.utf8))
        guard let body = document.root?.firstDescendant(named: "body"),
            let wrapper = body.elementChildren.first
        else {
            throw XMLParseError(diagnostics: [XMLDiagnostic(severity: .error, message: "HTML fragment has no body")])
        }
        return wrapper
    }

    /// The document element, if there is one.
    public var root: XMLNode? {
        xmlDocGetRootElement(pointer).map { XMLNode(pointer: $0, document: self) }
    }

    private static func withContiguousBytes<R>(_ bytes: some Collection<UInt8>, _ body: (UnsafePointer<CChar>?, Int) -> R) -> R {
        if let result = bytes.withContiguousStorageIfAvailable({ buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress, $0.count) }
        }) {
            return result
        }
        return Array(bytes).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress, $0.count) }
        }
    }
}
