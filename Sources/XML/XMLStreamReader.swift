internal import CLibXML2

/// Reads an XML file from disk one node at a time with libxml2's `xmlTextReader`, so a large feed is never
/// in memory whole: an element can be expanded into a subtree, inspected, and skipped, and the reader frees
/// each subtree once it has moved past it.
///
/// The parser options are those of `XMLDocument(xml:)`: no network, no entity substitution, big line
/// numbers. Nodes handed out are valid only until the next `read()` or `skip()`; keep none of them.
public final class XMLStreamReader {
    /// What the reader stands on.
    public enum NodeKind: Sendable, Hashable {
        case startElement, endElement, text, documentType, other
    }

    private let reader: xmlTextReaderPtr
    private let collector = DiagnosticCollector()
    /// The document the reader builds, taken over from it on the first read (`xmlTextReaderCurrentDoc`), so
    /// nodes can be wrapped as `XMLNode`s; freed after the reader, by `XMLDocument`'s deinit.
    private var ownedDocument: XMLDocument?

    /// Opens a file for reading. Throws when the file cannot be opened.
    public init(path: String) throws(XMLParseError) {
        LibXML.ensureInitialized()
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_BIG_LINES.rawValue)
        guard let reader = xmlReaderForFile(path, nil, options) else {
            throw XMLParseError(diagnostics: [XMLDiagnostic(severity: .error, message: "cannot open \(path)")])
        }
        self.reader = reader
        xmlTextReaderSetStructuredErrorHandler(
            reader, DiagnosticCollector.structuredCallback,
            Unmanaged.passUnretained(collector).toOpaque())
    }

    deinit {
        // The reader first: it must not outlive the collector it reports to, and the document it built is
        // ours (freed when `ownedDocument` goes) since `xmlTextReaderCurrentDoc` was called.
        xmlFreeTextReader(reader)
    }

    /// Parser errors and warnings so far. Any error means the file is not well-formed.
    public var diagnostics: [XMLDiagnostic] { collector.diagnostics }

    /// True when an error was reported (the file is not well-formed XML, or could not be read).
    public var hasErrors: Bool { collector.diagnostics.contains { $0.severity == .error } }

    /// Moves to the next node in document order.
    /// - Returns: false at the end of the document or on an error (see `hasErrors`).
    public func read() -> Bool {
        let result = xmlTextReaderRead(reader)
        takeDocument()
        return result == 1 && !hasErrors
    }

    /// Moves past the current node and its whole subtree (to its next sibling, or up), freeing it.
    /// - Returns: false at the end of the document or on an error.
    public func skip() -> Bool {
        let result = xmlTextReaderNext(reader)
        takeDocument()
        return result == 1 && !hasErrors
    }

    /// The kind of the current node.
    public var kind: NodeKind {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): .startElement
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue): .text
        case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue): .documentType
        default: .other
        }
    }

    /// The depth of the current node: 0 for the document element.
    public var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// True for an element written `<name/>` (no end element follows).
    public var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The local name of the current node.
    public var localName: String {
        xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
    }

    /// The namespace URI of the current node, nil when it is in no namespace.
    public var namespaceURI: String? {
        xmlTextReaderConstNamespaceUri(reader).map { String(cString: $0) }
    }

    /// The current node without expanding it: for an element just started, its name, attributes and line,
    /// but not yet its children.
    public var currentNode: XMLNode? {
        guard let document = ownedDocument, let node = xmlTextReaderCurrentNode(reader) else { return nil }
        return XMLNode(pointer: node, document: document)
    }

    /// Reads the whole subtree of the current node and returns it; valid until the reader moves on.
    public func expand() -> XMLNode? {
        guard let document = ownedDocument, let node = xmlTextReaderExpand(reader), !hasErrors else { return nil }
        return XMLNode(pointer: node, document: document)
    }

    private func takeDocument() {
        guard ownedDocument == nil, let pointer = xmlTextReaderCurrentDoc(reader) else { return }
        ownedDocument = XMLDocument(pointer: pointer, isHTML: false, diagnostics: [])
    }
}
