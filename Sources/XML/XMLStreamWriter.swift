internal import CLibXML2

/// An error from libxml2's text writer: the call that failed.
public struct XMLWriterError: Error, Sendable, CustomStringConvertible {
    /// What the writer was doing when libxml2 reported failure.
    public var operation: String
    public var description: String { "libxml2 writer failed during \(operation)" }
}

/// Writes an XML document with libxml2's text writer, escaping text and attributes and removing characters
/// XML forbids or readers treat as damage (`XMLCharacters.publishable`).
///
/// The document accumulates in a libxml2 buffer; `takeBytes()` hands over what has been written so far and
/// empties the buffer, so a caller can stream a large feed to a file while holding only one entry's worth of
/// output. The writer is not thread-safe: create one per task.
public final class XMLStreamWriter {
    private let buffer: xmlBufferPtr
    private var writer: xmlTextWriterPtr?

    /// Creates a writer. With `indent`, elements are put on their own lines (two spaces per level).
    public init(indent: Bool = true) {
        LibXML.ensureInitialized()
        buffer = xmlBufferCreate()
        writer = xmlNewTextWriterMemory(buffer, 0)
        if indent {
            xmlTextWriterSetIndent(writer, 1)
            xmlTextWriterSetIndentString(writer, "  ")
        }
    }

    deinit {
        if let writer { xmlFreeTextWriter(writer) }
        xmlBufferFree(buffer)
    }

    private func check(_ result: Int32, _ operation: @autoclosure () -> String) throws(XMLWriterError) {
        if result < 0 { throw XMLWriterError(operation: operation()) }
    }

    private var liveWriter: xmlTextWriterPtr {
        get throws(XMLWriterError) {
            guard let writer else { throw XMLWriterError(operation: "a write after finish()") }
            return writer
        }
    }

    /// Writes the XML declaration (`version="1.0" encoding="UTF-8"`).
    public func startDocument() throws(XMLWriterError) {
        try check(xmlTextWriterStartDocument(try liveWriter, "1.0", "UTF-8", nil), "the XML declaration")
    }

    /// Opens an element; `name` may carry a prefix such as `atom:link`.
    public func startElement(_ name: String) throws(XMLWriterError) {
        try check(xmlTextWriterStartElement(try liveWriter, name), "<\(name)>")
    }

    /// Closes the innermost open element.
    public func endElement() throws(XMLWriterError) {
        try check(xmlTextWriterEndElement(try liveWriter), "an end tag")
    }

    /// Writes an attribute on the element just opened; the value is cleaned and escaped.
    public func attribute(_ name: String, _ value: String) throws(XMLWriterError) {
        try check(xmlTextWriterWriteAttribute(try liveWriter, name, XMLCharacters.publishable(value)), "attribute \(name)")
    }

    /// Writes character data; the text is cleaned and escaped, never put in CDATA (so `]]>` is harmless).
    public func text(_ value: String) throws(XMLWriterError) {
        try check(xmlTextWriterWriteString(try liveWriter, XMLCharacters.publishable(value)), "text")
    }

    /// Writes plain text that readers must show as it is, with `&` and `<` as hexadecimal character references
    /// (`&#x26;`, `&#x3C;`) and `>` as `&gt;`.
    ///
    /// A parser reads them exactly like `&amp;` and `&lt;`; the RSS Advisory Board's RSS Profile recommends this
    /// spelling for plain text, and the W3C Feed Validation Service takes it as the sign that a `<` or an
    /// entity name in a title is text, not markup (its `CharacterData` and `ContainsHTML` checks).
    public func plainText(_ value: String) throws(XMLWriterError) {
        let cleaned = XMLCharacters.publishable(value)
        guard cleaned.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") })
        else {
            try check(xmlTextWriterWriteString(try liveWriter, cleaned), "text")
            return
        }
        var escaped = ""
        escaped.reserveCapacity(cleaned.utf8.count + 16)
        for scalar in cleaned.unicodeScalars {
            switch scalar {
            case "&": escaped += "&#x26;"
            case "<": escaped += "&#x3C;"
            case ">": escaped += "&gt;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        try check(xmlTextWriterWriteRaw(try liveWriter, escaped), "text")
    }

    /// Writes `<name attributes…>text</name>` with `plainText(_:)`.
    public func plainTextElement(_ name: String, _ text: String, attributes: KeyValuePairs<String, String> = [:]) throws(XMLWriterError) {
        try startElement(name)
        for (key, value) in attributes { try attribute(key, value) }
        try plainText(text)
        try endElement()
    }

    /// Writes `<name attributes…>text</name>`.
    public func element(_ name: String, _ text: String, attributes: KeyValuePairs<String, String> = [:]) throws(XMLWriterError) {
        try startElement(name)
        for (key, value) in attributes { try attribute(key, value) }
        try self.text(text)
        try endElement()
    }

    /// Writes an empty element with attributes, such as `<link rel="self" href="…"/>`.
    public func emptyElement(_ name: String, attributes: KeyValuePairs<String, String>) throws(XMLWriterError) {
        try startElement(name)
        for (key, value) in attributes { try attribute(key, value) }
        try endElement()
    }

    /// Writes bytes that are already well-formed XML (an entry rendered and checked by another writer).
    /// The caller guarantees well-formedness; nothing is escaped.
    public func raw(_ markup: String) throws(XMLWriterError) {
        try check(xmlTextWriterWriteRaw(try liveWriter, markup), "raw markup")
    }

    /// Returns everything written since the last call and empties the buffer.
    public func takeBytes() throws(XMLWriterError) -> [UInt8] {
        try check(xmlTextWriterFlush(try liveWriter), "flush")
        return drainBuffer()
    }

    /// Closes every open element, ends the document and returns the remaining bytes. The writer is then spent.
    public func finish() throws(XMLWriterError) -> [UInt8] {
        let writer = try liveWriter
        try check(xmlTextWriterEndDocument(writer), "the end of the document")
        // Freeing the writer flushes it; the buffer's content is complete only after that (FIELD-NOTES).
        xmlFreeTextWriter(writer)
        self.writer = nil
        return drainBuffer()
    }

    private func drainBuffer() -> [UInt8] {
        let length = Int(xmlBufferLength(buffer))
        guard length > 0, let content = xmlBufferContent(buffer) else { return [] }
        let bytes = Array(UnsafeBufferPointer(start: content, count: length))
        xmlBufferEmpty(buffer)
        return bytes
    }
}
