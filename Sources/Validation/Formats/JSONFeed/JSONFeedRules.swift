import Foundation

/// Checks a JSON Feed 1.0 or 1.1 document against its specification (https://jsonfeed.org/version/1.1 and
/// /version/1): each requirement an error, each recommendation a warning, names in the W3C service's style.
///
/// JSON has no line numbers once parsed, so findings carry line 0 and name the key path instead
/// (`items[3].url`). Items are checked one at a time, so `StreamingJSONFeed` can hand them over as it reads.
struct JSONFeedRules {
    /// The version URLs the specifications give.
    static let versions = ["https://jsonfeed.org/version/1.1", "https://jsonfeed.org/version/1"]

    /// Members the specifications define at the top level (1.0 and 1.1 together: a 1.0 feed is a valid 1.1 feed).
    static let feedMembers: Set<String> = [
        "version", "title", "home_page_url", "feed_url", "description", "user_comment",
        "next_url", "icon", "favicon", "author", "authors", "language", "expired",
        "hubs", "items",
    ]
    static let itemMembers: Set<String> = [
        "id", "url", "external_url", "title", "content_html", "content_text", "summary",
        "image", "banner_image", "date_published", "date_modified", "author", "authors",
        "tags", "language", "attachments",
    ]
    static let attachmentMembers: Set<String> = ["url", "mime_type", "title", "size_in_bytes", "duration_in_seconds"]
    static let authorMembers: Set<String> = ["name", "url", "avatar"]
    static let hubMembers: Set<String> = ["type", "url"]

    private var checker = JSONFeedChecker()
    /// The feed's version URL, which decides whether `author` is deprecated.
    private var version = ""

    init(session: ValidationSession? = nil, part: DocumentPart = .whole) {
        checker.session = session
        checker.context = part
    }

    /// Checks a parsed JSON Feed object (its version already recognised).
    static func check(_ object: [String: Any], session: ValidationSession? = nil, part: DocumentPart = .whole) -> RuleOutcome {
        var rules = JSONFeedRules(session: session, part: part)
        rules.checkHead(object)
        if let items = rules.itemsArray(of: object) {
            for (index, item) in items.enumerated() { rules.checkItem(at: part.entriesBefore + index, item) }
        }
        return RuleOutcome(findings: rules.checker.findings, identifiers: rules.checker.identifiers)
    }

    /// The findings so far.
    var findings: FindingList { checker.findings }

    /// Checks the feed's own members (everything but its items), before any item.
    mutating func checkHead(_ feed: [String: Any]) {
        version = feed["version"] as? String ?? ""
        if !Self.versions.contains(version) {
            checker.findings.add(
                .nonStandardVersion,
                "version \"\(version.prefix(60))\" is read as JSON Feed by most readers, but the "
                    + "specification's URL is \"https://jsonfeed.org/version/1.1\" (or \"https://jsonfeed.org/version/1\")")
        }
        checkMembers(feed, known: Self.feedMembers, path: "")
        requireString(feed, "title", path: "")
        for key in ["description", "user_comment", "language"] { optionalString(feed, key, path: "") }
        for key in ["icon", "favicon"] { optionalURL(feed, key, path: "") }
        if feed["home_page_url"] == nil {
            checker.findings.add(.missingHomePageURL, "feed has no \"home_page_url\": strongly recommended for a feed on the web")
        } else {
            optionalURL(feed, "home_page_url", path: "")
        }
        if feed["feed_url"] == nil {
            // "optional but strongly recommended": the JSON Feed counterpart of rel="self".
            checker.findings.add(.missingSelf, "feed has no \"feed_url\"; add the feed's own URL")
        } else {
            optionalURL(feed, "feed_url", path: "")
        }
        if feed["next_url"] != nil {
            optionalURL(feed, "next_url", path: "")
            if let next = feed["next_url"] as? String, let own = feed["feed_url"] as? String, next == own {
                checker.findings.add(.nextURLIsFeedURL, "next_url is the feed's own feed_url: a reader following it would loop")
            }
        }
        if let expired = feed["expired"], !Self.isBoolean(expired) {
            checker.findings.add(.wrongJSONType, "expired must be true or false")
        }
        checkHubs(feed)
        checkAuthors(feed, path: "")
    }

    /// The feed's `items`, or nil with a finding when it is missing or not an array.
    mutating func itemsArray(of feed: [String: Any]) -> [Any]? {
        guard let rawItems = feed["items"] else {
            checker.findings.add(.missingElement, "feed has no \"items\" array (required, may be empty)")
            return nil
        }
        guard let items = rawItems as? [Any] else {
            checker.findings.add(.wrongJSONType, "\"items\" must be an array")
            return nil
        }
        return items
    }

    /// Checks the item at `index` of `items`.
    mutating func checkItem(at index: Int, _ rawItem: Any) {
        let path = "items[\(index)]"
        guard let item = rawItem as? [String: Any] else {
            checker.findings.add(.wrongJSONType, "\(path) must be an object")
            return
        }
        checkMembers(item, known: Self.itemMembers, path: path)
        switch item["id"] {
        case nil:
            checker.findings.add(.missingElement, "\(path) has no \"id\" (required)")
        case let id as String where !id.isEmpty:
            checker.checkUnique(identifier: id, line: 0, what: "\(path).id")
        case let id as String:
            checker.findings.add(.missingElement, "\(path).id is empty; it must identify the item (\(id.count) characters)")
        default:
            // "id (required, string)"; readers coerce a number to a string, so they do not lose the item.
            checker.findings.add(
                .wrongJSONType, "\(path).id must be a string; readers turn a number into text, but the specification asks for a string")
        }
        let html = item["content_html"]
        let text = item["content_text"]
        if html == nil && text == nil {
            checker.findings.add(.missingItemContent, "\(path) has neither \"content_html\" nor \"content_text\" (one or both must be present)")
        }
        if let html {
            if let html = html as? String {
                checker.checkHTML(html, line: 0, what: "\(path).content_html")
            } else {
                checker.findings.add(.wrongJSONType, "\(path).content_html must be a string")
            }
        }
        for key in ["content_text", "title", "summary"] {
            guard let value = item[key] else { continue }
            if let value = value as? String {
                checker.checkCharacters(value, line: 0, what: "\(path).\(key)")
                checkPlainText(value, what: "\(path).\(key)")
            } else {
                checker.findings.add(.wrongJSONType, "\(path).\(key) must be a string")
            }
        }
        optionalString(item, "language", path: path)
        if item["url"] == nil {
            checker.findings.add(.missingItemURL, "\(path) has no \"url\"; the item's permalink should be present even when it equals the id")
        }
        for key in ["url", "external_url", "image", "banner_image"] { optionalURL(item, key, path: path) }
        for key in ["date_published", "date_modified"] {
            guard let value = item[key] else { continue }
            if let value = value as? String {
                checker.checkRFC3339(value, line: 0, what: "\(path).\(key)")
            } else {
                checker.findings.add(.invalidRFC3339Date, "\(path).\(key) must be an RFC 3339 date-time string")
            }
        }
        if let tags = item["tags"] {
            if let tags = tags as? [Any] {
                for (index, tag) in tags.enumerated() where !(tag is String) {
                    checker.findings.add(.wrongJSONType, "\(path).tags[\(index)] must be a string")
                }
            } else {
                checker.findings.add(.wrongJSONType, "\(path).tags must be an array of strings")
            }
        }
        checkAuthors(item, path: path)
        checkAttachments(item, path: path)
    }

    private mutating func checkAttachments(_ item: [String: Any], path: String) {
        guard let rawAttachments = item["attachments"] else { return }
        guard let attachments = rawAttachments as? [Any] else {
            checker.findings.add(.wrongJSONType, "\(path).attachments must be an array")
            return
        }
        for (index, rawAttachment) in attachments.enumerated() {
            let attachmentPath = "\(path).attachments[\(index)]"
            guard let attachment = rawAttachment as? [String: Any] else {
                checker.findings.add(.wrongJSONType, "\(attachmentPath) must be an object")
                continue
            }
            checkMembers(attachment, known: Self.attachmentMembers, path: attachmentPath)
            if attachment["url"] == nil {
                checker.findings.add(.missingElement, "\(attachmentPath) has no \"url\" (required)")
            } else {
                optionalURL(attachment, "url", path: attachmentPath)
            }
            requireString(attachment, "mime_type", path: attachmentPath)
            optionalString(attachment, "title", path: attachmentPath)
            for key in ["size_in_bytes", "duration_in_seconds"] {
                if let value = attachment[key], !Self.isNumber(value) {
                    checker.findings.add(.wrongJSONType, "\(attachmentPath).\(key) must be a number")
                }
            }
        }
    }

    private mutating func checkHubs(_ feed: [String: Any]) {
        guard let rawHubs = feed["hubs"] else { return }
        guard let hubs = rawHubs as? [Any] else {
            checker.findings.add(.wrongJSONType, "hubs must be an array of objects with type and url")
            return
        }
        for (index, rawHub) in hubs.enumerated() {
            let hubPath = "hubs[\(index)]"
            guard let hub = rawHub as? [String: Any] else {
                checker.findings.add(.wrongJSONType, "\(hubPath) must be an object with type and url")
                continue
            }
            checkMembers(hub, known: Self.hubMembers, path: hubPath)
            requireString(hub, "type", path: hubPath)
            if hub["url"] == nil {
                checker.findings.add(.missingElement, "\(hubPath) has no \"url\" (required)")
            } else {
                optionalURL(hub, "url", path: hubPath)
            }
        }
    }

    /// JSON Feed 1.1 `authors` (an array) and 1.0 `author` (one object): each an object with at least one of
    /// name, url, avatar.
    private mutating func checkAuthors(_ object: [String: Any], path: String) {
        var authors: [(Any, String)] = []
        if let raw = object["authors"] {
            guard let array = raw as? [Any] else {
                checker.findings.add(.wrongJSONType, "\(prefix(path))authors must be an array of objects")
                return
            }
            authors = array.enumerated().map { ($1, "\(prefix(path))authors[\($0)]") }
        }
        if let single = object["author"] {
            authors.append((single, "\(prefix(path))author"))
            if version == Self.versions[0], object["authors"] == nil {
                checker.findings.add(
                    .deprecatedAuthor,
                    "\(prefix(path))author is deprecated in JSON Feed 1.1; write \"authors\": [ … ] "
                        + "(keeping \"author\" too helps 1.0 readers)")
            }
        }
        for (raw, authorPath) in authors {
            guard let author = raw as? [String: Any] else {
                checker.findings.add(.wrongJSONType, "\(authorPath) must be an object with name, url or avatar")
                continue
            }
            checkMembers(author, known: Self.authorMembers, path: authorPath)
            if author["name"] == nil && author["url"] == nil && author["avatar"] == nil {
                checker.findings.add(.emptyAuthor, "\(authorPath) has none of \"name\", \"url\", \"avatar\" (at least one is required)")
            }
            optionalString(author, "name", path: authorPath)
            optionalURL(author, "url", path: authorPath)
            optionalURL(author, "avatar", path: authorPath)
        }
    }

    /// Members neither defined nor extensions (`UnknownMember`), and extension keys of the wrong form.
    private mutating func checkMembers(_ object: [String: Any], known: Set<String>, path: String) {
        for key in object.keys.sorted() where !known.contains(key) {
            if key.hasPrefix("_") {
                let second = key.dropFirst().first
                if second == nil || !second!.isLetter || key.contains(".") {
                    checker.findings.add(
                        .invalidExtensionKey, "\(prefix(path))\(key): an extension's name must be \"_\" followed by a letter, without \".\"")
                }
            } else {
                checker.findings.add(
                    .unknownMember,
                    "\(prefix(path))\(key) is not a JSON Feed member; readers ignore it "
                        + "(extensions start with \"_\")")
            }
        }
    }

    /// Plain-text members holding HTML end tags: "the only place HTML is allowed in this format is in content_html".
    private mutating func checkPlainText(_ text: String, what: String) {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return }
        for tag in ["</p>", "</a>", "</b>", "</i>", "</em>", "</strong>", "</div>", "</span>", "</li>", "</h1>", "</h2>", "</h3>"]
        where text.range(of: tag, options: .caseInsensitive) != nil {
            checker.findings.add(.containsHTML, "\(what) is plain text but contains HTML (\(tag)); put HTML in content_html")
            return
        }
    }

    private mutating func requireString(_ object: [String: Any], _ key: String, path: String) {
        switch object[key] {
        case nil: checker.findings.add(.missingElement, "\(path.isEmpty ? "feed" : path) has no \"\(key)\" (required)")
        case is String: break
        default: checker.findings.add(.wrongJSONType, "\(prefix(path))\(key) must be a string")
        }
    }

    private mutating func optionalString(_ object: [String: Any], _ key: String, path: String) {
        if let value = object[key], !(value is String) {
            checker.findings.add(.wrongJSONType, "\(prefix(path))\(key) must be a string")
        }
    }

    private mutating func optionalURL(_ object: [String: Any], _ key: String, path: String) {
        guard let value = object[key] else { return }
        guard let url = value as? String else {
            checker.findings.add(.wrongJSONType, "\(prefix(path))\(key) must be a string")
            return
        }
        checker.checkAbsoluteURL(url, line: 0, what: "\(prefix(path))\(key)")
    }

    private func prefix(_ path: String) -> String {
        path.isEmpty ? "" : path + "."
    }

    /// JSONSerialization gives booleans and numbers as NSNumber; a boolean's is of Objective-C type `c`
    /// (`value is Bool` holds for the numbers 0 and 1 too).
    static func isBoolean(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        return String(cString: number.objCType) == "c"
    }

    static func isNumber(_ value: Any) -> Bool {
        value is NSNumber && !isBoolean(value)
    }
}

extension FormatDetection {
    /// Parses JSON and checks that it is a JSON Feed: an object whose `version` is a JSON Feed URL, the
    /// specification's or a variant readers accept (`http:`, a final slash).
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
            return .failure(
                UnknownFormatReason(
                    message: "JSON object has no \"version\" string; expected "
                        + "\"https://jsonfeed.org/version/1.1\""))
        }
        guard isJSONFeedVersion(version) else {
            return .failure(
                UnknownFormatReason(
                    message: "version \"\(version.prefix(60))\" is not a JSON Feed version; expected "
                        + "\"https://jsonfeed.org/version/1.1\" or \"https://jsonfeed.org/version/1\""))
        }
        return .success(feed)
    }

    /// The specification's version URLs, and the variants readers accept: `http:` instead of `https:`,
    /// `www.`, a final slash.
    static func isJSONFeedVersion(_ version: String) -> Bool {
        var rest = Substring(version.lowercased())
        for scheme in ["https://", "http://"] where rest.hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
        }
        if rest.hasPrefix("www.") { rest = rest.dropFirst(4) }
        if rest.hasSuffix("/") { rest = rest.dropLast() }
        return rest == "jsonfeed.org/version/1" || rest == "jsonfeed.org/version/1.1"
    }
}
