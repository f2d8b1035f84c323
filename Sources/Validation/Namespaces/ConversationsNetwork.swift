/// The Conversations Network namespace (`http://conversationsnetwork.org/rssNamespace-1.0/`): a podcast
/// episode's intro length, image and listener ratings.
enum ConversationsNetwork {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.item) else { return nil }
        switch element.local {
        case "introMilliseconds", "ratingCount": return [NonNegativeInteger(), NoDuplicates()]
        case "image": return [HTTPURL(), NoDuplicates()]
        case "ratingAverage": return [FloatValue(), NoDuplicates()]
        case "ratingIndividual": return [PositiveInteger(), NoDuplicates()]
        case "ratingTimestamp": return [ISO8601Date(), NoDuplicates()]
        default: return nil
        }
    }
}
