/// Dublin Core (`http://purl.org/dc/elements/1.1/`, DCMI Metadata Terms section 3) and DCMI terms
/// (`http://purl.org/dc/terms/`, section 2), as RSS 1.0's Dublin Core module and RSS 2.0 feeds use them.
///
/// Most elements are free text; those with a core RSS twin (`dc:language` and `language`, `dc:rights` and
/// `copyright`...) draw `DuplicateSemantics` when both are given, since readers then pick one at random.
enum DublinCore {
    /// `dc:` elements.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        let scope = element.scope
        switch element.local {
        // Elements the service's RSS channel, RSS item, image and Atom classes take themselves: each has an
        // equivalent there (managingEditor/author, category, pubDate).
        case "creator":
            if scope.contains(.rssChannel) { element.warnDuplicate(core: "managingEditor") }
            if scope.contains(.rssItem) { element.warnDuplicate(core: "author", of: .duplicateItemSemantics) }
            return scope.isDisjoint(with: [.rssChannel, .rssItem, .image, .entry, .feed]) ? nil : [TextValue()]
        case "subject":
            if scope.contains(.rssChannel) { element.warnDuplicate(core: "category") }
            if scope.contains(.rssItem) { element.warnDuplicate(core: "category", of: .duplicateItemSemantics) }
            return scope.isDisjoint(with: [.rssChannel, .rssItem, .image, .entry, .feed]) ? nil : [TextValue()]
        case "date":
            if scope.contains(.rssChannel) { element.warnDuplicate(core: "pubDate") }
            if scope.contains(.rssItem) {
                // An RSS item may repeat dc:date (the service only compares it with pubDate).
                element.warnDuplicate(core: "pubDate", of: .duplicateItemSemantics)
                return [W3CDTFDate()]
            }
            return scope.isDisjoint(with: [.rssChannel, .image, .entry, .feed]) ? nil : [W3CDTFDate(), NoDuplicates()]
        default:
            break
        }
        guard element.scope.contains(.everywhere) else { return nil }
        switch element.local {
        case "title", "description", "type", "format": return [TextValue(), NoDuplicates()]
        case "contributor", "identifier", "relation", "coverage": return [TextValue()]
        case "publisher":
            element.warnDuplicate(core: "webMaster")
            return [TextValue()]
        case "source":
            element.warnDuplicate(core: "source", of: .duplicateItemSemantics)
            return [TextValue(), NoDuplicates()]
        case "language":
            element.warnDuplicate(core: "language")
            return [LanguageCodeValue(), NoDuplicates()]
        case "rights":
            element.warnDuplicate(core: "copyright")
            return [NonHTML(), NoDuplicates()]
        default:
            return nil
        }
    }

    /// `dcterms:` elements. Relations (`isPartOf`, `references`...) name a resource, RDF style; the terms DCMI
    /// added without an XML mapping (`license`, `rightsHolder`...) are accepted unchecked.
    static func terms(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.everywhere) else { return nil }
        switch element.local {
        case "alternative", "audience": return [TextValue()]
        case "abstract", "dateAccepted", "dateCopyrighted", "dateSubmitted", "mediator": return [TextValue(), NoDuplicates()]
        case "tableOfContents": return [RDFResourceURI(), NoDuplicates()]
        case "created", "issued": return [W3CDTFDate(), NoDuplicates()]
        case "modified":
            element.warnDuplicate(core: "lastBuildDate")
            return [W3CDTFDate(), NoDuplicates()]
        case "extent": return [PositiveInteger(), NonBlank(), NoDuplicates()]
        case "isVersionOf", "hasVersion", "isReplacedBy", "replaces", "isRequiredBy", "requires", "isPartOf", "hasPart",
            "isReferencedBy", "references", "isFormatOf", "hasFormat", "conformsTo":
            return [RDFResourceURI()]
        case "valid", "available", "spatial", "temporal", "accessRights", "accrualMethod", "accrualPeriodicity",
            "accrualPolicy", "bibliographicCitation", "educationLevel", "instructionalMethod", "license", "provenance",
            "rightsHolder":
            return [Eater()]
        default:
            // dcterms:medium is defined as never to be used: undefined.
            return nil
        }
    }
}

/// RDF and RDF Schema elements that RSS 2.0 and Atom feeds embed (`rdf:RDF` blocks, `rdfs:seeAlso`).
enum RDFTerms {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement, rdfs: Bool) -> [ElementHandler]? {
        guard element.scope.contains(.everywhere) else { return nil }
        if rdfs {
            // RDF Schema section 5.4.1: the object of seeAlso is a resource.
            return element.local == "seeAlso" ? [RDFResourceURI()] : nil
        }
        switch element.local {
        case "RDF", "type", "Description": return [Eater()]
        default: return nil
        }
    }
}

/// OPML 2.0's head fields (section "head"), which some RSS feeds borrow to name their owner.
enum OPMLOwner {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.everywhere) else { return nil }
        switch element.local {
        case "dateCreated", "dateModified": return [RFC822Date(), NoDuplicates()]
        case "ownerName": return [SafeHTML(), NoDuplicates()]
        case "ownerEmail": return [EmailAddress(), NoDuplicates()]
        case "ownerId": return [HTTPURL(), NoDuplicates()]
        default: return nil
        }
    }
}
