/// The handler above the document element: it recognises the format from the root element's name and
/// namespace, and hands the root to that format's handler.
final class RootHandler: ElementHandler {
    override func startChild(local: String, namespace: String?, prefix: String?, attributes: AttributeList) {
        switch local {
        case "rss":
            if let namespace {
                log(.invalidNamespace, "rss must be in no namespace, not \(namespace)")
                walker.defaultNamespaces.append(namespace)
            }
        case "feed", "entry":
            if namespaces["atom"] != nil { log(.avoidNamespacePrefix, "avoid the prefix atom: some readers only understand the default namespace") }
            if namespaces["xhtml"] != nil { log(.avoidNamespacePrefix, "avoid the prefix xhtml: some readers only understand the default namespace") }
            if namespace == Vocabulary.obsoleteAtom {
                log(.obsoleteNamespace, "Atom 0.3 (\(Vocabulary.obsoleteAtom)) is obsolete; use Atom 1.0, \(Vocabulary.atom)")
                walker.defaultNamespaces.append(Vocabulary.obsoleteAtom)
                feedKind = .atom
            } else if let namespace {
                feedKind = local == "feed" ? .atom : .atomEntry
                walker.defaultNamespaces.append(Vocabulary.atom)
                if namespace != Vocabulary.atom {
                    log(.invalidNamespace, "\(local) must be in the Atom namespace \(Vocabulary.atom), not \(namespace)")
                    walker.defaultNamespaces.append(namespace)
                }
            } else {
                log(.missingNamespace, "\(local) must be in the Atom namespace \(Vocabulary.atom)")
            }
        case "Channel":
            if namespace == nil {
                log(.missingNamespace, "Channel must be in the RSS 1.1 namespace \(Vocabulary.rss11)")
            } else if namespace != Vocabulary.rss11 {
                log(.invalidNamespace, "Channel must be in the RSS 1.1 namespace \(Vocabulary.rss11), not \(namespace!)")
            } else {
                walker.defaultNamespaces.append(Vocabulary.rss11)
                feedKind = .rss1
            }
        default:
            break
        }
        super.startChild(local: local, namespace: namespace, prefix: prefix, attributes: attributes)
    }

    override func unknownChild(local: String, namespace: String, attributes: AttributeList) -> ElementHandler {
        if namespace == "http://example.com/newformat#" || namespace == Vocabulary.obsoleteAtom {
            log(.obsoleteNamespace, "\(local) is in the obsolete namespace \(namespace)")
        } else if local == "feed" {
            log(.invalidNamespace, "feed must be in the Atom namespace \(Vocabulary.atom), not \(namespace)")
        } else {
            log(.undefinedElement, "Undefined root element: \(local)")
        }
        return super.unknownChild(local: local, namespace: namespace, attributes: attributes)
    }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "rss":
            return [RSSRoot()]
        case "feed":
            return walker.defaultNamespaces.contains(Vocabulary.obsoleteAtom) ? [Eater()] : [AtomFeed()]
        case "entry":
            return [AtomEntry()]
        case "rdf:RDF":
            walker.defaultNamespaces.append(Vocabulary.rss1)
            return [RDFRoot()]
        case "Channel":
            return [RSS11Channel()]
        case "xhtml:html":
            log(.undefinedElement, "Undefined root element: xhtml:html")
            return [Eater()]
        case "app:service", "app:categories":
            // Atom Publishing Protocol documents (RFC 5023) are checked, as the W3C service checks them, though
            // they are not feeds: the report names no format.
            feedKind = .unsupported(name)
            return name == "app:service" ? [AppService()] : [AppCategories()]
        case "kml", "opml", "outlineDocument", "opensearch:OpenSearchDescription", "xrds:XRDS":
            feedKind = .unsupported(name)
            walker.log(.unsupportedFormat, "\(name) documents are not checked: Crier reads RSS, Atom and JSON Feed")
            return [Eater()]
        default:
            return nil
        }
    }
}
