import Foundation
import Testing
import Validation

/// Each fixture breaks one rule: its name starts with the rule, and validating it must report that rule
/// and no other. The `valid.*` fixtures must report nothing.
@Suite struct FixtureTests {
    static let directory: URL? = Bundle.module.url(forResource: "Fixtures", withExtension: nil)

    /// Every feed fixture, read from the bundle so a new file is tested without editing this list.
    static let fixtureNames: [String] = {
        guard let directory, let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return names.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".json") }.sorted()
    }()

    static func report(for name: String) throws -> ValidationReport {
        let directory = try #require(directory)
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return FeedValidator.validate(bytes: Array(data))
    }

    @Test func fixturesAreBundled() {
        #expect(Self.fixtureNames.count >= 50)
    }

    @Test(arguments: fixtureNames.filter { $0.hasPrefix("valid.") })
    func validFeedsHaveNoFindings(name: String) throws {
        let report = try Self.report(for: name)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.description))")
        #expect(report.format != nil)
    }

    @Test(arguments: fixtureNames.filter { !$0.hasPrefix("valid.") })
    func brokenFeedReportsItsRule(name: String) throws {
        let rule = String(name.prefix { $0 != "." })
        let report = try Self.report(for: name)
        let rules = Set(report.findings.map(\.rule))
        #expect(rules == [rule], "\(name): \(report.findings.map(\.description))")
        // Every finding in an XML fixture points at a line, so `crier validate` can say where.
        if !name.hasSuffix(".json") {
            #expect(report.findings.allSatisfy { $0.line > 0 }, "\(report.findings.map(\.description))")
        }
    }

    @Test func detectsTheFormatOfEachValidFeed() throws {
        #expect(try Self.report(for: "valid.rss.xml").format == .rss)
        #expect(try Self.report(for: "valid.atom.xml").format == .atom)
        #expect(try Self.report(for: "valid.json").format == .json)
        #expect(try Self.report(for: "UnknownFormat.json").format == nil)
    }

    @Test func severitiesFollowTheW3CValidator() throws {
        let missingSelf = try Self.report(for: "MissingAtomSelfLink.rss-no-self-link.xml")
        #expect(missingSelf.findings.allSatisfy { $0.severity == .warning })
        #expect(!missingSelf.hasErrors)
        let dow = try Self.report(for: "IncorrectDOW.rss.xml")
        #expect(dow.hasErrors)
        #expect(try Self.report(for: "SecurityRisk.rss.xml").findings.first?.severity == .warning)
        #expect(try Self.report(for: "InvalidPermalink.rss-tag-guid.xml").hasErrors)
    }

    /// Lines and columns are the W3C service's: a value's finding points at its end tag's `<`, a missing
    /// child's at the parent's end tag.
    @Test func findingsPointWhereTheServicePoints() throws {
        let dow = try Self.report(for: "IncorrectDOW.rss.xml")
        #expect(dow.findings.first?.description.hasPrefix("error IncorrectDOW 21:46 ") == true, "\(dow.findings)")
        let missing = try Self.report(for: "MissingTitle.rss-channel.xml")
        #expect(missing.findings.first?.description.hasPrefix("error MissingTitle 13:2 ") == true, "\(missing.findings)")
    }
}
