import FeedModel
import XML

/// Reads the events of one XML document and hands each to the handler of the element it belongs to,
/// keeping the stack of open elements' handlers and the findings.
///
/// This is the W3C Feed Validation Service's dispatcher in Swift: the root handler picks the format from
/// the document element, each handler picks its children's handlers, and findings are logged at the
/// position of the event being read.
final class ValidationWalker: XMLEventConsumer {
    /// The open elements' handlers, innermost last; an element may have several (a value checked by two
    /// rules), all told of its events.
    private var stack: [[ElementHandler]] = []
    private(set) var findings = FindingList()
    /// The position of the event being read, where findings are logged.
    private(set) var position = XMLPosition(line: 1, column: 0)
    /// What kind of document the root element announced.
    var feedKind: FeedKind = .unknown
    /// Namespaces whose elements are named without a prefix (the format's own: Atom's, RSS 1.0's).
    var defaultNamespaces: [String] = []
    /// The URI the document was fetched from: the base of relative references, and what `rel="self"`
    /// should name.
    let documentURI: String
    /// URIs that name this document: `documentURI`, and each `rel="self"` link that named another one.
    var selfLocations: SelfLocations
    /// The moment "now" for rules about dates in the future; nil leaves those rules out (a build must not
    /// depend on the clock).
    let now: Timestamp?
    /// Set when the document type is the RSS 0.91 DTD, which declares HTML's entities.
    private(set) var hasValidDoctype = false
    /// Lines of the document holding a hexadecimal character reference (`&#x`), for `CharacterData`.
    private var hexReferenceLines: [Int] = []
    /// Set when a well-formedness error ended the events.
    private(set) var stopped = false
    /// Follows every element besides the handlers: a grammar over the whole document that no one element's
    /// handler sees (RSS 1.0 is RDF/XML, which the service checks in a second pass).
    var elementObserver: (any ElementObserver)?
    /// Checks across the whole document that a batch of it cannot settle alone (see `DocumentPart`).
    var deferred: DeferredChecks?
    /// Markup findings of HTML bodies already checked in this publish, shared by the documents of a build.
    var session: ValidationSession?
    /// The character encoding the document was read with, as a codec name (`utf-8`, `iso8859-1`): the iTunes
    /// rules want UTF-8 (`NotUTF8`).
    var encoding = "utf-8"

    /// Creates a walker for one document.
    /// - Parameters:
    ///   - documentURI: where the document lives; relative references resolve against it.
    ///   - now: the current time for plausibility of dates; nil to leave such rules out.
    init(documentURI: String, now: Timestamp?) {
        self.documentURI = documentURI
        self.selfLocations = SelfLocations(documentURI: documentURI)
        self.now = now
        let root = RootHandler()
        root.walker = self
        root.name = "root"
        root.xmlBase = documentURI
        stack = [[root]]
    }

    /// The handler of the innermost open element.
    var current: ElementHandler { stack[stack.count - 1][0] }

    // MARK: - Logging

    /// Logs a finding at the current position.
    func log(_ rule: Rule, _ message: String) {
        findings.add(rule, line: position.line, column: position.column, message)
    }

    /// Logs a finding at a given position.
    func log(_ rule: Rule, at where: XMLPosition, _ message: String) {
        findings.add(rule, line: `where`.line, column: `where`.column, message)
    }

    /// Takes back every finding of a rule logged so far in this document.
    func withdraw(_ rule: Rule) {
        findings.withdraw(rule)
    }

    // MARK: - Handlers

    /// Pushes the handlers of an element that just started, each attached and prevalidated.
    func push(_ handlers: [ElementHandler], name: String, attributes: AttributeList, parent: ElementHandler) {
        for handler in handlers {
            handler.attach(name: name, attributes: attributes, parent: parent, walker: self)
            handler.value = ""
            handler.prevalidate()
        }
        pushedThisEvent.append(contentsOf: handlers)
    }

    private var pushedThisEvent: [ElementHandler] = []

    /// The handler for an element of a namespace the validator does not know: ignored with its children,
    /// except in RSS 1.0, where it is RDF and checked as such.
    func extensionHandler(local: String, namespace: String, attributes: AttributeList, parent: ElementHandler) -> ElementHandler {
        feedKind == .rss1 ? RDFExtension(namespace: namespace) : Eater()
    }

    /// Records that `hexReferenceLines` holds a hexadecimal character reference on `line`.
    func noteHexReference(onLine line: Int) {
        if hexReferenceLines.last != line { hexReferenceLines.append(line) }
    }

    /// Whether any line from `first` to `last` holds a hexadecimal character reference: the RSS Best
    /// Practices Profile's way of writing `<` and `&` in text (`CharacterData` otherwise).
    func hasHexReference(fromLine first: Int, toLine last: Int) -> Bool {
        var low = 0
        var high = hexReferenceLines.count
        while low < high {
            let middle = (low + high) / 2
            if hexReferenceLines[middle] < first { low = middle + 1 } else { high = middle }
        }
        return low < hexReferenceLines.count && hexReferenceLines[low] <= last
    }

    // MARK: - XMLEventConsumer

    func documentType(name: String, publicID: String?, systemID: String?, at position: XMLPosition) {
        guard !stopped else { return }
        self.position = position
        guard publicID != nil || systemID != nil else { return }
        if publicID == "-//Netscape Communications//DTD RSS 0.91//EN" {
            if systemID == "http://my.netscape.com/publish/formats/rss-0.91.dtd" {
                hasValidDoctype = true
                log(.deprecatedDTD, "the RSS 0.91 DTD at my.netscape.com is gone; use http://www.rssboard.org/rss-0.91.dtd or none")
                return
            }
            if systemID == "http://www.rssboard.org/rss-0.91.dtd" {
                hasValidDoctype = true
                return
            }
        }
        // Any other external DTD is only information for the service (ContainsSystemEntity): not reported.
    }

    func startElement(_ tag: XMLStartTag) {
        guard !stopped else { return }
        position = tag.position
        let parent = current
        for declaration in tag.namespaceDeclarations {
            declareNamespace(prefix: declaration.prefix, uri: declaration.uri, on: parent)
        }
        let attributes = AttributeList(tag.attributes)
        pushedThisEvent = []
        for handler in stack[stack.count - 1] {
            handler.startChild(local: tag.localName, namespace: tag.namespaceURI, prefix: tag.prefix, attributes: attributes)
        }
        // Every element gets a frame, so ends match starts even if a handler pushed nothing.
        stack.append(pushedThisEvent.isEmpty ? [Eater.attached(to: parent, walker: self)] : pushedThisEvent)
        pushedThisEvent = []
        checkAttributes(attributes, element: tag.localName, namespace: tag.namespaceURI)
        elementObserver?.elementStarted(local: tag.localName, namespace: tag.namespaceURI, attributes: attributes)
    }

    func endElement(localName: String, prefix: String?, namespaceURI: String?, at position: XMLPosition) {
        guard !stopped, stack.count > 1 else { return }
        self.position = position
        for handler in stack[stack.count - 1] { handler.end() }
        stack.removeLast()
        elementObserver?.elementEnded()
    }

    func characters(_ text: String, at position: XMLPosition) {
        guard !stopped else { return }
        self.position = position
        for handler in stack[stack.count - 1] { handler.characters(text) }
    }

    func undefinedEntity(named name: String, at position: XMLPosition) {
        guard !stopped else { return }
        self.position = position
        if hasValidDoctype && HTMLEntityNames.contains(name) { return }
        log(.undefinedNamedEntity, "&\(name); is not defined in XML; write the character itself or a numeric reference such as &#160;")
    }

    func parseProblem(_ diagnostic: XMLDiagnostic, code: Int) {
        guard diagnostic.severity == .error, !stopped else { return }
        // expat, which the W3C service uses, stops at the first well-formedness error, namespace errors
        // (an undeclared prefix) included; libxml2 goes on after those, so the walker stops itself.
        stopped = true
        position = XMLPosition(line: diagnostic.line, column: diagnostic.column)
        log(.saxError, "XML parsing error: \(diagnostic.message)")
    }

    // MARK: - Checks the dispatcher itself makes

    /// A namespace declaration: checks the prefix against the conventional one (`ReservedPrefix`,
    /// `NonstdPrefix`), and an unknown namespace (`UnknownNamespace`).
    private func declareNamespace(prefix declared: String?, uri: String, on handler: ElementHandler) {
        let prefix = declared ?? ""
        handler.namespaces[prefix] = uri
        if uri.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).count > 1 {
            log(.saxError, "invalid namespace \"\(uri)\": a namespace name cannot contain spaces")
        }
        let knownPrefixes = Set(Vocabulary.namespaces.map(\.prefix))
        if knownPrefixes.contains(prefix) {
            if Vocabulary.prefixByURI[uri] != prefix && !prefix.isEmpty {
                let preferred = Vocabulary.preferredURIByPrefix[prefix] ?? ""
                if uri == "http://search.yahoo.com/mrss" {
                    log(.mediaRssNamespace, "the Media RSS namespace is \(preferred), with a final slash")
                } else {
                    log(.reservedPrefix, "the prefix \(prefix) is conventionally bound to \(preferred), not \(uri)")
                }
            } else if prefix == "wiki" && uri.contains("usemod") {
                log(.obsoleteWikiNamespace, "\(uri) is the obsolete wiki namespace; use \(Vocabulary.preferredURIByPrefix["wiki"] ?? "")")
            } else if prefix == "atom" || prefix == "xhtml", feedKind == .atom {
                log(.avoidNamespacePrefix, "avoid the prefix \(prefix): some readers only understand the default namespace")
            }
        } else if let conventional = Vocabulary.prefixByURI[uri] {
            // A non-standard prefix alone is only information for the service (NonstdPrefix): not reported.
            if !prefix.isEmpty {
                if conventional == "atom" || conventional == "xhtml", feedKind == .atom || feedKind == .unknown {
                    log(.avoidNamespacePrefix, "avoid the prefix \(prefix): some readers only understand the default namespace")
                }
            }
        } else if uri == "http://search.yahoo.com/mrss" {
            log(.mediaRssNamespace, "the Media RSS namespace is http://search.yahoo.com/mrss/, with a final slash")
        } else if uri.isEmpty || isValidNamespaceName(uri, prefix: prefix, on: handler) {
            // A namespace the service knows but does not check is only information (UnsupportedNamespace).
            if Vocabulary.unsupported[uri] == nil {
                log(.unknownNamespace, "unknown namespace \(uri): its elements are not checked")
            }
        }
    }

    /// Checks a namespace name as an IRI with the value rule elements use, so it draws the same findings
    /// (`InvalidIRI`, `InvalidURN` for a malformed `urn:`...); true when it passed.
    private func isValidNamespaceName(_ uri: String, prefix: String, on handler: ElementHandler) -> Bool {
        let rule = IRIValue()
        rule.attach(name: prefix.isEmpty ? "xmlns" : "xmlns:\(prefix)", attributes: AttributeList(), parent: handler, walker: self)
        rule.value = uri
        rule.validate()
        return rule.isValid
    }

    /// Attributes no handler of the new element expects: `UnexpectedAttribute`, or `UseOfExtensionAttr`
    /// for an extension attribute on an RSS 2.0 element.
    private func checkAttributes(_ attributes: AttributeList, element: String, namespace: String?) {
        guard !attributes.isEmpty else { return }
        var unexpected = attributes.names.filter { !AttributeName.standard.contains($0) }
        for handler in stack[stack.count - 1] {
            if let expected = handler.expectedAttributes, !expected.isEmpty {
                unexpected.removeAll { expected.contains($0) }
            }
        }
        for name in unexpected {
            if let space = name.namespace, Vocabulary.knownPrefix(of: space) == nil {
                if namespace == nil, feedKind == .rss2 {
                    log(.useOfExtensionAttr, "the extension attribute \(name) on the RSS element \(element) may be ignored by readers")
                }
                continue
            }
            log(.unexpectedAttribute, "Unexpected \(name) attribute on \(element) element")
        }
    }
}

/// Told of every element of the document after its handlers, in document order.
protocol ElementObserver: AnyObject {
    /// An element started; the walker's position is its start tag.
    func elementStarted(local: String, namespace: String?, attributes: AttributeList)
    /// The innermost open element ended; the walker's position is its end tag.
    func elementEnded()
}

/// Checks that span the whole document and that a part of it (a batch of entries between the document's
/// head and tail, checked on its own) cannot settle: each value is recorded with where it was met, and the
/// caller compares them across parts.
final class DeferredChecks {
    /// A value that must be unique in the document, and where it was met.
    struct Seen: Sendable {
        var kind: String
        var value: String
        var rule: Rule
        var message: String
        var position: XMLPosition
        /// How many findings of the part came before it, so a duplicate found across parts takes the place
        /// it has when the document is validated whole.
        var findingsBefore: Int
    }

    private(set) var seen: [Seen] = []

    func record(_ item: Seen) { seen.append(item) }
}
