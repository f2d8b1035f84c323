import FeedModel

@testable import Validation

/// Runs one value rule on one value, the way an element handler runs it when its element ends, and returns
/// the names of the rules it logged: value rules are tested without a feed around them.
enum ValueRuleProbe {
    static func rules(
        _ rule: ElementHandler, _ value: String, name: String = "value", documentURI: String = "http://example.com/feed.xml",
        now: Timestamp? = nil
    ) -> [String] {
        let walker = ValidationWalker(documentURI: documentURI, now: now)
        rule.attach(name: name, attributes: AttributeList(), parent: walker.current, walker: walker)
        rule.prevalidate()
        rule.value = value
        rule.end()
        return walker.findings.findings.map(\.rule)
    }

    /// The rules logged, as one string for compact expectations ("" when none).
    static func verdict(_ rule: ElementHandler, _ value: String) -> String {
        rules(rule, value).joined(separator: ",")
    }
}
