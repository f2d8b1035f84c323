/// RSS 1.0's Admin module (`http://webns.net/mvcb/`): the software that made the channel and where to report
/// its errors, both as RDF resources.
enum Admin {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.channel) else { return nil }
        switch element.local {
        case "generatorAgent":
            element.warnDuplicate(core: "generator")
            return [RDFResourceURI(), NoDuplicates()]
        case "errorReportsTo":
            return [RDFResourceURI(), NoDuplicates()]
        default:
            return nil
        }
    }
}
