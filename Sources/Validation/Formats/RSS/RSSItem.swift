/// `<item>` of RSS 0.91–2.0 (RSS 2.0 specification, "Elements of <item>").
final class RSSItem: RSSItemBase {
    override var extensionContext: ExtensionContext { .rssItem }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "comments":
            return [FullURI(), NoDuplicates()]
        case "enclosure":
            // RSS Best Practices Profile, "enclosure": most readers take only the first enclosure.
            return [RSSEnclosure(), NoDuplicates(.duplicateEnclosure)]
        case "pubDate":
            warnIfSeen("dc:date", before: name)
            warnIfSeen("atom:published", before: name)
            return [RFC822Date(), NoDuplicates()]
        case "author":
            warnIfSeen("dc:creator", before: name)
            return [EmailWithName(), NoDuplicates()]
        case "category":
            warnIfSeen("dc:subject", before: name)
            return [RSSCategory(), NonBlank()]
        case "guid":
            warnIfSeen("atom:id", before: name)
            return [RSSGuid(), NoDuplicates(), Unique("guid", in: parent ?? self)]
        case "source":
            warnIfSeen("dc:source", before: name)
            return [RSSSource(), NoDuplicates()]
        default:
            return super.child(name)
        }
    }

    override func validate() {
        var seen = (title: false, description: false, guid: false, slashComments: false)
        for child in children {
            switch child {
            case "title": seen.title = true
            case "description": seen.description = true
            case "guid": seen.guid = true
            case "slash:comments": seen.slashComments = true
            default: break
            }
        }
        // RSS 2.0, "Elements of <item>": "at least one of title or description must be present".
        if !seen.title && !seen.description {
            log(.itemMustContainTitleOrDescription, "item must contain a title or a description")
        }
        // RSS Best Practices Profile, "guid": readers use it to tell new items from ones already shown.
        if !seen.guid, feedKind == .rss2, rssVersion?.hasPrefix("2.") == true {
            log(.missingGuid, "item has no guid; readers may show it again as new")
        }
        // RSS Best Practices Profile, "slash:comments": a comment count changes, so the channel should say
        // when it was last built.
        if seen.slashComments, feedKind == .rss2, let channel = parent as? RSSChannel, !channel.hasLastBuildDate {
            log(.slashDate, "item counts comments (slash:comments) but the channel has no lastBuildDate")
        }
    }
}
