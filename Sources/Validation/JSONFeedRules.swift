import Foundation

/// Checks a JSON Feed 1.0 / 1.1 document (https://jsonfeed.org/version/1.1) from its bytes.
///
/// JSON has no line numbers once parsed, so findings carry line 0 and name the key path instead
/// (`items[3].url`).
struct JSONFeedRules {
    static let versions = ["https://jsonfeed.org/version/1.1", "https://jsonfeed.org/version/1"]

    private var checker = FeedChecker()

    /// Checks a parsed JSON Feed object (its version already recognised).
    static func check(_ object: [String: Any], session: ValidationSession? = nil, part: DocumentPart = .whole) -> RuleOutcome {
        var rules = JSONFeedRules(session: session, part: part)
        rules.checkFeed(object, entriesBefore: part.entriesBefore)
        return RuleOutcome(findings: rules.checker.findings, identifiers: rules.checker.identifiers)
    }

    private mutating func checkFeed(_ feed: [String: Any], entriesBefore: Int) {
        checkHead(feed)
        guard let items = itemsArray(of: feed) else { return }
        for (index, rawItem) in items.enumerated() {
            checkItem(at: entriesBefore + index, rawItem)
        }
    }

    init(session: ValidationSession? = nil, part: DocumentPart = .whole) {
        checker.session = session
        checker.context = part
    }

    /// The findings so far.
    var findings: FindingList { checker.findings }

    /// Checks the feed's own members (everything but its items), before any item.
    mutating func checkHead(_ feed: [String: Any]) {
        requireString(feed, "title", path: "")
        for key in ["home_page_url", "next_url", "icon", "favicon"] {
            optionalURL(feed, key, path: "")
        }
        if feed["feed_url"] == nil {
            // JSON Feed 1.1: feed_url is optional but "strongly recommended", the self link of RSS and Atom.
            checker.findings.add(.missingSelf, "feed has no \"feed_url\"; add the feed's own URL")
        } else {
            optionalURL(feed, "feed_url", path: "")
        }
        checkAuthors(feed, path: "")
    }

    /// The feed's `items`, or nil with a finding when it is missing or not an array.
    mutating func itemsArray(of feed: [String: Any]) -> [Any]? {
        guard let rawItems = feed["items"] else {
            checker.findings.add(.missingElement, "feed has no \"items\" array (required, may be empty)")
            return nil
        }
        guard let items = rawItems as? [Any] else {
            checker.findings.add(.invalidValue, "\"items\" must be an array")
            return nil
        }
        return items
    }

    /// Checks the item at `index` of `items`, in order: items are checked one at a time, so a streaming
    /// reader can hand over one parsed item after another.
    mutating func checkItem(at index: Int, _ rawItem: Any) {
        let path = "items[\(index)]"
        guard let item = rawItem as? [String: Any] else {
            checker.findings.add(.invalidValue, "\(path) must be an object")
            return
        }
        checkItem(item, path: path)
    }

    private mutating func checkItem(_ item: [String: Any], path: String) {
        switch item["id"] {
        case nil:
            checker.findings.add(.missingElement, "\(path) has no \"id\" (required)")
        case let id as String where !id.isEmpty:
            checker.checkUnique(identifier: id, line: 0, what: "\(path).id")
        default:
            // JSON Feed 1.1: "id (required, string)"; a number is tolerated by some readers but not the spec.
            checker.findings.add(.invalidValue, "\(path).id must be a non-empty string")
        }
        let html = item["content_html"]
        let text = item["content_text"]
        if html == nil && text == nil {
            checker.findings.add(.missingElement, "\(path) has neither \"content_html\" nor \"content_text\"")
        }
        if let html {
            if let html = html as? String {
                checker.checkHTML(html, line: 0, what: "\(path).content_html", checkEntities: false)
            } else {
                checker.findings.add(.invalidValue, "\(path).content_html must be a string")
            }
        }
        if let text {
            if let text = text as? String {
                checker.checkCharacters(text, line: 0, what: "\(path).content_text")
            } else {
                checker.findings.add(.invalidValue, "\(path).content_text must be a string")
            }
        }
        for key in ["url", "external_url", "image", "banner_image"] {
            optionalURL(item, key, path: path)
        }
        for key in ["date_published", "date_modified"] {
            guard let value = item[key] else { continue }
            if let value = value as? String {
                checker.checkRFC3339(value, line: 0, what: "\(path).\(key)")
            } else {
                checker.findings.add(.invalidRFC3339Date, "\(path).\(key) must be an RFC 3339 date-time string")
            }
        }
        for key in ["title", "summary"] {
            if let value = item[key], !(value is String) {
                checker.findings.add(.invalidValue, "\(path).\(key) must be a string")
            }
        }
        checkAuthors(item, path: path)
        if let rawAttachments = item["attachments"] {
            guard let attachments = rawAttachments as? [Any] else {
                checker.findings.add(.invalidValue, "\(path).attachments must be an array")
                return
            }
            for (index, rawAttachment) in attachments.enumerated() {
                let attachmentPath = "\(path).attachments[\(index)]"
                guard let attachment = rawAttachment as? [String: Any] else {
                    checker.findings.add(.invalidValue, "\(attachmentPath) must be an object")
                    continue
                }
                if attachment["url"] == nil {
                    checker.findings.add(.missingElement, "\(attachmentPath) has no \"url\" (required)")
                } else {
                    optionalURL(attachment, "url", path: attachmentPath)
                }
                if !(attachment["mime_type"] is String) {
                    checker.findings.add(.missingElement, "\(attachmentPath) has no \"mime_type\" string (required)")
                }
            }
        }
    }

    /// JSON Feed 1.1 `authors` (an array) and 1.0 `author` (one object): each an object with at least one of
    /// name, url, avatar.
    private mutating func checkAuthors(_ object: [String: Any], path: String) {
        var authors: [(Any, String)] = []
        if let raw = object["authors"] {
            guard let array = raw as? [Any] else {
                checker.findings.add(.invalidValue, "\(prefix(path))authors must be an array of objects")
                return
            }
            authors = array.enumerated().map { ($1, "\(prefix(path))authors[\($0)]") }
        }
        if let single = object["author"] { authors.append((single, "\(prefix(path))author")) }
        for (raw, authorPath) in authors {
            guard let author = raw as? [String: Any] else {
                checker.findings.add(.invalidValue, "\(authorPath) must be an object with name, url or avatar")
                continue
            }
            if author["name"] == nil && author["url"] == nil && author["avatar"] == nil {
                checker.findings.add(.missingElement, "\(authorPath) has none of \"name\", \"url\", \"avatar\"")
            }
            optionalURL(author, "url", path: authorPath)
            optionalURL(author, "avatar", path: authorPath)
        }
    }

    private mutating func requireString(_ object: [String: Any], _ key: String, path: String) {
        switch object[key] {
        case nil: checker.findings.add(.missingElement, "\(path.isEmpty ? "feed" : path) has no \"\(key)\" (required)")
        case is String: break
        default: checker.findings.add(.invalidValue, "\(prefix(path))\(key) must be a string")
        }
    }

    private mutating func optionalURL(_ object: [String: Any], _ key: String, path: String) {
        guard let value = object[key] else { return }
        guard let url = value as? String else {
            checker.findings.add(.invalidValue, "\(prefix(path))\(key) must be a string")
            return
        }
        checker.checkAbsoluteURL(url, line: 0, what: "\(prefix(path))\(key)")
    }

    private func prefix(_ path: String) -> String {
        path.isEmpty ? "" : path + "."
    }
}

extension FormatDetection {
    /// Parses JSON and checks that it is a JSON Feed: an object whose `version` is a JSON Feed URL.
    static func jsonFeed(_ bytes: [UInt8]) -> Result<[String: Any], UnknownFormatReason> {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            return .failure(UnknownFormatReason(message: "not valid JSON: \(error.localizedDescription)"))
        }
        guard let feed = object as? [String: Any] else {
            return .failure(UnknownFormatReason(message: "JSON Feed must be a JSON object"))
        }
        guard let version = feed["version"] as? String else {
            return .failure(UnknownFormatReason(message: "JSON object has no \"version\" string; expected "
                + "\"https://jsonfeed.org/version/1.1\""))
        }
        guard JSONFeedRules.versions.contains(version) else {
            return .failure(UnknownFormatReason(message: "version \"\(version.prefix(60))\" is not a JSON Feed version; expected "
                + "\"https://jsonfeed.org/version/1.1\" or \"https://jsonfeed.org/version/1\""))
        }
        return .success(feed)
    }
}
