/// The rules Crier checks, named after the W3C Feed Validation Service's message classes, with that
/// service's severity (its `logging.py`: subclasses of `Error` are errors, of `Warning` warnings).
///
/// Rules the W3C service does not have (`UnknownFormat`, `SchemaViolation`, the RFC 5005 ones) are
/// Crier's own; their severities are chosen in the comments below.
enum Rule: String, CaseIterable {
    // Parsing and format.
    case notWellFormed = "NotWellFormed"
    case undefinedNamedEntity = "UndefinedNamedEntity"
    /// Not RSS 2.0, Atom 1.0 or JSON Feed 1.x: nothing else can be checked, so an error.
    case unknownFormat = "UnknownFormat"

    // Grammar.
    case missingElement = "MissingElement"
    case undefinedElement = "UndefinedElement"
    case duplicateElement = "DuplicateElement"
    case unexpectedAttribute = "UnexpectedAttribute"
    /// A grammar error libxml2 reports in a way that names no element or attribute precisely.
    case schemaViolation = "SchemaViolation"
    case invalidValue = "InvalidValue"

    // Values.
    case invalidRFC2822Date = "InvalidRFC2822Date"
    case incorrectDOW = "IncorrectDOW"
    case invalidRFC3339Date = "InvalidRFC3339Date"
    case implausibleDate = "ImplausibleDate"
    case invalidContact = "InvalidContact"
    case invalidFullLink = "InvalidFullLink"
    case invalidIRI = "InvalidIRI"
    case invalidPermalink = "InvalidPermalink"
    case duplicateValue = "DuplicateValue"
    case duplicateAtomLink = "DuplicateAtomLink"

    // Feed-level advice.
    case missingSelf = "MissingSelf"
    case duplicateEntries = "DuplicateEntries"

    // Content.
    case containsRelRef = "ContainsRelRef"
    case securityRisk = "SecurityRisk"
    case badCharacters = "BadCharacters"

    // RFC 5005.
    /// Section 2: a complete feed replaces everything a reader holds, so archive links contradict it and a
    /// reader following them would see entries twice; an error because the two meanings cannot both hold.
    case feedRelInCompleteFeed = "FeedRelInCompleteFeed"
    /// Section 4: archive documents SHOULD link to the current (subscription) document; a SHOULD, so a warning.
    case archiveIncomplete = "ArchiveIncomplete"

    /// How bad a breach of this rule is.
    var severity: Finding.Severity {
        switch self {
        case .missingSelf, .duplicateEntries, .containsRelRef, .securityRisk, .badCharacters, .implausibleDate,
             .archiveIncomplete:
            .warning
        default:
            .error
        }
    }
}

/// Findings gathered while checking one document, in the order rules report them.
struct FindingList {
    private(set) var findings: [Finding] = []
    /// A hostile feed can break one rule a million times; past this many findings of one rule the rest are
    /// counted, not stored, so memory and output stay bounded.
    static let limitPerRule = 100
    private var counts: [Rule: Int] = [:]

    mutating func add(_ rule: Rule, line: Int = 0, column: Int = 0, _ message: String) {
        let count = counts[rule, default: 0] + 1
        counts[rule] = count
        guard count <= Self.limitPerRule else { return }
        findings.append(Finding(severity: rule.severity, rule: rule.rawValue, line: line, column: column, message: message))
    }

    mutating func append(contentsOf other: FindingList) {
        for finding in other.findings {
            findings.append(finding)
        }
        for (rule, count) in other.counts { counts[rule, default: 0] += count }
    }

    /// Adds a finding made elsewhere (another part of the document) through this list's per-rule limit.
    mutating func add(_ finding: Finding) {
        guard let rule = Rule(rawValue: finding.rule) else { return }
        let count = counts[rule, default: 0] + 1
        counts[rule] = count
        if count <= Self.limitPerRule { findings.append(finding) }
    }

    /// Counts the findings `other` cut off (beyond those it stored) as cut off here too.
    mutating func addCutOffCounts(of other: FindingList) {
        var stored: [Rule: Int] = [:]
        for finding in other.findings {
            if let rule = Rule(rawValue: finding.rule) { stored[rule, default: 0] += 1 }
        }
        for (rule, count) in other.counts where count > stored[rule, default: 0] {
            counts[rule, default: 0] += count - stored[rule, default: 0]
        }
    }

    /// Adds one finding per rule that was cut off, saying how many more there were.
    mutating func finish() -> [Finding] {
        for rule in Rule.allCases {
            let count = counts[rule, default: 0]
            if count > Self.limitPerRule {
                findings.append(Finding(severity: rule.severity, rule: rule.rawValue,
                                        message: "\(count - Self.limitPerRule) more \(rule.rawValue) findings not shown"))
            }
        }
        return findings
    }
}
