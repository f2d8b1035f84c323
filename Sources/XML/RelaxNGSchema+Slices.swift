internal import CLibXML2

extension RelaxNGSchema {
    /// Whether a document matches the grammar, checking a long run of repeated elements a slice at a time.
    ///
    /// libxml2's RELAX NG validator keeps a list of states that grows with the number of repeated children
    /// (`entry*` after Atom's interleave, `item*` inside RSS's) and compares each new state with all of them,
    /// so one document of N entries costs N²: 50,000 Atom entries took 9 s against 0.65 s for 10,000. Here the
    /// repeated elements are taken out of the tree and put back `sliceSize` at a time, each time validating the
    /// document with every other child plus that slice; the tree is restored exactly before returning.
    ///
    /// This answers the same question only for grammars where the repeated element matches one pattern that
    /// no other child of `parent` can match, standing either in an interleave with the other children or
    /// after all of them: then the document is valid exactly when every slice's document is. The caller
    /// vouches for that. Use `validate(_:)` for the messages when this returns false.
    /// - Parameters:
    ///   - name: the local name of the repeated element.
    ///   - namespaceURI: its namespace, nil for none.
    ///   - parent: the element holding them (Atom's `feed`, RSS's `channel`).
    /// - Returns: true when the document is valid.
    public func isValid(
        _ document: XMLDocument, repeating name: String, namespaceURI: String?, in parent: XMLNode,
        sliceSize: Int = 1000
    ) -> Bool {
        var repeated: [xmlNodePtr] = []
        // The nearest earlier sibling that is not a repeated element (it stays in the tree): where each one
        // goes back. Nil means before every other child.
        var anchors: [xmlNodePtr?] = []
        var anchor: xmlNodePtr?
        var child = parent.pointer.pointee.children
        while let node = child {
            if Self.matches(node, name: name, namespaceURI: namespaceURI) {
                repeated.append(node)
                anchors.append(anchor)
            } else {
                anchor = node
            }
            child = node.pointee.next
        }
        guard repeated.count > sliceSize, sliceSize > 0 else { return validate(document).isEmpty }

        for node in repeated { xmlUnlinkNode(node) }
        defer { Self.link(repeated, anchors: anchors, indices: repeated.indices, into: parent.pointer) }
        var start = 0
        while start < repeated.count {
            let slice = start..<min(repeated.count, start + sliceSize)
            Self.link(repeated, anchors: anchors, indices: slice, into: parent.pointer)
            let valid = validate(document).isEmpty
            for index in slice { xmlUnlinkNode(repeated[index]) }
            guard valid else { return false }
            start = slice.upperBound
        }
        return true
    }

    private static func matches(_ node: xmlNodePtr, name: String, namespaceURI: String?) -> Bool {
        guard node.pointee.type == XML_ELEMENT_NODE, let nodeName = node.pointee.name,
            String(cString: nodeName) == name
        else { return false }
        let href = node.pointee.ns?.pointee.href.map { String(cString: $0) }
        return href == namespaceURI
    }

    /// Puts the repeated elements at `indices` (ascending) back where they were, relative to their anchors.
    private static func link(_ nodes: [xmlNodePtr], anchors: [xmlNodePtr?], indices: Range<Int>, into parent: xmlNodePtr) {
        var previousIndex: Int?
        for index in indices {
            let node = nodes[index]
            if let previous = previousIndex, anchors[previous] == anchors[index] {
                // Same anchor: only repeated elements lay between them, so it follows the one just linked.
                xmlAddNextSibling(nodes[previous], node)
            } else if let anchor = anchors[index] {
                xmlAddNextSibling(anchor, node)
            } else if let first = parent.pointee.children {
                xmlAddPrevSibling(first, node)
            } else {
                xmlAddChild(parent, node)
            }
            previousIndex = index
        }
    }
}
