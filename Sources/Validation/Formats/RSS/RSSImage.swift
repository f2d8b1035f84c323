/// A channel's `image`: a GIF, JPEG or PNG readers show with the channel (RSS 2.0, "<image> sub-element of
/// <channel>"): `url`, `title` and `link` are required, `width` at most 144 and `height` at most 400 pixels.
///
/// In an RSS 1.0 channel the image is only a reference (`rdf:resource`, RSS 1.0 section 5.3.4) to the
/// `image` beside the channel; in RSS 1.1 it is described in place (`rdf:parseType="Resource"`) without a link.
final class RSSImage: ElementHandler {
    override var expectedAttributes: [AttributeName]? { [.rdf("resource"), .rdf("about"), .rdf("parseType")] }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "title": [RSSImageTitle(), NoDuplicates()]
        case "link": [RSSImageLink(), NoDuplicates()]
        case "url": [RSSImageURL(), NoDuplicates()]
        case "width": [RSSImageSize(.width), NoDuplicates()]
        case "height": [RSSImageSize(.height), NoDuplicates()]
        case "description": [NonHTML(), NoDuplicates()]
        default: ExtensionElements.handlers(for: name, in: .everywhere, parent: self)
        }
    }

    override func validate() {
        if !value.isEmpty {
            log(.unexpectedText, "image should hold elements, not text")
        }
        if attributes.contains(.rdf("resource")) { return }
        if !children.contains("title") { log(.missingTitle, "image must contain a title element") }
        if !children.contains("url") { log(.missingElement, "image must contain a url element") }
        if attributes.contains(.rdf("parseType")) { return }
        if !children.contains("link") { log(.missingLink, "image must contain a link element") }
    }

    /// The channel the image belongs to, for the comparisons RSS 2.0 asks for.
    var channel: RSSChannelBase? { parent as? RSSChannelBase }
}

/// The image's `title`: "in practice the image <title> and <link> should have the same value as the
/// channel's <title> and <link>" (RSS 2.0), since readers use the image as the channel's link.
final class RSSImageTitle: NonHTML {
    override func validate() {
        if value.isEmpty {
            log(.notBlank, "the image's title should not be blank")
        } else {
            super.validate()
        }
        if let channelTitle = ((parent as? RSSImage)?.channel)?.title, !channelTitle.isEmpty, channelTitle != value {
            log(.imageTitleDoesntMatch, "the image's title \"\(value.prefix(60))\" differs from the channel's title")
        }
    }
}

/// The image's `link`: an absolute URL, the channel's link.
final class RSSImageLink: FullURI {
    override func validate() {
        super.validate()
        if let channelLink = ((parent as? RSSImage)?.channel)?.link, !channelLink.isEmpty, channelLink != value {
            log(.imageLinkDoesntMatch, "the image's link \(value.prefix(80)) differs from the channel's link")
        }
    }
}

/// The image's `url`: an absolute URL of a GIF, JPEG or PNG file, the formats RSS 2.0 names.
final class RSSImageURL: FullURI {
    override func validate() {
        super.validate()
        let suffix = value.split(separator: ".", omittingEmptySubsequences: false).last ?? ""
        let isWord =
            !suffix.isEmpty
            && suffix.unicodeScalars.allSatisfy {
                $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil
            }
        if isWord, !["jpg", "jpeg", "gif", "png"].contains(suffix.lowercased()) {
            log(.imageUrlFormat, "image url ends in .\(suffix.prefix(20)); readers expect a GIF, JPEG or PNG image")
        }
    }
}

/// The image's `width` (at most 144) or `height` (at most 400), in pixels.
final class RSSImageSize: TextValue {
    enum Dimension {
        case width, height
    }

    private let dimension: Dimension

    init(_ dimension: Dimension) {
        self.dimension = dimension
    }

    override func validate() {
        let limit = dimension == .width ? 144 : 400
        if let size = Int(value), size > 0, size <= limit { return }
        if dimension == .width {
            log(.invalidWidth, "image width must be a whole number of pixels from 1 to 144, not \"\(value.prefix(40))\"")
        } else {
            log(.invalidHeight, "image height must be a whole number of pixels from 1 to 400, not \"\(value.prefix(40))\"")
        }
    }
}
