import Foundation
import Testing

@testable import Validation

/// Every rule `crier validate` can report has a fix hint short enough for one terminal line, the hints say
/// something specific to their rule, and documentation links point where the rule's source documents it.
@Suite struct RuleHintTests {
    /// Longest hint accepted; they are written to stay under about 110 characters.
    static let maximumHintLength = 140
    /// How many rules may share one hint word for word before it stops saying anything about its rule.
    static let maximumRulesPerHint = 3

    @Test(arguments: Rule.all)
    func everyRuleHasAShortOneLineHint(rule: Rule) {
        let hint = rule.hint
        #expect(!hint.trimmingCharacters(in: .whitespaces).isEmpty, "\(rule.name) has no hint")
        #expect(hint.count <= Self.maximumHintLength, "\(rule.name): \(hint.count) characters")
        let spansLines = hint.contains(where: \.isNewline)
        #expect(!spansLines, "\(rule.name): hint spans lines")
    }

    @Test func hintsNameOnlyExistingRules() {
        let stale = Rule.hints.keys.filter { Rule.named($0) == nil }.sorted()
        #expect(stale.isEmpty, "hints for rules that do not exist: \(stale)")
    }

    @Test func noHintIsSharedByMoreThanAHandfulOfRules() {
        let rulesByHint = Dictionary(grouping: Rule.all.map(\.name), by: { Rule.named($0)?.hint ?? "" })
        let overused = rulesByHint.filter { $0.value.count > Self.maximumRulesPerHint }
        #expect(overused.isEmpty, "hints shared too widely: \(overused)")
    }

    @Test(arguments: Rule.all)
    func documentationURLIsWellFormed(rule: Rule) throws {
        guard let address = rule.documentationURL else { return }
        let url = try #require(URL(string: address), "\(rule.name): \(address)")
        #expect(url.scheme == "https")
        #expect(url.host?.isEmpty == false)
        let hasWhitespace = address.contains(where: \.isWhitespace)
        #expect(!hasWhitespace, "\(rule.name): \(address)")
    }

    @Test func serviceRulesLinkToThePageForTheirSeverity() {
        for rule in Rule.serviceCatalogue {
            let folder = rule.severity == .error ? "error" : "warning"
            if Rule.serviceClassesWithoutPage.contains(rule.name) {
                #expect(rule.documentationURL == nil, "\(rule.name)")
            } else {
                #expect(rule.documentationURL == "https://validator.w3.org/feed/docs/\(folder)/\(rule.name).html")
            }
        }
    }

    @Test func jsonFeedRulesLinkToTheSpecificationAndCrierRulesToNothing() {
        for rule in Rule.jsonFeedRules {
            #expect(rule.documentationURL == "https://jsonfeed.org/version/1.1", "\(rule.name)")
        }
        for rule in Rule.crierRules {
            #expect(rule.documentationURL == nil, "\(rule.name)")
        }
    }

    /// The service's documentation as checked out for the validator work (never committed); where it exists,
    /// every page a service rule links to must be there, and every class said to have none must indeed lack one.
    static let serviceDocs = "/tmp/feedvalidator/docs"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: RuleHintTests.serviceDocs)))
    func linkedServicePagesExistInTheServicesDocumentation() {
        for rule in Rule.serviceCatalogue {
            let folder = rule.severity == .error ? "error" : "warning"
            let page = "\(Self.serviceDocs)/\(folder)/\(rule.name).html"
            #expect(FileManager.default.fileExists(atPath: page) == (rule.documentationURL != nil), "\(rule.name): \(page)")
        }
    }
}
