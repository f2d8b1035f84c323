/// `<image>` beside an RSS 1.0 channel (RSS 1.0 section 5.4): `title`, `link` and `url` are required.
final class RSS10Image: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "title": [RSSImageTitle(), NoDuplicates()]
        case "link", "url": [FullURI(), NoDuplicates()]
        default: ExtensionElements.handlers(for: name, in: .everywhere, parent: self)
        }
    }

    override func validate() {
        if !children.contains("title") { log(.missingTitle, "image must contain a title element") }
        if !children.contains("link") { log(.missingLink, "image must contain a link element") }
        if !children.contains("url") { log(.missingElement, "image must contain a url element") }
    }
}
