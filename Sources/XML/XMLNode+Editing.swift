internal import CLibXML2

extension XMLNode {
    /// Unlinks this node (and its subtree) from the document and frees it. Do not use the node afterwards.
    public func remove() {
        xmlUnlinkNode(pointer)
        xmlFreeNode(pointer)
    }

    /// Replaces this element by its children (keeps the text of a `<font>`, drops the tag).
    public func unwrap() {
        var child = pointer.pointee.children
        while let current = child {
            child = current.pointee.next
            xmlUnlinkNode(current)
            xmlAddPrevSibling(pointer, current)
        }
        remove()
    }

    /// Sets an attribute in no namespace, replacing any existing value.
    public func setAttribute(_ name: String, _ value: String) {
        xmlSetProp(pointer, name, XMLCharacters.cleaned(value))
    }

    /// Removes an attribute in no namespace, if present.
    public func removeAttribute(_ name: String) {
        if let attribute = xmlHasProp(pointer, name) {
            xmlRemoveProp(attribute)
        }
    }

    /// Replaces the content of a text node (or all children of an element) with plain text.
    public func setText(_ text: String) {
        let cleaned = XMLCharacters.cleaned(text)
        if kind == .element {
            guard let escaped = xmlEncodeSpecialChars(pointer.pointee.doc, cleaned) else { return }
            defer { LibXML.release(escaped) }
            xmlNodeSetContent(pointer, escaped)
        } else {
            xmlNodeSetContent(pointer, nil)
            xmlNodeAddContent(pointer, cleaned)
        }
    }

    /// The raw text of a text, CDATA or comment node.
    public var ownText: String {
        pointer.pointee.content.map { String(cString: $0) } ?? ""
    }
}
