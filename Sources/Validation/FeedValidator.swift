public import FeedModel
import Foundation

/// The result of validating one document.
public struct ValidationReport: Sendable, Hashable {
    /// The format detected, nil when the document is not a feed Crier reads. RSS 0.9x and RSS 1.0 report
    /// `.rss`; Atom entry documents `.atom`.
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

/// How a document is validated.
public struct ValidationOptions: Sendable {
    /// Where the document lives: relative references resolve against it, and `rel="self"` should name it.
    /// Nil for a local file: the document's own absolute `rel="self"` link stands in, as when the W3C service
    /// is run on a file it fetched from there, else the file's own `file:` URL.
    public var documentURI: String?
    /// The current time, for dates in the future (`ImplausibleDate`); nil leaves that rule out, so that a
    /// report depends on the document alone.
    public var now: Timestamp?

    /// Creates options.
    public init(documentURI: String? = nil, now: Timestamp? = nil) {
        self.documentURI = documentURI
        self.now = now
    }
}

/// Validates feeds the way the W3C Feed Validation Service does: RSS 0.90–2.0, RSS 1.0, Atom 1.0 feed and
/// entry documents, and JSON Feed 1.0 and 1.1, Crier's own and anybody else's.
///
/// XML documents are read in one streaming pass (`XMLFeedCheck`): every element is checked by a handler
/// that knows what it may contain, and findings carry the service's message class names, severities, lines
/// and columns. JSON Feed is checked against its specification, each MUST an error and each SHOULD a
/// warning. Everything is deterministic unless a clock is passed in `ValidationOptions.now`.
public enum FeedValidator {
    /// Validates a document given as bytes; the format is detected from the content.
    public static func validate(bytes: [UInt8], options: ValidationOptions = ValidationOptions()) -> ValidationReport {
        validate(bytes: bytes, session: nil, options: options)
    }

    /// Validates a document given as bytes, reusing what `session` already found in the HTML it carries.
    public static func validate(
        bytes: [UInt8], session: ValidationSession?,
        options: ValidationOptions = ValidationOptions()
    ) -> ValidationReport {
        let checked = check(bytes: bytes, session: session, part: .whole, options: options)
        return checked.report(findings: checked.outcome.findings)
    }

    /// A document's format and what its checks found, before the findings are finished into a report.
    struct Checked {
        var format: FeedFormat?
        var outcome: RuleOutcome

        func report(findings: FindingList) -> ValidationReport {
            var list = findings
            return ValidationReport(format: format, findings: list.finish())
        }
    }

    /// Validates a document, or one part of an assembled document (`DocumentPart`).
    static func check(
        bytes: [UInt8], session: ValidationSession?, part: DocumentPart,
        options: ValidationOptions = ValidationOptions()
    ) -> Checked {
        if FormatDetection.looksLikeJSON(bytes) {
            return checkJSONFeed(bytes: bytes, session: session, part: part)
        }
        return check(xmlPieces: [bytes], linesSkipped: 0, session: session, part: part, options: options)
    }

    /// Validates an XML document given as pieces, as if `linesSkipped` lines stood between the first piece
    /// and the second (a batch of an assembled document; see `AssembledDocumentCheck`).
    static func check(
        xmlPieces pieces: [[UInt8]], linesSkipped: Int, session: ValidationSession?, part: DocumentPart,
        options: ValidationOptions = ValidationOptions()
    ) -> Checked {
        let deferred = part.defersUniqueness ? DeferredChecks() : nil
        let documentURI = options.documentURI ?? pieces.first.flatMap { XMLFeedCheck.selfLink(in: $0) } ?? ""
        var check = XMLFeedCheck(documentURI: documentURI, now: options.now, deferred: deferred, session: session)
        for (index, piece) in pieces.enumerated() {
            if index == 1, linesSkipped > 0 { check.skipLines(linesSkipped) }
            piece.withUnsafeBytes { check.parse($0, isLast: index == pieces.count - 1) }
        }
        if pieces.isEmpty { check.parse(UnsafeRawBufferPointer(start: nil, count: 0), isLast: true) }
        let (kind, findings) = check.finish()
        let identifiers =
            deferred?.seen.map { seen in
                SeenIdentifier(
                    identifier: seen.value, line: seen.position.line, what: seen.kind, findingsBefore: seen.findingsBefore,
                    column: seen.position.column, kind: seen.kind, rule: seen.rule, message: seen.message)
            } ?? []
        return Checked(format: kind.format, outcome: RuleOutcome(findings: findings, identifiers: identifiers))
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

    /// Validates the document in a file without holding it in memory whole: XML is parsed a piece at a
    /// time, a JSON Feed one item at a time (`StreamingJSONFeed`).
    /// - Returns: the report; an unreadable file gives one `SAXError` naming it.
    public static func validate(
        fileAtPath path: String, options: ValidationOptions = ValidationOptions(),
        session: ValidationSession? = nil
    ) -> ValidationReport {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            var list = FindingList()
            list.add(.saxError, "cannot read \(path)")
            return ValidationReport(format: nil, findings: list.finish())
        }
        defer { try? handle.close() }
        let chunkSize = 1 << 20
        let first = (try? handle.read(upToCount: chunkSize)).map { Array($0) } ?? []
        if FormatDetection.looksLikeJSON(first) {
            if let streamed = StreamingJSONFeed.report(path: path, session: session) { return streamed }
            guard let data = FileManager.default.contents(atPath: path) else {
                return ValidationReport(format: nil, findings: [])
            }
            return validate(bytes: Array(data), session: session, options: options)
        }
        // A local file without an absolute self link is where it is: relative references resolve against it.
        let documentURI =
            options.documentURI ?? XMLFeedCheck.selfLink(in: first)
            ?? URL(fileURLWithPath: path).standardizedFileURL.absoluteString
        var check = XMLFeedCheck(documentURI: documentURI, now: options.now, session: session)
        var piece = first
        while true {
            let next = piece.isEmpty ? [] : ((try? handle.read(upToCount: chunkSize)).map { Array($0) } ?? [])
            piece.withUnsafeBytes { check.parse($0, isLast: next.isEmpty) }
            if next.isEmpty { break }
            piece = next
        }
        let (kind, findings) = check.finish()
        return Checked(format: kind.format, outcome: RuleOutcome(findings: findings)).report(findings: findings)
    }
}

extension Result {
    var success: Success? {
        if case .success(let value) = self { value } else { nil }
    }
}
