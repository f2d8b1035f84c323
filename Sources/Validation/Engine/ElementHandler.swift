import XML

/// Checks one element of a document while it is read: its attributes when it starts, each child as it
/// starts (by handing it a handler of its own), its text, and its value and children when it ends.
///
/// The shape is the W3C Feed Validation Service's: every element kind is a subclass that says which
/// children it takes (`child(_:)`), which attributes it expects, and what it checks when it starts
/// (`prevalidate()`) and ends (`validate()`). Findings are logged at the position of the tag being read
/// when the check runs, which is where the service points too: the start tag for what is wrong with an
/// element's name or attributes, the end tag for what is wrong with its value or children.
///
/// Element names are keys: the local name for the format's own elements (`title`), and the conventional
/// prefix and local name for a known extension (`dc:creator`), whatever prefix the document uses.
class ElementHandler {
    /// The element's key (`title`, `dc:creator`).
    var name = ""
    var attributes = AttributeList()
    /// The handler of the enclosing element; nil only for the document's root handler.
    private(set) var parent: ElementHandler?
    /// The walker reading the document.
    unowned(unsafe) var walker: ValidationWalker!
    /// The element's text so far (all of it once `validate()` runs), whitespace trimmed before `validate()`.
    var value = ""
    /// The keys of the children started so far, in order, repeats included.
    var children: [String] = []
    /// False once anything was logged about this element.
    var isValid = true
    /// Where the start tag is.
    var position = XMLPosition(line: 1, column: 0)
    /// The base URI in scope (`xml:base`, else the document's own URI).
    var xmlBase = ""
    /// The language in scope (`xml:lang`).
    var xmlLang: String?
    /// Namespace declarations made on this element: prefix ("" for the default) to URI.
    var namespaces: [String: String] = [:]
    /// True inside an iTunes podcast: iTunes elements seen turn on the iTunes checks of the channel.
    var itunes = false
    /// Values a `Unique` child has seen, by kind (`id`, `updated`): uniqueness is per scope element.
    var uniqueValues: [String: Set<String>] = [:]
    /// Enclosure URLs of an item or entry, for the iTunes format check once it is known to be a podcast.
    var enclosureURLs: [String] = []

    init() {}

    // MARK: - What subclasses say

    /// The handlers for a child element with this key, or nil when this element takes no such child
    /// (the child is then `UndefinedElement`, or questionable, or from an undeclared namespace).
    func child(_ name: String) -> [ElementHandler]? { nil }

    /// The attributes this element takes besides `xml:base`, `xml:id`, `xml:lang` and `xml:space`; nil or
    /// empty when it takes none (every other attribute is then `UnexpectedAttribute`).
    var expectedAttributes: [AttributeName]? { nil }

    /// Runs when the element starts, after its attributes are known.
    func prevalidate() {}

    /// Runs when the element ends: its value is complete and trimmed, its children known.
    func validate() {}

    /// Text in an element that should hold none.
    func textOK() {
        log(.unexpectedText, "\(name) in \(parent?.name ?? "root") should not contain text")
    }

    /// The handler for a child of a namespace the validator does not know.
    func unknownChild(local: String, namespace: String, attributes: AttributeList) -> ElementHandler {
        walker.extensionHandler(local: local, namespace: namespace, attributes: attributes, parent: self)
    }

    /// The handler for a child element that is allowed but not checked (text content).
    func leaf() -> ElementHandler { TextValue() }

    /// Called for a known iTunes child; channel and item override it to turn on the iTunes checks.
    func setItunes(_ value: Bool) {}

    /// Handlers for a child this element does not take but that is commonly put here by mistake and
    /// understood by readers anyway (logged as `QuestionableUsage` rather than `UndefinedElement`).
    func questionableChild(_ key: String) -> [ElementHandler]? {
        var lookup = key
        if case .unsupported = feedKind, lookup.hasPrefix("app:") { lookup.removeFirst(4) }
        if !lookup.contains(":"), name.contains(":"), walker.defaultNamespaces.contains(Vocabulary.atom) {
            lookup = "atom:" + lookup
        }
        return Questionable.handlers(for: lookup)
    }

    // MARK: - Events

    /// Attaches the handler to its element; called by the walker before `prevalidate()`.
    func attach(name: String, attributes: AttributeList, parent: ElementHandler?, walker: ValidationWalker) {
        self.name = name
        self.attributes = attributes
        self.parent = parent
        self.walker = walker
        self.position = walker.position
        self.xmlLang = parent?.xmlLang
        if let base = attributes[.xmlBase] {
            validateAttribute(.xmlBase, with: XMLBaseURI())
            xmlBase = URIReference.join(base: parent?.xmlBase ?? walker.documentURI, base)
        } else {
            xmlBase = parent?.xmlBase ?? walker.documentURI
        }
    }

    /// A child element starts: picks its handlers (or logs why there are none) and pushes them.
    func startChild(local: String, namespace: String?, prefix: String?, attributes: AttributeList) {
        if let language = attributes[.xmlLang] {
            xmlLang = language
            if !language.isEmpty { LanguageCode.check(language, attribute: "xml:lang", element: local, in: self) }
        }
        let undeclaredPrefix = prefix != nil && namespace == nil
        var namespace = namespace
        let kind = walker.feedKind
        if namespace == nil, kind != .unknown, kind != .rss2 {
            log(.undeterminableVocabulary, "\(local) in \(name) has no namespace: its vocabulary cannot be determined")
            namespace = "null"
        }
        if let given = namespace, walker.defaultNamespaces.contains(given) { namespace = nil }

        var key = local
        if let given = namespace, let known = Vocabulary.knownPrefix(of: given) {
            namespace = nil
            key = "\(known):\(local)"
            if known == "itunes", !itunes, !(parent?.itunes ?? false) { setItunes(true) }
        }
        for item in attributes.items where item.prefix != nil && item.name.namespace == nil {
            log(.missingNamespace, "attribute \(item.prefix!):\(item.name.local) on \(local) uses an undeclared prefix")
        }
        if namespace == Vocabulary.obsoleteAtom {
            log(.obsoleteNamespace, "\(local) is in the obsolete Atom 0.3 namespace \(Vocabulary.obsoleteAtom)")
        }
        for item in attributes.items where TextScan.hasBadCharacters(item.value) {
            log(.badCharacters, "attribute \(item.name) of \(local) contains control characters or U+FFFD")
        }

        let handlers: [ElementHandler]
        if let unknown = namespace {
            handlers = [unknownChild(local: local, namespace: unknown, attributes: attributes)]
            key = "unknown:\(local)"
        } else {
            let lookup = key.hasPrefix("dc:") ? String(key.prefix { $0 != "." }) : key
            if let found = child(lookup) {
                handlers = found
            } else if undeclaredPrefix {
                log(.missingNamespace, "\(prefix!):\(local) uses a namespace prefix that is not declared")
                handlers = [Eater()]
            } else if key.hasPrefix("xhtml:") {
                log(.misplacedXHTMLContent, "XHTML \(local) is misplaced in \(name)")
                handlers = [Eater()]
            } else if let questionable = questionableChild(key) {
                log(.questionableUsage, "\(key) in \(name) is not defined here and readers may ignore it")
                handlers = questionable
            } else {
                log(.undefinedElement, "Undefined \(name) element: \(key)")
                handlers = [Eater()]
            }
        }
        walker.push(handlers, name: key, attributes: attributes, parent: self)
        // After the push, as in the service: a child's `prevalidate()` sees only its earlier siblings.
        children.append(key)
    }

    /// Text inside the element.
    func characters(_ text: String) {
        if !text.isBlank { textOK() }
        if TextScan.hasBadCharacters(text) || TextScan.looksDoublyEncoded(text) {
            log(.badCharacters, "\(name) contains control characters, U+FFFD or text encoded twice")
        }
        value += text
    }

    /// The element ends: trims the value and validates.
    func end() {
        normalizeWhitespace()
        validate()
    }

    /// Trims white space around the value; values whose spaces matter override it.
    func normalizeWhitespace() {
        value = value.trimmedWhitespace
    }

    // MARK: - Helpers for rules

    /// Logs a finding at the walker's current position.
    func log(_ rule: Rule, _ message: String) {
        walker.log(rule, message)
        isValid = false
    }

    /// Runs a value rule over one attribute's value, as if the attribute were an element of its own.
    func validateAttribute(_ attribute: AttributeName, with rule: ElementHandler) {
        rule.attach(name: attribute.description, attributes: AttributeList(), parent: self, walker: walker)
        rule.value = attributes[attribute] ?? ""
        rule.validate()
    }

    func validateAttribute(_ local: String, with rule: ElementHandler) {
        validateAttribute(AttributeName(local), with: rule)
    }

    /// Runs a value rule over an attribute when present; logs `MissingAttribute` when absent.
    func validateRequiredAttribute(_ attribute: AttributeName, with rule: ElementHandler) {
        if attributes.contains(attribute) {
            validateAttribute(attribute, with: rule)
        } else {
            log(.missingAttribute, "\(name) must have a \(attribute) attribute")
        }
    }

    func validateRequiredAttribute(_ local: String, with rule: ElementHandler) {
        validateRequiredAttribute(AttributeName(local), with: rule)
    }

    /// Runs a value rule over an attribute when present.
    func validateOptionalAttribute(_ attribute: AttributeName, with rule: ElementHandler) {
        if attributes.contains(attribute) { validateAttribute(attribute, with: rule) }
    }

    func validateOptionalAttribute(_ local: String, with rule: ElementHandler) {
        validateOptionalAttribute(AttributeName(local), with: rule)
    }

    /// The namespace a prefix maps to here, nil when it is not declared.
    func namespaceFor(prefix: String) -> String? {
        if let uri = namespaces[prefix] { return uri }
        return parent?.namespaceFor(prefix: prefix)
    }

    /// The kind of document being read.
    var feedKind: FeedKind {
        get { walker.feedKind }
        set { walker.feedKind = newValue }
    }

    /// The enclosing element's key, "root" for the document element.
    var parentName: String { parent?.name ?? "root" }
}

extension String {
    /// The text without white space (space, tab, CR, LF, and Unicode white space) at either end.
    var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    /// True when the text is empty or white space only.
    var isBlank: Bool { unicodeScalars.allSatisfy { $0.properties.isWhitespace } }
}
