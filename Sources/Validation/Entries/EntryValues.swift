public import FeedModel

/// Judges the values an entry carries into a feed exactly as its author wrote them (an `id`, a `lang`, an
/// author's e-mail address or web address), before any feed is rendered.
///
/// Crier makes everything else in an entry itself (titles, dates, links resolved against the site, cleaned
/// HTML), so these are the only places where one article's typo can make a feed invalid. Checked at the end,
/// with the whole document, such a typo would fail every feed of the site and name a line of `atom.xml`;
/// checked here, it fails one article and names its file. The checks are the ones the document check applies
/// to the same values (Atom's, the strictest of the three formats: RFC 4287 sections 3.2 and 4.2.6, and
/// `xml:lang`), so an entry that passes here draws no finding for them there.
public enum EntryValues {
    /// What is wrong with `entry`'s verbatim values: errors, which would make every feed holding it invalid,
    /// and warnings, which the W3C service would show to anyone checking the feeds. Empty for a clean entry.
    /// Findings carry no line: the caller names the article's file.
    public static func problems(in entry: Entry) -> [Finding] {
        var problems: [Finding] = []
        problems += identifierProblems(entry.id)
        if let language = entry.language, !LanguageCode.isKnown(language) {
            problems.append(
                finding(.invalidLanguage, "lang \"\(language.prefix(40))\" is not a language code such as en or fr-CA"))
        }
        for author in entry.authors {
            if let email = author.email { problems += emailProblems(email) }
            if let uri = author.uri { problems += webAddressProblems(uri) }
        }
        return problems
    }

    /// An entry's id is an absolute IRI, compared by readers as text, so it should be in canonical form
    /// (the Atom `id` rules: `InvalidFullLink`, `InvalidTAG`, `InvalidUUID`, `NonCanonicalURI`...).
    private static func identifierProblems(_ id: String) -> [Finding] {
        if let (rule, message) = URICheck.problem(id, shape: .absolute, rule: .invalidFullLink, what: "id") {
            return [finding(rule, message)]
        }
        if let canonical = URICanonicalForm.canonical(id), canonical != id {
            return [finding(.nonCanonicalURI, "id \"\(id.prefix(80))\" is not in canonical form; write \"\(canonical.prefix(80))\"")]
        }
        return []
    }

    private static func emailProblems(_ address: String) -> [Finding] {
        switch EmailText.classify(address) {
        case .valid:
            []
        case .unusualHost:
            [finding(.unknownHost, "author e-mail \"\(address.prefix(80))\" names a host that may not exist")]
        case .invalid:
            [finding(.invalidAddrSpec, "author e-mail must be an address such as jane@example.com, not \"\(address.prefix(80))\"")]
        }
    }

    /// An author's web address is an IRI: converted to ASCII first (RFC 3987 section 3.1), then checked as a URI.
    private static func webAddressProblems(_ uri: String) -> [Finding] {
        let ascii = uri.isEmpty ? uri : (IDNA.toASCII(uri) ?? uri)
        guard let (rule, message) = URICheck.problem(ascii, shape: .reference, rule: .invalidIRI, what: "author uri") else {
            return []
        }
        return [finding(rule, message)]
    }

    private static func finding(_ rule: Rule, _ message: String) -> Finding {
        Finding(severity: rule.severity, rule: rule.name, message: message)
    }
}
