/// The RDF/XML grammar (W3C "RDF/XML Syntax Specification (Revised)", section 7) over a whole RSS 1.0 or 1.1
/// document: node elements (resources) and property elements alternate, each kind takes only its own `rdf:`
/// attributes, and a property has at most one value. RSS 1.0 documents must be RDF (RSS 1.0 section 5), and the
/// W3C service reads them a second time with an RDF/XML parser, reporting what it rejects as `InvalidRDF`;
/// this follows the same reading, element by element, beside the handlers.
///
/// Like that parser, it stops at an `rdf:` attribute that has no place on a property element unless another
/// attribute came before it: the rest of the document then goes unchecked.
final class RDFXMLGrammar: ElementObserver {
    /// What an element is in the grammar, which decides what its children are.
    private enum Role {
        /// `rdf:RDF`: its children are top-level node elements.
        case root
        /// A resource (production nodeElement): its children are property elements.
        case node
        /// A property (production propertyElt): its children are node elements, unless `rdf:parseType`
        /// says otherwise.
        case property
        /// A member of `rdf:parseType="Collection"`: a node element that may have siblings.
        case collectionMember
        /// Content of `rdf:parseType="Literal"`: XML taken as it is.
        case literal
    }

    private struct Open {
        var name: String
        var role: Role
        /// The role of this element's children.
        var childRole: Role
        /// For a property: whether it has its value already (`rdf:resource`, property attributes, a node
        /// element child...).
        var hasValue = false
    }

    private unowned(unsafe) let walker: ValidationWalker
    private var open: [Open] = []
    /// `rdf:ID`s used so far, against their base (section 7.2.21: each once per base).
    private var identifiers: Set<String> = []
    /// Set when the reading stopped, as the service's RDF parser does at some errors.
    private var stopped = false
    /// The document element, which the grammar was started for, is announced once more after its handler.
    private var documentElementPending = true

    private static let rdf = Vocabulary.rdf
    /// Section 7.2.2 coreSyntaxTerms, and the terms removed from RDF (section 7.2.6).
    private static let coreSyntaxTerms: Set<String> = ["RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype"]
    private static let oldTerms: Set<String> = ["aboutEach", "aboutEachPrefix", "bagID"]
    private static let nodeElementExceptions = coreSyntaxTerms.union(oldTerms).union(["li"])
    private static let propertyElementExceptions = coreSyntaxTerms.union(oldTerms).union(["Description"])
    private static let propertyAttributeExceptions = coreSyntaxTerms.union(oldTerms).union(["Description", "li"])
    /// Unprefixed attributes RDF/XML reads as if they were in the RDF namespace (section 6.1.4).
    private static let unqualified: Set<String> = ["about", "ID", "type", "resource", "parseType"]

    /// Starts the grammar at the document element.
    /// - Parameter rootIsRDF: true for `rdf:RDF`; false for a document element that is itself a resource
    ///   (RSS 1.1's `Channel`), whose attributes are checked at once.
    init(walker: ValidationWalker, rootIsRDF: Bool, rootAttributes: AttributeList, rootName: String) {
        self.walker = walker
        if rootIsRDF {
            open = [Open(name: rootName, role: .root, childRole: .node)]
        } else {
            open = [Open(name: rootName, role: .node, childRole: .property)]
            checkNodeElement(local: rootName, inRDF: false, attributes: rootAttributes)
        }
    }

    func elementStarted(local: String, namespace: String?, attributes: AttributeList) {
        if documentElementPending {
            documentElementPending = false
            return
        }
        guard !stopped, let parent = open.last else { return }
        let inRDF = namespace == Self.rdf
        switch parent.childRole {
        case .root, .node:
            checkNodeElement(local: local, inRDF: inRDF, attributes: attributes)
            open.append(Open(name: local, role: .node, childRole: .property))
        case .collectionMember:
            checkNodeElement(local: local, inRDF: inRDF, attributes: attributes)
            open.append(Open(name: local, role: .collectionMember, childRole: .property))
        case .property:
            open.append(propertyElement(local: local, inRDF: inRDF, attributes: attributes))
        case .literal:
            open.append(Open(name: local, role: .literal, childRole: .literal))
        }
    }

    func elementEnded() {
        guard !stopped, let ended = open.popLast() else { return }
        guard ended.role == .node, !open.isEmpty else { return }
        let parent = open.count - 1
        // Section 7.2.15: a property element holds one node element at most; rdf:RDF's own children are free.
        if open[parent].role == .property {
            if open[parent].hasValue {
                log("\(ended.name) is a second value of the property \(open[parent].name), which RDF does not allow")
            }
            open[parent].hasValue = true
        }
    }

    // MARK: - Productions

    /// Section 7.2.11 nodeElement: any name but the RDF syntax terms; `rdf:about`, `rdf:ID` or `rdf:nodeID`
    /// (one of them), and property attributes.
    private func checkNodeElement(local: String, inRDF: Bool, attributes: AttributeList) {
        if inRDF, Self.nodeElementExceptions.contains(local) {
            log("rdf:\(local) cannot describe a resource (RDF/XML section 7.2.11)")
        }
        let about = rdfAttribute("about", in: attributes)
        let id = rdfAttribute("ID", in: attributes)
        let nodeID = rdfAttribute("nodeID", in: attributes)
        if [about, id, nodeID].compactMap({ $0 }).count > 1 {
            log("\(local) has more than one of rdf:ID, rdf:about and rdf:nodeID; a resource has one name")
        }
        if let id {
            checkIdentifier(id, unique: true)
        } else if let nodeID, !Self.isNCName(nodeID) {
            log("rdf:nodeID \"\(nodeID.prefix(60))\" is not an XML name")
        }
        for attribute in Self.attributes(of: attributes) {
            guard let term = attribute.rdfTerm, !["about", "ID", "nodeID"].contains(term),
                Self.propertyAttributeExceptions.contains(term)
            else { continue }
            log("rdf:\(term) has no place on \(local), which describes a resource (RDF/XML section 7.2.11)")
        }
    }

    /// Section 7.2.14 propertyElt and the productions after it: the value is a resource (`rdf:resource`,
    /// `rdf:nodeID`, a node element child), a literal (text, `rdf:datatype`, `rdf:parseType="Literal"`), a
    /// blank node (`rdf:parseType="Resource"`, property attributes) or a collection.
    private func propertyElement(local: String, inRDF: Bool, attributes: AttributeList) -> Open {
        if inRDF, Self.propertyElementExceptions.contains(local) {
            log("rdf:\(local) cannot be a property (RDF/XML section 7.2.14)")
        }
        var element = Open(name: local, role: .property, childRole: .node)
        if let id = rdfAttribute("ID", in: attributes) { checkIdentifier(id, unique: false) }
        let resource = rdfAttribute("resource", in: attributes)
        let nodeID = rdfAttribute("nodeID", in: attributes)
        let parseType = rdfAttribute("parseType", in: attributes)
        if resource != nil && nodeID != nil {
            log("\(local) has both rdf:resource and rdf:nodeID; a property has one value")
        }
        if resource != nil || nodeID != nil {
            if let nodeID, resource == nil, !Self.isNCName(nodeID) {
                log("rdf:nodeID \"\(nodeID.prefix(60))\" is not an XML name")
            }
            element.hasValue = true
        } else if let parseType {
            // Sections 7.2.17-7.2.19: only rdf:ID may come with rdf:parseType.
            for attribute in Self.attributes(of: attributes) where attribute.rdfTerm != "parseType" && attribute.rdfTerm != "ID" {
                log("\(attribute.shown) cannot be used on \(local) together with rdf:parseType")
            }
            element.hasValue = true
            switch parseType {
            case "Resource": element.childRole = .property
            case "Collection": element.childRole = .collectionMember
            default: element.childRole = .literal
            }
            return element
        }
        guard rdfAttribute("datatype", in: attributes) == nil else { return element }
        // Property attributes (section 7.2.25) make the value a blank node holding them.
        var tookAnAttribute = false
        for attribute in Self.attributes(of: attributes) {
            if let term = attribute.rdfTerm {
                if term == "ID" || term == "resource" || term == "nodeID" { continue }
            }
            if let term = attribute.rdfTerm, Self.propertyAttributeExceptions.contains(term) {
                log("rdf:\(term) has no place on \(local), which is a property (RDF/XML section 7.2.14)")
                if !tookAnAttribute {
                    // The service's RDF parser gives up on the document here.
                    stopped = true
                    return element
                }
            }
            tookAnAttribute = true
            element.hasValue = true
        }
        return element
    }

    // MARK: - Helpers

    /// The value of `rdf:local`, or of the unprefixed attribute RDF/XML reads as it.
    private func rdfAttribute(_ local: String, in attributes: AttributeList) -> String? {
        attributes[.rdf(local)] ?? (Self.unqualified.contains(local) ? attributes[local] : nil)
    }

    /// An attribute as the grammar reads it.
    private struct Attribute {
        /// The local name of an RDF attribute (or of an unprefixed one read as RDF), nil for any other.
        var rdfTerm: String?
        /// The name as messages show it.
        var shown: String
    }

    /// Every attribute but the `xml:` ones, in document order.
    private static func attributes(of attributes: AttributeList) -> [Attribute] {
        attributes.items.compactMap { item in
            let name = item.name
            if name.namespace == Vocabulary.xml { return nil }
            if name.namespace == rdf || (name.namespace == nil && unqualified.contains(name.local)) {
                return Attribute(rdfTerm: name.local, shown: "rdf:\(name.local)")
            }
            return Attribute(rdfTerm: nil, shown: name.description)
        }
    }

    /// Section 7.2.21: an `rdf:ID` is an XML name; one naming a resource is used once per base URI.
    private func checkIdentifier(_ id: String, unique: Bool) {
        if !Self.isNCName(id) {
            log("rdf:ID \"\(id.prefix(60))\" is not an XML name")
        }
        guard unique else { return }
        let base = walker.current.xmlBase
        if !identifiers.insert(base + "#" + id).inserted {
            log("rdf:ID \"\(id.prefix(60))\" names two resources")
        }
    }

    /// An XML name without a colon (Namespaces in XML, NCName), as the service's RDF parser judges it.
    static func isNCName(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return false }
        func isStart(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .lowercaseLetter, .uppercaseLetter, .otherLetter, .titlecaseLetter, .letterNumber: true
            default: scalar == "_"
            }
        }
        guard isStart(first) else { return false }
        while let scalar = scalars.next() {
            if isStart(scalar) { continue }
            switch scalar.properties.generalCategory {
            case .spacingMark, .enclosingMark, .nonspacingMark, .modifierLetter, .decimalNumber: continue
            default: break
            }
            if !["\u{B7}", "\u{387}", "-", ".", "_", "%", "(", ")"].contains(scalar) { return false }
        }
        return true
    }

    private func log(_ message: String) {
        walker.log(.invalidRDF, message)
    }
}
