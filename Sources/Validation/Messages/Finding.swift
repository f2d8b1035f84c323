/// One problem found in a feed, named after the W3C Feed Validation Service's message class so a user can
/// look it up (`MissingSelf`, `InvalidRFC2822Date`, …).
public struct Finding: Sendable, Hashable, CustomStringConvertible {
    /// Errors make a feed invalid; warnings are problems readers may trip over.
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// How bad it is.
    public var severity: Severity
    /// The rule's name, such as `MissingSelf`.
    public var rule: String
    /// 1-based line, 0 when unknown (JSON Feed findings name a key path in the message instead).
    public var line: Int
    /// Characters before the offending tag's `<` on its line, the way the W3C Feed Validation Service
    /// counts, so both point at the same place (0 for a tag at the start of a line, or when unknown).
    public var column: Int
    /// What is wrong, for a person.
    public var message: String

    /// Creates a finding.
    public init(severity: Severity, rule: String, line: Int = 0, column: Int = 0, message: String) {
        self.severity = severity
        self.rule = rule
        self.line = line
        self.column = column
        self.message = message
    }

    /// `error RULE line:col message`, the line format of `crier validate`.
    public var description: String {
        "\(severity.rawValue) \(rule) \(line):\(column) \(message)"
    }
}
