/// The Well-Formed Web Comment API (`http://wellformedweb.org/CommentAPI/`): where to post a comment on an
/// item (`wfw:comment`) and the feed of its comments (`wfw:commentRss`).
enum CommentAPI {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.item) else { return nil }
        switch element.local {
        case "comment", "commentRss": return [FullURI(), NoDuplicates()]
        case "commentRSS":
            // The specification spells it commentRss; readers look for that name only.
            element.log(.commentRSS, "wfw:commentRSS is misspelt: the element is wfw:commentRss")
            return [FullURI(), NoDuplicates()]
        default: return nil
        }
    }
}
