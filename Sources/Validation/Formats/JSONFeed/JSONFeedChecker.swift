import FeedModel
import XML

/// The value checks of JSON Feed members, writing into one finding list.
struct JSONFeedChecker {
    var findings = FindingList()
    /// Markup findings of HTML already checked in this publish, shared with the other documents.
    var session: ValidationSession?
    /// The identifiers (guid, atom:id, JSON item id) met so far, for `DuplicateEntries`.
    private var uniqueIdentifiers = IdentifierRegistry()
    /// Where this part of a document sits in the whole; a part records identifiers instead of comparing them.
    var context = DocumentPart.whole
    /// Every identifier checked, in document order, when `context` defers uniqueness to the whole document.
    private(set) var identifiers: [SeenIdentifier] = []

    /// RSS dates: RFC 822 (RSS 2.0 spec, "All date-times in RSS conform to the Date and Time Specification
    /// of RFC 822"), with the weekday checked against the date.
    mutating func checkRFC822(_ text: String, line: Int, what: String) {
        switch DateSyntax.parseRFC822(text.trimmingWhitespace) {
        case .success(let timestamp):
            checkPlausible(timestamp, text: text, line: line, what: what)
        case .failure(.malformed(let reason)):
            findings.add(.invalidRFC2822Date, line: line, "\(what) \"\(text.prefix(60))\" is not an RFC 822 date: \(reason)")
        case .failure(.wrongWeekday(let named, let actual)):
            findings.add(.incorrectDOW, line: line, "\(what) \"\(text.prefix(60))\" says \(named) but that date is a \(actual)")
        }
    }

    /// Atom and JSON Feed dates: RFC 3339 `date-time` (RFC 4287 section 3.3, JSON Feed 1.1 "dates").
    mutating func checkRFC3339(_ text: String, line: Int, what: String) {
        if let timestamp = DateSyntax.parseRFC3339(text.trimmingWhitespace) {
            checkPlausible(timestamp, text: text, line: line, what: what)
        } else {
            findings.add(
                .invalidRFC3339Date, line: line,
                "\(what) \"\(text.prefix(60))\" is not an RFC 3339 date-time such as 2024-03-05T09:30:00+01:00")
        }
    }

    private mutating func checkPlausible(_ timestamp: Timestamp, text: String, line: Int, what: String) {
        if !DateSyntax.plausibleRange.contains(timestamp.secondsSinceEpoch) {
            findings.add(.implausibleDate, line: line, "\(what) \"\(text.prefix(60))\" is before 1970 or after 2100")
        }
    }

    /// A URL a reader must be able to fetch without a base: RSS links, enclosure and source URLs, JSON Feed
    /// URLs.
    mutating func checkAbsoluteURL(_ value: String, line: Int, what: String) {
        let trimmed = value.trimmingWhitespace
        if trimmed.isEmpty {
            findings.add(.invalidFullLink, line: line, "\(what) is empty; expected an absolute URL")
        } else if !URISyntax.isAbsolute(trimmed) {
            findings.add(.invalidFullLink, line: line, "\(what) \"\(trimmed.prefix(80))\" is not an absolute URL")
        }
    }

    /// Records an entry identifier; a second use is `DuplicateEntries` (readers show one entry, or flip
    /// between the two). A part of a larger document only records it (see `DocumentPart`).
    mutating func checkUnique(identifier: String, line: Int, what: String) {
        let seen = SeenIdentifier(identifier: identifier, line: line, what: what, findingsBefore: findings.findings.count)
        if context.defersUniqueness {
            identifiers.append(seen)
        } else {
            uniqueIdentifiers.check(seen, into: &findings)
        }
    }

    /// C1 control characters (U+0080–U+009F) in text are almost always Windows-1252 bytes decoded as
    /// Latin-1: readers show boxes instead of quotes and dashes.
    mutating func checkCharacters(_ text: String, line: Int, what: String) {
        // UTF-8 of U+0080–U+009F is C2 80 … C2 9F; a byte search is far cheaper than a scalar walk.
        if let byte = ByteSearch.firstC1Control(in: text) {
            findings.add(
                .badCharacters, line: line,
                "\(what) contains the control character U+00\(String(byte, radix: 16, uppercase: true)), "
                    + "probably Windows-1252 text read as ISO-8859-1")
        }
    }

    /// JSON Feed `content_html`: characters, and the same judgement of HTML RSS and Atom content get
    /// (`MarkupText`: NotHtml, SecurityRisk, SecurityRiskAttr, DangerousStyleAttr, ContainsRelRef), shared
    /// through the session with the other documents of a build that carry the same body.
    mutating func checkHTML(_ html: String, line: Int, what: String) {
        checkCharacters(html, line: line, what: what)
        for finding in MarkupText.findings(html: html, session: session) {
            findings.add(finding.rule, line: line, "\(what): \(finding.message)")
        }
    }
}
