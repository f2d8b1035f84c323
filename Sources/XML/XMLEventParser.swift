internal import CLibXML2

/// Where an event starts in the document, counted the way the W3C Feed Validation Service counts: 1-based
/// lines, and the number of characters before the event's first character on its line (so the `<` of a tag
/// in the first column is column 0).
public struct XMLPosition: Sendable, Hashable {
    /// 1-based line.
    public var line: Int
    /// Characters before the event on its line.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// An attribute of a start tag, namespaces resolved.
public struct XMLEventAttribute: Sendable, Hashable {
    /// The name without its prefix.
    public var localName: String
    /// The prefix as written, nil when there is none.
    public var prefix: String?
    /// The namespace the prefix maps to; nil for an unprefixed attribute.
    public var namespaceURI: String?
    /// The value with character and predefined entity references replaced.
    public var value: String
}

/// A start tag, namespaces resolved.
public struct XMLStartTag: Sendable {
    /// The name without its prefix.
    public var localName: String
    /// The prefix as written, nil when there is none.
    public var prefix: String?
    /// The element's namespace, nil when it is in none.
    public var namespaceURI: String?
    /// The attributes in document order (namespace declarations excluded).
    public var attributes: [XMLEventAttribute]
    /// The namespace declarations on this tag (`xmlns` gives a nil prefix), in document order.
    public var namespaceDeclarations: [(prefix: String?, uri: String)]
    /// The `<` of the tag.
    public var position: XMLPosition
}

/// Receives the events of `XMLEventParser`, in document order.
public protocol XMLEventConsumer: AnyObject {
    /// A `<!DOCTYPE>` declaration.
    func documentType(name: String, publicID: String?, systemID: String?, at position: XMLPosition)
    /// A start tag.
    func startElement(_ tag: XMLStartTag)
    /// An end tag (or the end of an empty-element tag), at its `<`.
    func endElement(localName: String, prefix: String?, namespaceURI: String?, at position: XMLPosition)
    /// Character data, CDATA sections included, possibly in several pieces for one run of text.
    func characters(_ text: String, at position: XMLPosition)
    /// A reference to an entity that is not one of XML's five and that the document does not declare
    /// (`&nbsp;` in an RSS feed); parsing goes on after it, as it does in the W3C service (expat with a
    /// foreign DTD assumed), instead of stopping as a strict XML parser would.
    func undefinedEntity(named name: String, at position: XMLPosition)
    /// A well-formedness error or warning from libxml2. After an error no more events arrive.
    func parseProblem(_ diagnostic: XMLDiagnostic, code: Int)
}

/// Streams an XML document through libxml2's SAX2 push parser into an `XMLEventConsumer`: the document can
/// arrive in pieces of any size and is never held whole, so memory follows the largest element's text, not
/// the document.
///
/// Safe for untrusted input as `XMLDocument(xml:)` is: no network, no external DTD or entity loaded, entities
/// not substituted, libxml2's limits on depth and amplification kept.
public final class XMLEventParser {
    private let context: xmlParserCtxtPtr
    fileprivate unowned let consumer: any XMLEventConsumer
    /// Strings for the names libxml2 interns in its dictionary: the same pointer always holds the same name,
    /// so each distinct name is decoded once per document.
    fileprivate var names: [UnsafeRawPointer: String] = [:]
    /// Set by `stop()`: callbacks still pending in libxml2's current chunk are dropped.
    fileprivate var stopped = false
    /// Elements open now. libxml2's push parser, unlike its pull parser, does not bound nesting, and every
    /// open element costs its consumer memory: a hostile document of a million nested tags is refused here.
    fileprivate var depth = 0
    /// The deepest nesting read, libxml2's own default limit for documents parsed whole.
    public static let maximumDepth = 256
    private var finished = false

    /// Creates a parser that reports to `consumer`, which it does not retain.
    public init(consumer: any XMLEventConsumer) {
        LibXML.ensureInitialized()
        self.consumer = consumer
        var handler = xmlSAXHandler()
        handler.initialized = XML_SAX2_MAGIC
        handler.startDocument = xmlSAX2StartDocument
        handler.internalSubset = eventInternalSubset
        handler.entityDecl = xmlSAX2EntityDecl
        handler.getEntity = xmlSAX2GetEntity
        handler.getParameterEntity = xmlSAX2GetParameterEntity
        handler.startElementNs = eventStartElement
        handler.endElementNs = eventEndElement
        handler.characters = eventCharacters
        handler.ignorableWhitespace = eventCharacters
        handler.cdataBlock = eventCharacters
        handler.reference = eventReference
        handler.serror = eventError
        // The context copies the handler.
        context = xmlCreatePushParserCtxt(&handler, nil, nil, 0, "document.xml")
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_BIG_LINES.rawValue)
        xmlCtxtUseOptions(context, options)
        // As if an external DTD were there and unread (expat's UseForeignDTD in the W3C service): a reference
        // to an undeclared entity is then a warning and a `reference` event instead of a fatal error.
        context.pointee.hasExternalSubset = 1
        context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
    }

    deinit {
        if let document = context.pointee.myDoc {
            xmlFreeDoc(document)
            context.pointee.myDoc = nil
        }
        xmlFreeParserCtxt(context)
    }

    /// Parses the next piece of the document.
    /// - Parameters:
    ///   - bytes: the piece, in the document's encoding.
    ///   - isLast: true for the last piece: the document must then be complete.
    public func parse(_ bytes: UnsafeRawBufferPointer, isLast: Bool = false) {
        guard !finished else { return }
        finished = isLast
        guard !stopped else { return }
        let count = Int32(clamping: bytes.count)
        if let base = bytes.baseAddress, count > 0 {
            _ = xmlParseChunk(context, base.assumingMemoryBound(to: CChar.self), count, isLast ? 1 : 0)
        } else {
            _ = xmlParseChunk(context, nil, 0, isLast ? 1 : 0)
        }
    }

    /// Parses the next piece of the document.
    public func parse(_ bytes: [UInt8], isLast: Bool = false) {
        bytes.withUnsafeBytes { parse($0, isLast: isLast) }
    }

    /// Ends the document: whatever is still open is a well-formedness error.
    public func finish() {
        parse(UnsafeRawBufferPointer(start: nil, count: 0), isLast: true)
    }

    /// Counts `lines` more lines before what comes next, as if they had been parsed (a batch of a larger
    /// document, parsed after the document's head, reports the lines the batch has in the whole document).
    public func skipLines(_ lines: Int) {
        if let input = context.pointee.input {
            input.pointee.line += Int32(clamping: lines)
        }
    }

    /// Stops parsing: no more events arrive.
    public func stop() {
        stopped = true
        xmlStopParser(context)
    }

    /// Whether a fatal error ended parsing.
    public var wellFormed: Bool { context.pointee.wellFormed != 0 }

    fileprivate func name(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        let raw = UnsafeRawPointer(pointer)
        if let known = names[raw] { return known }
        let decoded = String(cString: pointer)
        names[raw] = decoded
        return decoded
    }

    /// The position of the markup the parser has just read: the nearest `<` before the parser's cursor
    /// (no `<` can stand inside a tag), counted back from the cursor's own line and column.
    fileprivate func markupPosition() -> XMLPosition {
        guard let input = context.pointee.input, let cursor = input.pointee.cur, let base = input.pointee.base else {
            return XMLPosition(line: Int(xmlSAX2GetLineNumber(context)), column: 0)
        }
        let line = Int(input.pointee.line)
        let column = Int(input.pointee.col)
        var pointer = cursor
        var newlines = 0
        var charactersBack = 0
        while pointer > base {
            pointer -= 1
            let byte = pointer.pointee
            if byte == UInt8(ascii: "<") { break }
            if byte == UInt8(ascii: "\n") { newlines += 1 }
            if byte & 0xC0 != 0x80 { charactersBack += 1 }
        }
        guard pointer.pointee == UInt8(ascii: "<") else { return XMLPosition(line: line, column: max(0, column - 1)) }
        if newlines == 0 {
            // libxml2's column is 1-based and names the cursor's character.
            return XMLPosition(line: line, column: max(0, column - 1 - charactersBack - 1))
        }
        var lineStart = pointer
        var before = 0
        while lineStart > base && (lineStart - 1).pointee != UInt8(ascii: "\n") {
            lineStart -= 1
            if lineStart.pointee & 0xC0 != 0x80 { before += 1 }
        }
        return XMLPosition(line: line - newlines, column: before)
    }

    /// Where an element ends: its end tag's `<`, or for an empty-element tag (`<link/>`) the character just
    /// after it, as expat (which the W3C service uses) reports the end of an element written that way.
    fileprivate func endTagPosition() -> XMLPosition {
        if let input = context.pointee.input, let cursor = input.pointee.cur, let base = input.pointee.base,
            cursor - base >= 2, (cursor - 1).pointee == UInt8(ascii: ">"), (cursor - 2).pointee == UInt8(ascii: "/")
        {
            return XMLPosition(line: Int(input.pointee.line), column: max(0, Int(input.pointee.col) - 1))
        }
        return markupPosition()
    }

    /// The parser's cursor as a position (for text, which has no `<` of its own).
    fileprivate func cursorPosition() -> XMLPosition {
        XMLPosition(line: Int(xmlSAX2GetLineNumber(context)), column: max(0, Int(xmlSAX2GetColumnNumber(context)) - 1))
    }

    fileprivate static func parser(from context: UnsafeMutableRawPointer?) -> XMLEventParser? {
        guard let context else { return nil }
        let parserContext = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let raw = parserContext.pointee._private else { return nil }
        return Unmanaged<XMLEventParser>.fromOpaque(raw).takeUnretainedValue()
    }
}

// The C callbacks capture nothing; each finds its parser through the context's `_private` pointer.

private let eventInternalSubset: internalSubsetSAXFunc = { context, name, externalID, systemID in
    xmlSAX2InternalSubset(context, name, externalID, systemID)
    guard let parser = XMLEventParser.parser(from: context) else { return }
    parser.consumer.documentType(
        name: parser.name(name) ?? "", publicID: externalID.map { String(cString: $0) },
        systemID: systemID.map { String(cString: $0) }, at: parser.markupPosition())
}

private let eventStartElement: startElementNsSAX2Func = {
    context, localName, prefix, uri, namespaceCount, namespaces, attributeCount, _, attributes in
    guard let parser = XMLEventParser.parser(from: context), !parser.stopped else { return }
    var declarations: [(prefix: String?, uri: String)] = []
    if let namespaces, namespaceCount > 0 {
        declarations.reserveCapacity(Int(namespaceCount))
        for index in 0..<Int(namespaceCount) {
            let declaredPrefix = parser.name(namespaces[2 * index])
            let declaredURI = namespaces[2 * index + 1].map { String(cString: $0) } ?? ""
            declarations.append((declaredPrefix, declaredURI))
        }
    }
    var list: [XMLEventAttribute] = []
    if let attributes, attributeCount > 0 {
        list.reserveCapacity(Int(attributeCount))
        for index in 0..<Int(attributeCount) {
            let slot = 5 * index
            let value: String
            if let start = attributes[slot + 3], let end = attributes[slot + 4] {
                value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
            } else {
                value = ""
            }
            list.append(
                XMLEventAttribute(
                    localName: parser.name(attributes[slot]) ?? "", prefix: parser.name(attributes[slot + 1]),
                    namespaceURI: parser.name(attributes[slot + 2]), value: value))
        }
    }
    let tag = XMLStartTag(
        localName: parser.name(localName) ?? "", prefix: parser.name(prefix), namespaceURI: parser.name(uri),
        attributes: list, namespaceDeclarations: declarations, position: parser.markupPosition())
    parser.depth += 1
    if parser.depth > XMLEventParser.maximumDepth {
        parser.consumer.parseProblem(
            XMLDiagnostic(
                severity: .error,
                message: "Excessive depth in document: elements nested more than "
                    + "\(XMLEventParser.maximumDepth) deep", line: tag.position.line, column: tag.position.column), code: 1)
        parser.stop()
        return
    }
    parser.consumer.startElement(tag)
}

private let eventEndElement: endElementNsSAX2Func = { context, localName, prefix, uri in
    guard let parser = XMLEventParser.parser(from: context), !parser.stopped else { return }
    parser.depth -= 1
    parser.consumer.endElement(
        localName: parser.name(localName) ?? "", prefix: parser.name(prefix),
        namespaceURI: parser.name(uri), at: parser.endTagPosition())
}

private let eventCharacters: charactersSAXFunc = { context, characters, length in
    guard let parser = XMLEventParser.parser(from: context), !parser.stopped, let characters, length > 0 else { return }
    let text = String(decoding: UnsafeBufferPointer(start: characters, count: Int(length)), as: UTF8.self)
    parser.consumer.characters(text, at: parser.cursorPosition())
}

private let eventReference: referenceSAXFunc = { context, name in
    guard let parser = XMLEventParser.parser(from: context), !parser.stopped, let name else { return }
    let parserContext = context!.assumingMemoryBound(to: xmlParserCtxt.self)
    // A declared entity is the document's own business; only an undeclared one is reported.
    if let document = parserContext.pointee.myDoc, xmlGetDocEntity(document, name) != nil { return }
    parser.consumer.undefinedEntity(named: String(cString: name), at: parser.cursorPosition())
}

private let eventError: xmlStructuredErrorFunc = { context, error in
    guard let parser = XMLEventParser.parser(from: context), let error else { return }
    let value = UnsafePointer<xmlError>(error).pointee
    // The warning that comes with every undeclared entity is reported as `undefinedEntity` instead.
    if value.code == XML_WAR_UNDECLARED_ENTITY.rawValue { return }
    let text = value.message.map { String(cString: $0) } ?? "unknown libxml2 error"
    let trimmed = String(text.reversed().drop { $0 == "\n" || $0 == " " }.reversed())
    let severity: XMLDiagnostic.Severity = value.level == XML_ERR_WARNING ? .warning : .error
    // A namespace error is about the tag being read: point at its `<`, as expat does.
    let position =
        value.domain == Int32(XML_FROM_NAMESPACE.rawValue)
        ? parser.markupPosition() : XMLPosition(line: Int(value.line), column: max(0, Int(value.int2) - 1))
    parser.consumer.parseProblem(
        XMLDiagnostic(
            severity: severity, message: trimmed, line: position.line,
            column: position.column), code: Int(value.code))
}
