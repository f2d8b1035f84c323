internal import CLibXML2

extension XMLDocument {
    /// Parses an XML document given as consecutive pieces (a head, entries, a tail) with libxml2's push
    /// parser, as if `linesSkipped` more newlines stood between the first piece and the second.
    ///
    /// A part of a larger document (a batch of its entries between its head and tail) is parsed this way so
    /// that every line number libxml2 reports, in nodes and in errors, is the line the part has in the whole
    /// document, without parsing the lines in between. The pieces are never copied into one buffer.
    /// - Parameters:
    ///   - pieces: the document's bytes in order; the first is the head.
    ///   - linesSkipped: lines of the whole document between the first piece and the second.
    /// - Throws: libxml2's messages when the pieces do not make a well-formed document.
    public convenience init(xmlPieces pieces: [[UInt8]], linesSkipped: Int, url: String = "document.xml") throws(XMLParseError) {
        LibXML.ensureInitialized()
        let collector = DiagnosticCollector()
        guard let context = xmlCreatePushParserCtxt(nil, nil, nil, 0, url) else {
            throw XMLParseError(diagnostics: [XMLDiagnostic(severity: .error, message: "out of memory")])
        }
        defer { xmlFreeParserCtxt(context) }
        context.pointee.sax.pointee.serror = DiagnosticCollector.parserCallback
        // The same options as `init(xml:)`: no network, errors collected rather than printed, true line numbers.
        let options = Int32(
            XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
                | XML_PARSE_BIG_LINES.rawValue)
        xmlCtxtUseOptions(context, options)
        withExtendedLifetime(collector) {
            context.pointee._private = Unmanaged.passUnretained(collector).toOpaque()
            for (index, piece) in pieces.enumerated() {
                if index == 1, let input = context.pointee.input {
                    // Nothing of the second piece is read yet; whatever of the first is still buffered holds
                    // no line the skipped ones should precede, so the count stays exact either way.
                    input.pointee.line += Int32(clamping: linesSkipped)
                }
                let last = index == pieces.count - 1
                let status = piece.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress.map { base in
                        base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                            xmlParseChunk(context, $0, Int32(buffer.count), last ? 1 : 0)
                        }
                    } ?? xmlParseChunk(context, nil, 0, last ? 1 : 0)
                }
                if status != 0 && context.pointee.disableSAX != 0 { break }
            }
            if pieces.isEmpty { xmlParseChunk(context, nil, 0, 1) }
        }
        let document = context.pointee.myDoc
        context.pointee.myDoc = nil
        try self.init(parsed: document, wellFormed: context.pointee.wellFormed != 0, collector: collector)
    }
}
