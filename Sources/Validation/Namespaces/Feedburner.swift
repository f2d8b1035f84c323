/// FeedBurner's namespace (`http://rssnamespace.org/feedburner/ext/1.0`): what the FeedBurner proxy adds to a
/// feed it serves: the original links of items it rewrote, its FeedFlare links, its e-mail service id.
enum Feedburner {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        let scope = element.scope
        if scope.contains(.item) {
            switch element.local {
            case "awareness", "origEnclosureLink", "origLink": return [FullURI(), NoDuplicates()]
            default: return nil
            }
        }
        guard scope.contains(.channel) else { return nil }
        switch element.local {
        case "awareness", "feedburnerHostname": return [FullURI(), NoDuplicates()]
        case "browserFriendly": return [NonHTML(), NoDuplicates()]
        case "emailServiceId": return [NoDuplicates()]
        case "feedFlare": return [FeedFlare()]
        case "info": return [FeedburnerInfo()]
        default: return nil
        }
    }

    /// `scheme:` then URI characters, as an absolute URI starts (RFC 3986 section 3): the service's test of
    /// FeedFlare links in RSS, where relative references have no base readers agree on.
    static func isAbsoluteURI(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, first.isASCII, first.properties.isAlphabetic else { return false }
        var index = 1
        while index < scalars.count, isSchemeCharacter(scalars[index]) { index += 1 }
        guard index < scalars.count, scalars[index] == ":" else { return false }
        index += 1
        if index + 1 < scalars.count, scalars[index] == "/", scalars[index + 1] == "/" { index += 2 }
        guard index < scalars.count else { return false }
        return scalars[index...].allSatisfy(isURICharacter)
    }

    private static func isSchemeCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "+-.".unicodeScalars.contains(scalar))
    }

    private static func isURICharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || ";/?:@&=+$.-_!~*'()%,#".unicodeScalars.contains(scalar))
    }
}

/// `<feedburner:feedFlare href="…" src="…">text</feedburner:feedFlare>`: a FeedFlare link and its icon.
final class FeedFlare: NonHTML {
    override var expectedAttributes: [AttributeName]? { [AttributeName("href"), AttributeName("src")] }

    override func prevalidate() {
        super.prevalidate()
        validateRequiredAttribute("href", with: FlareLink())
        validateRequiredAttribute("src", with: FlareLink())
    }
}

/// A FeedFlare URL: an IRI in Atom, where `xml:base` gives relative ones a base; absolute in RSS
/// (`ContainsRelRef` otherwise).
final class FlareLink: IRIValue {
    override func validate() {
        if feedKind == .atom || feedKind == .atomEntry {
            super.validate()
        } else if !Feedburner.isAbsoluteURI(value) {
            log(.containsRelRef, "\(name) of \(parentName) is a relative reference, which RSS gives no base: \"\(value.prefix(80))\"")
        }
    }
}

/// `<feedburner:info uri="…"/>`: the feed's FeedBurner name.
final class FeedburnerInfo: ElementHandler {
    override var expectedAttributes: [AttributeName]? { [AttributeName("uri")] }

    override func prevalidate() {
        validateRequiredAttribute("uri", with: IRIValue())
    }
}
