import Foundation
import XML

/// An attribute's name: its namespace (nil for an unprefixed attribute) and local name.
struct AttributeName: Hashable, Sendable, CustomStringConvertible {
    var namespace: String?
    var local: String

    init(_ local: String) {
        namespace = nil
        self.local = local
    }

    init(_ namespace: String?, _ local: String) {
        self.namespace = namespace
        self.local = local
    }

    static let xmlBase = AttributeName(Vocabulary.xml, "base")
    static let xmlLang = AttributeName(Vocabulary.xml, "lang")
    static let xmlID = AttributeName(Vocabulary.xml, "id")
    static let xmlSpace = AttributeName(Vocabulary.xml, "space")
    /// Attributes every element may carry.
    static let standard: [AttributeName] = [xmlBase, xmlID, xmlLang, xmlSpace]

    static func rdf(_ local: String) -> AttributeName { AttributeName(Vocabulary.rdf, local) }

    /// The name as messages show it: `href`, `xml:lang`, `rdf:about`, or `{namespace}name` for an
    /// attribute of a namespace the validator does not know.
    var description: String {
        guard let namespace else { return local }
        if let prefix = Vocabulary.prefixByURI[namespace] { return "\(prefix):\(local)" }
        return "{\(namespace)}\(local)"
    }
}

/// The attributes of one start tag, in document order.
struct AttributeList: Sendable {
    struct Item: Sendable {
        var name: AttributeName
        /// The prefix as written (for messages about undeclared prefixes).
        var prefix: String?
        var value: String
    }

    private(set) var items: [Item] = []

    init() {}

    init(_ attributes: [XMLEventAttribute]) {
        items = attributes.map { attribute in
            Item(
                name: AttributeName(attribute.namespaceURI, attribute.localName), prefix: attribute.prefix,
                value: Self.decodingAmpersands(attribute.value))
        }
    }

    /// Builds a list from name–value pairs (attributes made up for a check, or in tests).
    init(_ pairs: [(AttributeName, String)]) {
        items = pairs.map { Item(name: $0.0, prefix: nil, value: $0.1) }
    }

    /// libxml2's SAX2 interface, entities not substituted, hands `&amp;` over as `&#38;` so that the value
    /// could be written out again; a feed's attribute means `&`.
    private static func decodingAmpersands(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
        return value.replacingOccurrences(of: "&#38;", with: "&")
    }

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }
    var names: [AttributeName] { items.map(\.name) }

    /// The value of an attribute, nil when it is absent.
    subscript(_ name: AttributeName) -> String? {
        items.first { $0.name == name }?.value
    }

    /// The value of an unprefixed attribute, nil when it is absent.
    subscript(_ local: String) -> String? {
        self[AttributeName(local)]
    }

    func contains(_ name: AttributeName) -> Bool { items.contains { $0.name == name } }
    func contains(_ local: String) -> Bool { contains(AttributeName(local)) }
}
