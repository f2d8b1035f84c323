internal import CLibXML2
import Platform

/// An HTML fragment parsed by libxml2, walked without making a Swift `String` per node.
///
/// `XMLNode` copies every name, attribute and text into a `String`; a cleaner that visits every node of
/// every article body spends more time on those copies than libxml2 spends parsing. Here names and text are
/// handed out as UTF-8 buffers that point into the parsed tree. They are valid only while the fragment is
/// alive, so use nodes inside `withExtendedLifetime(fragment)` or while holding the fragment.
public final class HTMLFragment {
    private let document: XMLDocument
    /// The `div` that wraps the fragment's top-level nodes.
    public let wrapper: HTMLNode

    /// The first of the nodes libxml2 put after the wrapper, when the fragment closed it early (a stray
    /// `</div>`): they are part of the fragment too, after the wrapper's children.
    public var trailing: HTMLNode? { wrapper.nextSibling }

    private init(document: XMLDocument, wrapper: HTMLNode) {
        self.document = document
        self.wrapper = wrapper
    }

    /// Parses a fragment exactly as `XMLDocument.htmlFragment` does (same wrapper markup, same options).
    /// - Returns: the fragment, or nil when libxml2 produced no document or no wrapper element.
    public static func parse(_ html: String) -> HTMLFragment? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(html.utf8.count + prefix.utf8.count + suffix.utf8.count)
        bytes.append(contentsOf: prefix.utf8)
        // Through the contiguous UTF-8 storage: appending the `utf8` view copied byte by byte.
        var html = html
        html.withUTF8 { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: suffix.utf8)
        guard let document = try? XMLDocument(html: bytes),
            let root = xmlDocGetRootElement(document.pointer),
            let body = firstDescendant(of: root, named: "body"),
            let wrapper = firstElementChild(of: body)
        else { return nil }
        return HTMLFragment(document: document, wrapper: HTMLNode(pointer: wrapper))
    }

    // The same wrapping as `XMLDocument.htmlFragment`: the meta element and the div decide how libxml2 reads
    // what comes between them, so they must not differ.
    private static let prefix = "<html><head><meta charset=\"utf-8\"></head><body><div>"
    private static let suffix = "</div></body></html>"

    private static func firstElementChild(of node: xmlNodePtr) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child, current.pointee.type != XML_ELEMENT_NODE { child = current.pointee.next }
        return child
    }

    private static func firstDescendant(of node: xmlNodePtr, named name: String) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                if let own = current.pointee.name, String(cString: own) == name { return current }
                if let found = firstDescendant(of: current, named: name) { return found }
            }
            child = current.pointee.next
        }
        return nil
    }
}

/// A node of an `HTMLFragment`; valid only while its fragment is alive.
public struct HTMLNode {
    let pointer: xmlNodePtr

    /// The node's kind.
    public var kind: XMLNode.Kind { XMLNode.Kind(pointer.pointee.type) }

    /// The first child node, if any.
    public var firstChild: HTMLNode? {
        pointer.pointee.children.map(HTMLNode.init(pointer:))
    }

    /// The next sibling, if any.
    public var nextSibling: HTMLNode? {
        pointer.pointee.next.map(HTMLNode.init(pointer:))
    }

    /// The first attribute of an element, if any.
    public var firstAttribute: HTMLAttributeNode? {
        guard pointer.pointee.type == XML_ELEMENT_NODE else { return nil }
        return pointer.pointee.properties.map(HTMLAttributeNode.init(pointer:))
    }

    /// The name's UTF-8 bytes (lower case for HTML elements), up to its first NUL like `XMLNode.name`.
    public var name: UnsafeBufferPointer<UInt8> {
        HTMLNode.buffer(pointer.pointee.name)
    }

    /// A text or CDATA node's content as UTF-8 bytes (what `XMLNode.ownText` reads); empty for other kinds.
    public var text: UnsafeBufferPointer<UInt8> {
        switch pointer.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: HTMLNode.buffer(pointer.pointee.content)
        default: UnsafeBufferPointer(start: nil, count: 0)
        }
    }

    static func buffer(_ string: UnsafePointer<xmlChar>?) -> UnsafeBufferPointer<UInt8> {
        guard let string else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: string, count: CMemory.length(of: string))
    }
}

/// An attribute of an `HTMLNode`; valid only while its fragment is alive.
public struct HTMLAttributeNode {
    let pointer: xmlAttrPtr

    /// The next attribute of the same element, if any.
    public var next: HTMLAttributeNode? {
        pointer.pointee.next.map(HTMLAttributeNode.init(pointer:))
    }

    /// The local name's UTF-8 bytes.
    public var name: UnsafeBufferPointer<UInt8> {
        HTMLNode.buffer(pointer.pointee.name)
    }

    /// Calls `body` with the value's UTF-8 bytes, entities resolved, as `XMLAttribute.value` has it.
    ///
    /// The HTML parser stores a value as one text child, read in place; any other shape (no child, several)
    /// goes through `xmlNodeGetContent`, the call `XMLNode.attributes` makes, so both agree byte for byte.
    public func withValue<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let child = pointer.pointee.children, child.pointee.next == nil,
            child.pointee.type == XML_TEXT_NODE || child.pointee.type == XML_CDATA_SECTION_NODE,
            let content = child.pointee.content
        {
            return body(HTMLNode.buffer(content))
        }
        let node = UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: xmlNode.self)
        guard let copy = xmlNodeGetContent(node) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        defer { LibXML.release(copy) }
        return body(HTMLNode.buffer(copy))
    }
}
