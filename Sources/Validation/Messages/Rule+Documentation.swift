/// Where a user can read more about a rule than the one-line hint says.
extension Rule {
    /// The page explaining this rule, nil when there is none to point to.
    ///
    /// The W3C service documents each class under `docs/error/` or `docs/warning/` by its severity, so the
    /// service's classes link there; JSON Feed rules link to the specification they come from; Crier's other
    /// rules have no page.
    var documentationURL: String? {
        if Rule.jsonFeedRuleNames.contains(name) { return "https://jsonfeed.org/version/1.1" }
        guard Rule.serviceRuleNames.contains(name), !Rule.serviceClassesWithoutPage.contains(name) else { return nil }
        let folder =
            switch severity {
            case .error: "error"
            case .warning: "warning"
            }
        return "https://validator.w3.org/feed/docs/\(folder)/\(name).html"
    }

    /// Service classes with no page of their own. `RSS20Profile` is only the common parent of the RSS Best
    /// Practices Profile warnings (`MisplacedItem`, `SlashDate`...), which have pages.
    static let serviceClassesWithoutPage: Set<String> = ["RSS20Profile"]

    private static let serviceRuleNames = Set(serviceCatalogue.map(\.name))
    private static let jsonFeedRuleNames = Set(jsonFeedRules.map(\.name))
}
