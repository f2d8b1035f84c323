import FeedModel
import XML

/// The bytes around a document's entries: everything before the first entry and after the last.
struct DocumentFrame: Sendable {
    var head: [UInt8]
    var tail: [UInt8]
}

/// Renders the head and tail of one page of one format; the entries between them are fragments rendered by a
/// `FragmentRenderer`, the same for every page and feed of one variant.
protocol PageRenderer: Sendable {
    /// Written between two entry fragments (`,` in JSON, nothing in XML).
    var separator: [UInt8] { get }
    func frame() throws(XMLWriterError) -> DocumentFrame
}

/// Namespace URIs declared on the root elements.
enum Namespace {
    static let atom = "http://www.w3.org/2005/Atom"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    /// RFC 5005 feed history.
    static let feedHistory = "http://purl.org/syndication/history/1.0"
}

extension XMLStreamWriter {
    /// Writes the head with `body`, then closes the document: the bytes before `finish` are the head, the
    /// closing tags `finish` produces are the tail. Entry fragments are streamed between the two, so the whole
    /// document never sits in one buffer.
    static func frame(_ body: (XMLStreamWriter) throws(XMLWriterError) -> Void) throws(XMLWriterError) -> DocumentFrame {
        let writer = XMLStreamWriter(indent: true)
        try writer.startDocument()
        try body(writer)
        let head = try writer.takeBytes()
        return DocumentFrame(head: head, tail: try writer.finish())
    }

    /// Renders one entry with a writer of its own (writers are not thread-safe) and returns its bytes.
    static func fragment(_ body: (XMLStreamWriter) throws(XMLWriterError) -> Void) throws(XMLWriterError) -> [UInt8] {
        let writer = XMLStreamWriter(indent: true)
        try body(writer)
        // Indentation restarts at the margin in each fragment (each has its own writer); the head and every
        // fragment end with a newline, so elements still sit one per line.
        return try writer.finish()
    }

    /// Writes an element only when the text is present and not empty.
    func optionalElement(_ name: String, _ text: String?) throws(XMLWriterError) {
        guard let text, !text.isEmpty else { return }
        try element(name, text)
    }

    /// `plainTextElement` only when the text is present and not empty.
    func optionalPlainTextElement(_ name: String, _ text: String?) throws(XMLWriterError) {
        guard let text, !text.isEmpty else { return }
        try plainTextElement(name, text)
    }
}
