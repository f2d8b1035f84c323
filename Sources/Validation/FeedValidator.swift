public import FeedModel
public import XML

/// The result of validating one document.
public struct ValidationReport: Sendable, Hashable {
    /// The format detected, nil when the document is none of RSS 2.0, Atom 1.0 or JSON Feed 1.x.
    public var format: FeedFormat?
    /// Every finding, in document order.
    public var findings: [Finding]

    /// True when at least one finding is an error.
    public var hasErrors: Bool { findings.contains { $0.severity == .error } }

    /// Creates a report.
    public init(format: FeedFormat?, findings: [Finding]) {
        self.format = format
        self.findings = findings
    }
}

/// Validates RSS 2.0, Atom 1.0 and JSON Feed documents, Crier's own and anybody else's.
///
/// XML documents are checked against a RELAX NG grammar (RFC 4287's for Atom, one written from the RSS 2.0
/// specification for RSS) and then by rules in Swift named after the W3C Feed Validation Service's
/// messages. Everything is deterministic: no clock, no network, no dictionary order in the output.
public enum FeedValidator {
    /// Validates a document given as bytes; the format is detected from the content.
    ///
    /// A document starting with `{` (after a byte-order mark and white space) is read as JSON Feed; anything
    /// else as XML, which must be `<rss version="2.0">` or an Atom `<feed>`. Other content gives one
    /// `UnknownFormat` error; malformed XML gives `NotWellFormed` (or `UndefinedNamedEntity`) errors.
    public static func validate(bytes: [UInt8]) -> ValidationReport {
        validate(bytes: bytes, session: nil)
    }

    /// Validates a document given as bytes, reusing what `session` already found in the HTML it carries.
    ///
    /// The report is the same as `validate(bytes:)` gives; the session only saves parsing an HTML body a
    /// second time when several documents (RSS, Atom, JSON Feed of one build) carry it.
    public static func validate(bytes: [UInt8], session: ValidationSession?) -> ValidationReport {
        let checked = check(bytes: bytes, session: session, part: .whole)
        return checked.report(findings: checked.outcome.findings)
    }

    /// A document's format and what its checks found, before the findings are finished into a report.
    struct Checked {
        var format: FeedFormat?
        var outcome: RuleOutcome
        /// Whether findings are reported in line order (grammar and rule findings of an XML feed interleave).
        var sortsByLine = false

        func report(findings: FindingList) -> ValidationReport {
            var list = findings
            let finished = list.finish()
            return ValidationReport(format: format, findings: sortsByLine ? FeedValidator.sortedByLine(finished) : finished)
        }
    }

    /// Validates a document, or one part of an assembled document (`DocumentPart`).
    static func check(bytes: [UInt8], session: ValidationSession?, part: DocumentPart) -> Checked {
        if FormatDetection.looksLikeJSON(bytes) {
            return checkJSONFeed(bytes: bytes, session: session, part: part)
        }
        return checkXML(session: session, part: part) { () throws(XMLParseError) in try XMLDocument(xml: bytes) }
    }

    /// Validates a part of an XML document given as pieces (`XMLDocument(xmlPieces:linesSkipped:)`).
    static func check(xmlPieces pieces: [[UInt8]], linesSkipped: Int, session: ValidationSession?, part: DocumentPart) -> Checked {
        checkXML(session: session, part: part) { () throws(XMLParseError) in
            try XMLDocument(xmlPieces: pieces, linesSkipped: linesSkipped)
        }
    }

    private static func checkXML(session: ValidationSession?, part: DocumentPart,
                                 parse: () throws(XMLParseError) -> XMLDocument) -> Checked {
        let document: XMLDocument
        do {
            document = try parse()
        } catch {
            var list = FindingList()
            list.append(contentsOf: ParseFindings.list(for: error.diagnostics))
            return Checked(format: nil, outcome: RuleOutcome(findings: list))
        }
        switch FormatDetection.format(of: document) {
        case .success(let format):
            return check(document: document, format: format, session: session, part: part)
        case .failure(let reason):
            var list = FindingList()
            list.add(.unknownFormat, line: document.root?.line ?? 0, reason.message)
            return Checked(format: nil, outcome: RuleOutcome(findings: list))
        }
    }

    /// Validates a parsed XML document, detecting RSS 2.0 or Atom 1.0 from its root element.
    public static func validate(document: XMLDocument) -> ValidationReport {
        validate(document: document, session: nil)
    }

    static func validate(document: XMLDocument, session: ValidationSession?) -> ValidationReport {
        switch FormatDetection.format(of: document) {
        case .success(let format):
            return validate(document: document, format: format, session: session)
        case .failure(let reason):
            var list = FindingList()
            list.add(.unknownFormat, line: document.root?.line ?? 0, reason.message)
            return ValidationReport(format: nil, findings: list.finish())
        }
    }

    /// Validates a parsed XML document as the given format, for callers that already parsed (the feed
    /// builder checks each document it writes).
    ///
    /// - Parameters:
    ///   - document: an RSS 2.0 or Atom 1.0 document.
    ///   - format: the format the caller expects; a root element of another format is an `UnknownFormat`
    ///     error, and `.json` always is (a JSON Feed is not XML: use `validateJSONFeed(bytes:)`).
    /// - Returns: grammar findings and rule findings, sorted by line.
    public static func validate(document: XMLDocument, format: FeedFormat) -> ValidationReport {
        validate(document: document, format: format, session: nil)
    }

    static func validate(document: XMLDocument, format: FeedFormat, session: ValidationSession?) -> ValidationReport {
        let checked = check(document: document, format: format, session: session, part: .whole)
        return checked.report(findings: checked.outcome.findings)
    }

    static func check(document: XMLDocument, format: FeedFormat, session: ValidationSession?, part: DocumentPart) -> Checked {
        var list = FindingList()
        let detected = FormatDetection.format(of: document)
        guard case .success(format) = detected, let root = document.root else {
            let found: String
            switch detected {
            case .success(let other): found = other.displayName
            case .failure(let reason): found = reason.message
            }
            list.add(.unknownFormat, line: document.root?.line ?? 0, "expected \(format.displayName), found \(found)")
            return Checked(format: detected.success, outcome: RuleOutcome(findings: list))
        }
        let schema: Result<RelaxNGSchema, RelaxNGSchemaError>
        switch format {
        case .rss:
            schema = Schemas.rss
        case .atom:
            schema = Schemas.atom
        case .json:
            return Checked(format: nil, outcome: RuleOutcome())
        }
        switch schema {
        case .success(let grammar):
            var mapper = SchemaFindings(document: document, grammarName: format.displayName)
            // A valid document (every feed Crier writes) is confirmed a slice of entries at a time, which is
            // linear; anything else is validated whole, so its messages are exactly libxml2's.
            let diagnostics = Self.isValidInSlices(document, root: root, format: format, grammar: grammar)
                ? [] : grammar.validate(document)
            list.append(contentsOf: mapper.findings(for: diagnostics))
        case .failure(let error):
            // A grammar shipped in this module failed to compile: a bug in Crier, reported, never a crash.
            list.add(.schemaViolation, "internal error: the \(format.displayName) grammar did not compile: \(error)")
        }
        let rules = format == .rss ? RSSRules.check(root, session: session, part: part) : AtomRules.check(root, session: session, part: part)
        let grammarFindings = list.findings.count
        list.append(contentsOf: rules.findings)
        let identifiers = rules.identifiers.map { seen in
            var moved = seen
            moved.findingsBefore += grammarFindings
            return moved
        }
        return Checked(format: format, outcome: RuleOutcome(findings: list, identifiers: identifiers), sortsByLine: true)
    }

    /// Whether the grammar accepts the document, checked with `RelaxNGSchema.isValid(_:repeating:namespaceURI:in:)`.
    ///
    /// That check needs the repeated element to match a pattern no sibling can, in an interleave with the
    /// other children or after them. Atom's grammar (RFC 4287 appendix B) has `atomEntry*` after the feed's
    /// interleave, and only it matches `atom:entry` (extension elements exclude the Atom namespace); the RSS
    /// grammar has `item*` in the channel's interleave, and only it matches `item` (extension elements must be
    /// in a namespace).
    private static func isValidInSlices(_ document: XMLDocument, root: XMLNode, format: FeedFormat,
                                        grammar: RelaxNGSchema) -> Bool {
        switch format {
        case .atom:
            return grammar.isValid(document, repeating: "entry", namespaceURI: AtomRules.namespace, in: root)
        case .rss:
            guard let channel = root.element(named: "channel", namespaceURI: nil), channel.namespaceURI == nil else {
                return false
            }
            return grammar.isValid(document, repeating: "item", namespaceURI: nil, in: channel)
        case .json:
            return false
        }
    }

    /// Validates a JSON Feed 1.0 or 1.1 document given as bytes.
    ///
    /// Bytes that are not JSON, or JSON without a JSON Feed `version`, give one `UnknownFormat` error.
    public static func validateJSONFeed(bytes: [UInt8]) -> ValidationReport {
        validateJSONFeed(bytes: bytes, session: nil)
    }

    static func validateJSONFeed(bytes: [UInt8], session: ValidationSession?) -> ValidationReport {
        let checked = checkJSONFeed(bytes: bytes, session: session, part: .whole)
        return checked.report(findings: checked.outcome.findings)
    }

    static func checkJSONFeed(bytes: [UInt8], session: ValidationSession?, part: DocumentPart) -> Checked {
        switch FormatDetection.jsonFeed(bytes) {
        case .success(let object):
            return Checked(format: .json, outcome: JSONFeedRules.check(object, session: session, part: part))
        case .failure(let reason):
            var list = FindingList()
            list.add(.unknownFormat, reason.message)
            return Checked(format: nil, outcome: RuleOutcome(findings: list))
        }
    }

    /// Grammar and rule findings interleaved by line; findings without a line (0) go last. Stable, so
    /// findings on one line keep the order they were found in.
    static func sortedByLine(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted { lhs, rhs in
            let left = lhs.element.line == 0 ? Int.max : lhs.element.line
            let right = rhs.element.line == 0 ? Int.max : rhs.element.line
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }
}

extension FeedFormat {
    /// The name used in messages.
    var displayName: String {
        switch self {
        case .rss: "RSS 2.0"
        case .atom: "Atom 1.0"
        case .json: "JSON Feed 1.1"
        }
    }
}

extension Result {
    var success: Success? {
        if case .success(let value) = self { value } else { nil }
    }
}
