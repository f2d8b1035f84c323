/// Elements often put where they do not belong, which readers understand anyway: such a child draws
/// `QuestionableUsage` and is checked as if it were in its usual place. (Placeholder: the extensions
/// family fills this in.)
enum Questionable {
    /// The handlers for a misplaced element with this key, nil when it is not one of these.
    static func handlers(for key: String) -> [ElementHandler]? { nil }
}
