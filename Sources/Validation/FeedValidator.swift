public import FeedModel
internal import XML

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
public enum FeedValidator {
    /// Validates a document given as bytes; the format is detected from the content.
    // PLACEHOLDER until the Validation work lands: checks well-formedness only.
    public static func validate(bytes: [UInt8]) -> ValidationReport {
        do {
            _ = try XMLDocument(xml: bytes)
            return ValidationReport(format: nil, findings: [])
        } catch {
            return ValidationReport(format: nil, findings: error.diagnostics.map {
                Finding(severity: .error, rule: "NotWellFormed", line: $0.line, column: $0.column, message: $0.message)
            })
        }
    }
}
