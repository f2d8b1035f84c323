import FeedModel
import XML

/// Why a document is not a feed Crier knows.
struct UnknownFormatReason: Error {
    var message: String
}

/// Recognises the format from the content alone, never from a file name or a Content-Type header.
enum FormatDetection {
    /// True when the first significant byte is `{`: JSON Feed, not XML.
    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == UInt8(ascii: "{")
    }

    /// RSS 2.0 (`<rss version="2.0">`, no namespace) or Atom 1.0 (`<feed>` in the Atom namespace).
    static func format(of document: XMLDocument) -> Result<FeedFormat, UnknownFormatReason> {
        guard let root = document.root else {
            return .failure(UnknownFormatReason(message: "the document has no root element"))
        }
        return format(of: root)
    }

    /// The format a root element stands for; only its name, namespace and attributes are read.
    static func format(of root: XMLNode) -> Result<FeedFormat, UnknownFormatReason> {
        switch (root.name, root.namespaceURI) {
        case ("rss", nil):
            let version = root.attribute("version") ?? ""
            if version == "2.0" { return .success(.rss) }
            return .failure(UnknownFormatReason(message: version.isEmpty
                ? "<rss> has no version attribute; expected version=\"2.0\""
                : "RSS version \"\(version.prefix(20))\" is not supported; expected version=\"2.0\""))
        case ("feed", AtomRules.namespace):
            return .success(.atom)
        case ("feed", let namespace):
            return .failure(UnknownFormatReason(message: "<feed> is in namespace \(namespace.map { "\"\($0)\"" } ?? "none"); "
                + "Atom 1.0 requires xmlns=\"\(AtomRules.namespace)\""))
        case ("RDF", _):
            return .failure(UnknownFormatReason(message: "RSS 1.0 (RDF) is not supported; expected RSS 2.0, Atom 1.0 or JSON Feed"))
        default:
            return .failure(UnknownFormatReason(message: "root element <\(root.qualifiedName)> is not <rss version=\"2.0\"> "
                + "or an Atom <feed>; expected RSS 2.0, Atom 1.0 or JSON Feed"))
        }
    }
}
