internal import CLibXML2

extension XMLDocument {
    /// A new document with no root element, to assemble copies of nodes read elsewhere (a feed's head and a
    /// slice of its entries, validated without the rest of the feed in memory).
    public static func empty() -> XMLDocument? {
        LibXML.ensureInitialized()
        guard let pointer = xmlNewDoc("1.0") else { return nil }
        return XMLDocument(pointer: pointer, isHTML: false, diagnostics: [])
    }

    /// Copies a node from any document into this one, as the last child of `parent` or, with no parent, as
    /// the root element (replacing any root).
    ///
    /// Namespaces the copy uses are declared on it when `parent` does not declare them, so the copy means the
    /// same as the original. Line numbers of the copy are not reliable past line 65,535: use the original's.
    /// - Parameters:
    ///   - node: the node to copy; it may belong to a document being streamed.
    ///   - deep: true to copy its whole subtree, false for the node with its attributes and namespaces only.
    /// - Returns: the copy, owned by this document; nil when libxml2 is out of memory.
    @discardableResult
    public func appendCopy(of node: XMLNode, to parent: XMLNode?, deep: Bool) -> XMLNode? {
        // xmlDocCopyNode: 1 copies the subtree, 2 the node with its properties and namespaces.
        guard let copy = xmlDocCopyNode(node.pointer, pointer, deep ? 1 : 2) else { return nil }
        if let parent {
            // A text node may be merged into a text node before it, which frees the copy: use what it returns.
            guard let added = xmlAddChild(parent.pointer, copy) else {
                xmlFreeNode(copy)
                return nil
            }
            return XMLNode(pointer: added, document: self)
        }
        if let old = xmlDocSetRootElement(pointer, copy) {
            xmlFreeNode(old)
        }
        return XMLNode(pointer: copy, document: self)
    }
}
