/// A kind of problem a feed can have: a name a user can look up and how bad it is.
///
/// Feed rules carry the W3C Feed Validation Service's message class names and severities
/// (`Rule+ServiceCatalogue.swift`), so `crier validate` and the service say the same thing about a feed.
/// JSON Feed rules and RFC 5005 rules the service lacks are Crier's own, named in the same style
/// (`Rule+Crier.swift`).
struct Rule: Hashable, Sendable {
    /// The class name, such as `MissingSelf`.
    let name: String
    /// Errors make a feed invalid; warnings are problems readers may trip over.
    let severity: Finding.Severity

    init(_ name: String, _ severity: Finding.Severity) {
        self.name = name
        self.severity = severity
    }

    static func == (lhs: Rule, rhs: Rule) -> Bool { lhs.name == rhs.name }
    func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// Every rule Crier can report.
    static let all: [Rule] = serviceCatalogue + crierRules + jsonFeedRules

    private static let byName: [String: Rule] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The rule with this name, nil when there is none.
    static func named(_ name: String) -> Rule? { byName[name] }

    /// The rule's name (the spelling older code used).
    var rawValue: String { name }

    /// The rule named `rawValue`.
    init?(rawValue: String) {
        guard let rule = Rule.byName[rawValue] else { return nil }
        self = rule
    }

    /// Every rule, in catalogue order.
    static var allCases: [Rule] { all }
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
        findings.append(Finding(severity: rule.severity, rule: rule.name, line: line, column: column, message: message))
    }

    mutating func append(contentsOf other: FindingList) {
        for finding in other.findings {
            findings.append(finding)
        }
        for (rule, count) in other.counts { counts[rule, default: 0] += count }
    }

    /// Adds a finding made elsewhere (another part of the document) through this list's per-rule limit.
    mutating func add(_ finding: Finding) {
        guard let rule = Rule.named(finding.rule) else { return }
        let count = counts[rule, default: 0] + 1
        counts[rule] = count
        if count <= Self.limitPerRule { findings.append(finding) }
    }

    /// Counts the findings `other` cut off (beyond those it stored) as cut off here too.
    mutating func addCutOffCounts(of other: FindingList) {
        var stored: [Rule: Int] = [:]
        for finding in other.findings {
            if let rule = Rule.named(finding.rule) { stored[rule, default: 0] += 1 }
        }
        for (rule, count) in other.counts where count > stored[rule, default: 0] {
            counts[rule, default: 0] += count - stored[rule, default: 0]
        }
    }

    /// How many findings of a rule were made, those past the per-rule limit included.
    func count(of rule: Rule) -> Int {
        counts[rule, default: 0]
    }

    /// Takes back every finding of a rule made so far (a later element can show an earlier warning moot).
    mutating func withdraw(_ rule: Rule) {
        findings.removeAll { $0.rule == rule.name }
        counts[rule] = nil
    }

    /// Adds one finding per rule that was cut off, saying how many more there were.
    mutating func finish() -> [Finding] {
        for rule in Rule.all {
            let count = counts[rule, default: 0]
            if count > Self.limitPerRule {
                findings.append(
                    Finding(
                        severity: rule.severity, rule: rule.name,
                        message: "\(count - Self.limitPerRule) more \(rule.name) findings not shown"))
            }
        }
        return findings
    }
}
