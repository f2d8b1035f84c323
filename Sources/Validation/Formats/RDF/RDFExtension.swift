/// An element of a namespace the validator does not know, in an RSS 1.0 or 1.1 document. RSS 1.0 modules
/// are RDF (RSS 1.0 section 5.8: "modules ... must be RDF"), so such an element is checked as RDF/XML
/// (RDF/XML syntax specification): no text mixed with elements unless `rdf:parseType="Literal"`, each
/// `rdf:about` once, and no RSS 1.1 vocabulary outside its places.
final class RDFExtension: ElementHandler {
    /// The element's namespace.
    let namespace: String?
    /// Inside `rdf:parseType="Literal"` the content is XML taken as is, not RDF.
    private(set) var literal: Bool

    init(namespace: String?, literal: Bool = false) {
        self.namespace = namespace
        self.literal = literal
    }

    override var expectedAttributes: [AttributeName]? {
        // RSS 1.1's own attributes have no place on another vocabulary's element.
        if literal || attributes.isEmpty { return attributes.names }
        return attributes.names.filter { $0.namespace != Vocabulary.rss11 }
    }

    override func prevalidate() {
        if attributes[.rdf("parseType")] == "Literal" { literal = true }
        guard !literal else { return }
        if namespace == Vocabulary.rss11 {
            log(.undefinedElement, "Undefined \(parentName) element: \(name) (RSS 1.1 does not define it here)")
        }
        if let about = attributes[.rdf("about")], !recordRDFAbout(about) {
            log(.duplicateValue, "rdf:about \"\(about.prefix(80))\" names another resource of this document too")
        }
    }

    override func textOK() {}

    override func characters(_ text: String) {
        if !literal { super.characters(text) }
    }

    override func startChild(local: String, namespace: String?, prefix: String?, attributes: AttributeList) {
        if prefix != nil && namespace == nil {
            log(.missingNamespace, "\(prefix!):\(local) in \(name) uses a namespace prefix that is not declared")
        }
        for item in attributes.items where item.prefix != nil && item.name.namespace == nil {
            log(.missingNamespace, "attribute \(item.prefix!):\(item.name.local) on \(local) uses an undeclared prefix")
        }
        walker.push([RDFExtension(namespace: namespace, literal: literal)], name: local, attributes: attributes, parent: self)
        children.append(local)
    }

    override func validate() {
        // RDF/XML syntax section 7.2.16: an element holds either text or property elements, not both.
        if !value.isEmpty, !children.isEmpty, !literal {
            log(.invalidRDF, "\(name) mixes text and elements, which RDF allows only with rdf:parseType=\"Literal\"")
        }
    }
}
