internal import CLibXML2

/// A node of a parsed document. It keeps its document alive; it is not thread-safe, like the document.
public struct XMLNode {
    /// What kind of node this is.
    public enum Kind: Sendable, Hashable {
        case element, text, cdata, comment, other
    }

    let pointer: xmlNodePtr
    /// The document the node belongs to.
    public let document: XMLDocument

    init(pointer: xmlNodePtr, document: XMLDocument) {
        self.pointer = pointer
        self.document = document
    }

    /// The node's kind.
    public var kind: Kind { Kind(pointer.pointee.type) }

    /// The local name (`link` for `atom:link`); lower case for HTML elements.
    public var name: String {
        pointer.pointee.name.map { String(cString: $0) } ?? ""
    }

    /// The namespace URI, or nil when the node is in no namespace.
    public var namespaceURI: String? {
        pointer.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    /// The prefix as written, such as `atom` for `atom:link`.
    public var prefix: String? {
        pointer.pointee.ns?.pointee.prefix.map { String(cString: $0) }
    }

    /// The name as written, with its prefix.
    public var qualifiedName: String {
        prefix.map { "\($0):\(name)" } ?? name
    }

    /// The 1-based line the node starts on (0 when unknown).
    public var line: Int {
        Int(xmlGetLineNo(pointer))
    }

    /// The parent node, unless this is the document element.
    public var parent: XMLNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLNode(pointer: parent, document: document)
    }

    /// All child nodes in order: elements, text, comments.
    public var children: [XMLNode] {
        var result: [XMLNode] = []
        var child = pointer.pointee.children
        while let current = child {
            result.append(XMLNode(pointer: current, document: document))
            child = current.pointee.next
        }
        return result
    }

    /// The child elements in order.
    public var elementChildren: [XMLNode] {
        children.filter { $0.kind == .element }
    }

    /// Child elements with a local name and, when given, a namespace.
    public func elements(named name: String, namespaceURI: String? = nil) -> [XMLNode] {
        elementChildren.filter { $0.name == name && (namespaceURI == nil || $0.namespaceURI == namespaceURI) }
    }

    /// The first child element with a local name and, when given, a namespace.
    public func element(named name: String, namespaceURI: String? = nil) -> XMLNode? {
        elementChildren.first { $0.name == name && (namespaceURI == nil || $0.namespaceURI == namespaceURI) }
    }

    /// The text of this node and all its descendants, entities resolved.
    public var textContent: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { LibXML.release(content) }
        return String(cString: content)
    }

    /// The attributes in document order.
    public var attributes: [XMLAttribute] {
        var result: [XMLAttribute] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            let name = current.pointee.name.map { String(cString: $0) } ?? ""
            let namespace = current.pointee.ns?.pointee.href.map { String(cString: $0) }
            let value: String
            if let raw = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                value = String(cString: raw)
                LibXML.release(raw)
            } else {
                value = ""
            }
            result.append(XMLAttribute(name: name, namespaceURI: namespace, value: value))
            attribute = current.pointee.next
        }
        return result
    }

    /// The value of an attribute, or nil. With no namespace given, matches an attribute in no namespace.
    public func attribute(_ name: String, namespaceURI: String? = nil) -> String? {
        let raw: UnsafeMutablePointer<xmlChar>?
        if let namespaceURI {
            raw = xmlGetNsProp(pointer, name, namespaceURI)
        } else {
            raw = xmlGetNoNsProp(pointer, name)
        }
        guard let raw else { return nil }
        defer { LibXML.release(raw) }
        return String(cString: raw)
    }

    /// Every descendant element, depth first in document order (not including this node).
    public var descendantElements: [XMLNode] {
        var result: [XMLNode] = []
        func visit(_ node: XMLNode) {
            for child in node.elementChildren {
                result.append(child)
                visit(child)
            }
        }
        visit(self)
        return result
    }

    /// The first descendant element with a local name, depth first.
    public func firstDescendant(named name: String) -> XMLNode? {
        for child in elementChildren {
            if child.name == name { return child }
            if let found = child.firstDescendant(named: name) { return found }
        }
        return nil
    }
}

/// An attribute of an element.
public struct XMLAttribute: Sendable, Hashable {
    /// The local name.
    public var name: String
    /// The namespace URI, if the attribute has a prefix.
    public var namespaceURI: String?
    /// The value with entities resolved.
    public var value: String
}

extension XMLNode.Kind {
    /// The kind of a libxml2 node type.
    init(_ type: xmlElementType) {
        switch type {
        case XML_ELEMENT_NODE: self = .element
        case XML_TEXT_NODE: self = .text
        case XML_CDATA_SECTION_NODE: self = .cdata
        case XML_COMMENT_NODE: self = .comment
        default: self = .other
        }
    }
}
