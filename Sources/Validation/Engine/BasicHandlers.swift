/// An element whose content is text: any child element is `UndefinedElement` (in RSS 1.0, RDF).
class TextValue: ElementHandler {
    override func textOK() {}

    override var expectedAttributes: [AttributeName]? {
        feedKind == .rss1 ? [.rdf("parseType"), .rdf("datatype"), .rdf("resource")] : []
    }

    override func startChild(local: String, namespace: String?, prefix: String?, attributes: AttributeList) {
        if feedKind == .rss1 {
            if !value.isBlank || !children.isEmpty, attributes[.rdf("parseType")] != "Literal",
                self.attributes[.rdf("parseType")] != "Literal"
            {
                log(.invalidRDF, "\(name) mixes text and elements, which RDF allows only with rdf:parseType=\"Literal\"")
            }
            let handler: ElementHandler =
                local == "div" && namespace == Vocabulary.xhtml
                ? XHTMLDivEater() : RDFExtension(namespace: namespace)
            walker.push([handler], name: local, attributes: attributes, parent: self)
            return
        }
        if prefix != nil && namespace == nil {
            log(.missingNamespace, "\(prefix!):\(local) in \(name) uses a namespace prefix that is not declared")
        } else {
            log(.undefinedElement, "Undefined \(name) element: \(local)")
        }
        walker.push([Eater()], name: local, attributes: attributes, parent: self)
    }
}

/// Swallows an element and everything in it without checking, so one unknown element does not draw a
/// cascade of findings; only characters readers would show as damage are reported.
class Eater: ElementHandler {
    override var expectedAttributes: [AttributeName]? { attributes.names }

    override func textOK() {}

    override func characters(_ text: String) {
        if TextScan.hasBadCharacters(text) {
            log(.badCharacters, "\(name) in \(parentName) contains control characters or U+FFFD")
        }
    }

    override func startChild(local: String, namespace: String?, prefix: String?, attributes: AttributeList) {
        // RSS 2.0 requires an extension's children to be in a namespace too.
        if namespace == nil, prefix == nil, feedKind == .rss2, name.contains(":") {
            log(.notInANamespace, "\(local) in the extension element \(name) must be in a namespace")
        }
        if prefix != nil && namespace == nil {
            log(.missingNamespace, "\(prefix!):\(local) in \(name) uses a namespace prefix that is not declared")
        }
        for item in attributes.items {
            if item.prefix != nil && item.name.namespace == nil {
                log(.missingNamespace, "attribute \(item.prefix!):\(item.name.local) on \(local) uses an undeclared prefix")
            }
            if TextScan.hasBadCharacters(item.value) {
                log(.badCharacters, "attribute \(item.name) of \(local) contains control characters or U+FFFD")
            }
        }
        walker.push([childEater()], name: local, attributes: attributes, parent: self)
    }

    /// The eater for a child element: one of the same kind, so that a subclass checks nested markup too.
    func childEater() -> Eater { Eater() }

    override func end() {}

    /// An eater for an element no handler took, attached so the walker's stack stays balanced.
    static func attached(to parent: ElementHandler, walker: ValidationWalker) -> Eater {
        let eater = Eater()
        eater.attach(name: "", attributes: AttributeList(), parent: parent, walker: walker)
        return eater
    }
}

/// Adds "at most once" to an element's other handler: a second sibling of the same name is
/// `DuplicateElement` (or the rule given).
final class NoDuplicates: ElementHandler {
    private let rule: Rule

    init(_ rule: Rule = .duplicateElement) {
        self.rule = rule
    }

    override func startChild(local: String, namespace: String?, prefix: String?, attributes: AttributeList) {}
    override func characters(_ text: String) {}
    override func end() {}

    override func prevalidate() {
        // The parent appends a child's name after pushing it: any occurrence is an earlier sibling.
        if let parent, parent.children.contains(name) {
            log(rule, "\(parent.name) contains more than one \(name)")
        }
    }
}

/// Text that must not be empty (`NotBlank`).
class NonBlank: TextValue {
    override func validate() {
        if value.isEmpty {
            log(.notBlank, "\(name) in \(parentName) should not be blank")
        }
    }
}

/// Text that must not start or end with white space (`UnexpectedWhitespace`), checked as it arrives.
class NoWhitespace: TextValue {
    private var reported = false

    override func characters(_ text: String) {
        super.characters(text)
        if !reported, value != value.trimmedWhitespace {
            reported = true
            log(.unexpectedWhitespace, "\(name) in \(parentName) has white space around its value")
        }
    }
}

/// A value that must be unique among the elements of one kind under a scope element (entry ids in a feed,
/// for instance): a repeat is logged with the rule given (`DuplicateValue` by default).
final class Unique: NonBlank {
    private let kind: String
    private let scope: ElementHandler
    private let rule: Rule

    /// - Parameters:
    ///   - kind: what is compared (`id`, `updated`).
    ///   - scope: the element within which values must differ.
    ///   - rule: the finding for a repeat.
    init(_ kind: String, in scope: ElementHandler, rule: Rule = .duplicateValue) {
        self.kind = kind
        self.scope = scope
        self.rule = rule
    }

    override func validate() {
        super.validate()
        guard !value.isEmpty else { return }
        let message = "\(name) \"\(value.prefix(80))\" is used by more than one \(parentName)"
        if let deferred = walker.deferred {
            deferred.record(
                DeferredChecks.Seen(
                    kind: "\(scope.name)/\(kind)", value: value, rule: rule, message: message,
                    position: walker.position, findingsBefore: walker.findings.findings.count))
            return
        }
        if scope.uniqueValues[kind, default: []].contains(value) {
            log(rule, message)
        } else {
            scope.uniqueValues[kind, default: []].insert(value)
        }
    }
}
