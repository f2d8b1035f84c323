internal import CLibXML2

/// One message from libxml2 (or from a check over a parsed document): what went wrong and where.
public struct XMLDiagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable {
        case warning, error
    }

    /// How bad the problem is.
    public var severity: Severity
    /// The message, without a trailing newline.
    public var message: String
    /// 1-based line, or 0 when unknown.
    public var line: Int
    /// 1-based column, or 0 when unknown.
    public var column: Int

    /// Creates a diagnostic.
    public init(severity: Severity, message: String, line: Int = 0, column: Int = 0) {
        self.severity = severity
        self.message = message
        self.line = line
        self.column = column
    }

    /// `line:column: message`.
    public var description: String {
        "\(line):\(column): \(message)"
    }
}

/// Collects libxml2's structured errors. Passed to C as the callback's user data, so no global state is used
/// (libxml2's global error handler is per-thread state; see FIELD-NOTES).
final class DiagnosticCollector {
    var diagnostics: [XMLDiagnostic] = []
    /// libxml2 can report thousands of errors for a hostile document; keeping a bounded number bounds memory.
    let limit = 200

    func record(_ error: xmlError) {
        guard diagnostics.count < limit else { return }
        let text = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        let trimmed = String(text.reversed().drop { $0 == "\n" || $0 == " " }.reversed())
        let severity: XMLDiagnostic.Severity = error.level == XML_ERR_WARNING ? .warning : .error
        diagnostics.append(XMLDiagnostic(severity: severity, message: trimmed, line: Int(error.line), column: Int(error.int2)))
    }

    /// A C callback that captures nothing: the collector arrives as `userData`.
    static let structuredCallback: xmlStructuredErrorFunc = { userData, error in
        guard let userData, let error else { return }
        let collector = Unmanaged<DiagnosticCollector>.fromOpaque(userData).takeUnretainedValue()
        collector.record(UnsafePointer<xmlError>(error).pointee)
    }

    /// The parser context's variant: libxml2 passes the context itself, whose `_private` holds the collector.
    static let parserCallback: xmlStructuredErrorFunc = { context, error in
        guard let context, let error else { return }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let raw = parser.pointee._private else { return }
        let collector = Unmanaged<DiagnosticCollector>.fromOpaque(raw).takeUnretainedValue()
        collector.record(UnsafePointer<xmlError>(error).pointee)
    }
}
