/// `<rss>`: RSS 0.91–0.94 and 2.0. Its only child is `channel`.
/// (Placeholder: the RSS family fills this in.)
final class RSSRoot: ElementHandler {
    override var expectedAttributes: [AttributeName]? { [AttributeName("version")] }

    override func prevalidate() {
        feedKind = .rss2
    }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "channel": [Eater(), NoDuplicates()]
        default: nil
        }
    }
}
