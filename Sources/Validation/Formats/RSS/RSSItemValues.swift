/// `guid`: a string that identifies the item for good (RSS 2.0, "<guid> sub-element of <item>"). Unless
/// `isPermaLink="false"`, it is also the item's permanent URL (an absolute one), which readers open.
final class RSSGuid: FullURI {
    override var expectedAttributes: [AttributeName]? { [AttributeName("isPermaLink")] }

    override func validate() {
        var isPermaLink = true
        if let flag = attributes["isPermaLink"] {
            // The specification writes the attribute's values in lower case; readers compare them as such.
            if flag != "true" && flag != "false" {
                log(.invalidBooleanAttribute, "guid isPermaLink must be \"true\" or \"false\", not \"\(flag.prefix(40))\"")
            }
            isPermaLink = flag == "true"
        }
        if isPermaLink {
            guard checkURI(rule: .invalidHttpGUID, what: "guid") else { return }
            // A tag: or urn:uuid: identifier is a fine guid but no link a reader can open.
            let lowered = value.lowercased()
            if lowered.hasPrefix("tag:") || lowered.hasPrefix("urn:uuid:") {
                log(.invalidPermalink, "guid \"\(value.prefix(80))\" is not a URL a reader can open; add isPermaLink=\"false\"")
            }
        } else if isShortNumber {
            // A short number (a database row, a counter) is likely to be reused by another feed or after a reset.
            log(.notSufficientlyUnique, "guid \"\(value)\" is a short number that may not stay unique; use a URL or a tag: URI")
        }
    }

    /// One to eight digits.
    private var isShortNumber: Bool {
        let scalars = value.unicodeScalars
        return !scalars.isEmpty && scalars.count < 9
            && scalars.allSatisfy { $0.properties.numericType == .decimal || $0.properties.numericType == .digit }
    }
}

/// `enclosure`: a media file attached to the item (RSS 2.0, "<enclosure> sub-element of <item>"): `url`,
/// `length` in bytes and MIME `type` are all required.
final class RSSEnclosure: ElementHandler {
    override var expectedAttributes: [AttributeName]? {
        [AttributeName("url"), AttributeName("length"), AttributeName("type")]
    }

    override func prevalidate() {
        if let text = attributes["length"] {
            if let length = Int(text) ?? Int(text.trimmedWhitespace) {
                if length == -1 {
                    // RSS Best Practices Profile, "enclosure": write 0 when the size is unknown.
                    log(.useZeroForUnknown, "enclosure length is -1; write 0 when the size is not known")
                } else if length < 0 {
                    log(.invalidNonNegativeInteger, "enclosure length must not be negative")
                }
            } else {
                log(.invalidIntegerAttribute, "enclosure length must be a number of bytes, not \"\(text.prefix(40))\"")
            }
        } else {
            log(.missingAttribute, "enclosure must have a length attribute (0 when the size is not known)")
        }
        if let type = attributes["type"] {
            if !MIMEType.isValid(type) {
                log(.invalidMIMEAttribute, "enclosure type must be a MIME type such as audio/mpeg, not \"\(type.prefix(60))\"")
            }
        } else {
            log(.missingAttribute, "enclosure must have a type attribute (a MIME type such as audio/mpeg)")
        }
        validateRequiredAttribute("url", with: HTTPURL())
        if let url = attributes["url"], let item = parent {
            ITunes.noteEnclosure(url: url, in: item)
        }
    }
}

/// `source`: the feed the item came from, named in the text and linked by `url` (RSS 2.0, "<source>
/// sub-element of <item>").
final class RSSSource: NonHTML {
    override var expectedAttributes: [AttributeName]? { [AttributeName("url")] }

    override func prevalidate() {
        validateRequiredAttribute("url", with: FullURI())
    }
}
