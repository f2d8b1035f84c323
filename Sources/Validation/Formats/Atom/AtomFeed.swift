/// `<feed>` of Atom 1.0 (RFC 4287 section 4.1.1). (Placeholder: the Atom family fills this in.)
final class AtomFeed: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? { [Eater()] }
}

/// `<entry>` of Atom 1.0 (RFC 4287 section 4.1.2), in a feed or as an entry document. (Placeholder.)
final class AtomEntry: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? { [Eater()] }
}

/// An XHTML `div` holding text content. (Placeholder.)
final class XHTMLDivEater: Eater {}
