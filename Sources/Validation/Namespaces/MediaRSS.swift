/// Media RSS (`http://search.yahoo.com/mrss/`, Media RSS Specification 1.5.1): media files of an item
/// (`media:content`, alternatives in `media:group`) and the metadata that may sit on the item, the channel,
/// a group or a content (title, credits, ratings, thumbnails, restrictions...).
enum MediaRSS {
    /// `media:` elements of a channel, item, feed or entry.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        if element.scope.contains(.item) {
            switch element.local {
            case "group": return [MediaGroup()]
            case "content": return [MediaContent()]
            default: break
            }
        }
        guard element.scope.contains(.media) else { return nil }
        switch element.local {
        case "adult":
            // Section 5.6 replaced media:adult with media:rating.
            element.log(.deprecatedMediaAdult, "media:adult is deprecated; use <media:rating scheme=\"urn:simple\">adult</media:rating>")
            return [TrueFalse(), NoDuplicates()]
        case "category": return [MediaCategory()]
        case "copyright": return [MediaCopyright(), NoDuplicates()]
        case "credit": return [MediaCredit()]
        case "description", "title": return [MediaTitle(), NoDuplicates()]
        case "keywords": return [TextValue()]
        case "hash": return [MediaHash()]
        case "player": return [MediaPlayer()]
        case "rating": return [MediaRating()]
        case "restriction": return [MediaRestriction()]
        case "text": return [MediaText()]
        case "thumbnail": return [MediaThumbnail()]
        default: return nil
        }
    }

    /// Whether a time is in Normal Play Time (RFC 2326 section 3.6) as the service reads it: `now`, or
    /// anything that starts with seconds or `h:mm:ss`.
    static func isPlayTime(_ time: String) -> Bool {
        time.hasPrefix("now") || ExtensionSyntax.startsWithNumber(time[...])
    }

    /// Checks a `type="plain|html"` attribute (sections 5.4, 5.10); true when it says `html`.
    static func checkTextType(of handler: ElementHandler) -> Bool {
        guard let type = handler.nonEmptyAttribute("type") else { return false }
        if type != "plain", type != "html" {
            handler.log(.invalidMediaTextType, "type of \(handler.name) must be plain or html, not \"\(type)\"")
        }
        return type == "html"
    }
}

/// `media:title` and `media:description` (section 5.4): plain text unless `type="html"`; markup in plain text
/// is `ContainsUndeclaredHTML`.
final class MediaTitle: NonHTML {
    private var isHTML = false

    override var expectedAttributes: [AttributeName]? { (super.expectedAttributes ?? []) + [AttributeName("type")] }

    override func prevalidate() {
        super.prevalidate()
        isHTML = MediaRSS.checkTextType(of: self)
    }

    override func log(_ rule: Rule, _ message: String) {
        super.log(rule == .containsHTML ? .containsUndeclaredHTML : rule, message)
    }

    override func validate() {
        if isHTML { validateOwnValue(with: SafeHTML()) } else { super.validate() }
    }
}

/// `media:text` (section 5.10): a transcript line, with a type like `media:title`, and start and end times.
final class MediaText: NonHTML {
    private var isHTML = false

    override var expectedAttributes: [AttributeName]? {
        (super.expectedAttributes ?? []) + ["end", "lang", "start", "type"].map { AttributeName($0) }
    }

    override func prevalidate() {
        super.prevalidate()
        isHTML = MediaRSS.checkTextType(of: self)
        for bound in ["start", "end"] {
            if let time = nonEmptyAttribute(bound), !MediaRSS.isPlayTime(time) {
                log(.invalidNPTTime, "\(bound) of \(name) must be a Normal Play Time (seconds or h:mm:ss), not \"\(time)\"")
            }
        }
        if let language = nonEmptyAttribute("lang") {
            LanguageCode.check(language, attribute: "lang", element: name, in: self)
        }
    }

    override func log(_ rule: Rule, _ message: String) {
        super.log(rule == .containsHTML ? .containsUndeclaredHTML : rule, message)
    }

    override func validate() {
        if isHTML { validateOwnValue(with: SafeHTML()) } else { super.validate() }
    }
}

/// `media:category` (section 5.7): a plain-text category, a label, and a scheme URI.
final class MediaCategory: NonHTML {
    override var expectedAttributes: [AttributeName]? { [AttributeName("label"), AttributeName("scheme")] }

    override func prevalidate() {
        super.prevalidate()
        if nonEmptyAttribute("label") != nil { validateAttribute("label", with: NonHTML()) }
        if nonEmptyAttribute("scheme") != nil { validateAttribute("scheme", with: FullURI()) }
    }
}

/// `media:copyright` (section 5.9): a plain-text notice and a URL for the terms.
final class MediaCopyright: NonHTML {
    override var expectedAttributes: [AttributeName]? { [AttributeName("url")] }

    override func prevalidate() {
        super.prevalidate()
        if nonEmptyAttribute("url") != nil { validateAttribute("url", with: FullURI()) }
    }
}

/// `media:credit` (section 5.5): who took part, with a role from the EBU role codes (the default scheme,
/// `urn:ebu`) or a lower-case role of another scheme.
final class MediaCredit: TextValue {
    /// EBU role codes (EBU Tech 3293, "Role" classification), as role names.
    static let ebuRoles: Set<String> = [
        "actor", "adaptor", "anchor person", "animal trainer", "animator", "announcer", "armourer", "art director",
        "artist/performer", "assistant camera", "assistant chief lighting technician", "assistant director",
        "assistant producer", "assistant visual editor", "author", "broadcast assistant", "broadcast journalist",
        "camera operator", "carpenter", "casting", "causeur", "chief lighting technician", "choir", "choreographer",
        "clapper loader", "commentary or commentator", "commissioning broadcaster", "composer", "computer programmer",
        "conductor", "consultant", "continuity checker", "correspondent", "costume designer", "dancer", "dialogue coach",
        "director", "director of photography", "distribution company", "draughtsman", "dresser", "dubber",
        "editor/producer", "editor", "ensemble", "executive producer", "expert", "fight director", "floor manager",
        "focus puller", "foley artist", "foley editor", "foley mixer", "graphic assistant", "graphic designer", "greensman",
        "grip", "hairdresser", "illustrator", "interviewed guest", "interviewer", "key character", "key grip", "key talents",
        "leadman", "librettist", "lighting director", "lighting technician", "location manager", "lyricist",
        "make up artist", "manufacturer", "matte artist", "music arranger", "music group", "musician", "news reader",
        "orchestra", "participant", "photographer", "post", "producer", "production assistant", "production company",
        "production department", "production manager", "production secretary", "programme production researcher",
        "property manager", "publishing company", "puppeteer", "pyrotechnician", "reporter", "rigger", "runner", "scenario",
        "scenic operative", "script supervisor", "second assistant camera", "second assistant director",
        "second unit director", "set designer", "set dresser", "sign language", "singer", "sound designer", "sound mixer",
        "sound recordist", "special effects", "stunts", "subtitles", "technical director", "term", "translation",
        "transportation manager", "treatment/programme proposal", "vision mixer", "visual editor", "visual effects",
        "wardrobe", "witness",
        // Short forms the Media RSS examples use.
        "artist", "performer", "treatment", "treatment proposal", "programme proposal",
    ]

    override var expectedAttributes: [AttributeName]? { [AttributeName("role"), AttributeName("scheme")] }

    override func prevalidate() {
        let scheme = nonEmptyAttribute("scheme") ?? "urn:ebu"
        if let role = nonEmptyAttribute("role") {
            if scheme == "urn:ebu", !Self.ebuRoles.contains(role) {
                log(.invalidCreditRole, "\"\(role)\" is not an EBU role code (role of \(name))")
            } else if role != role.lowercased() {
                log(.invalidCreditRole, "role of \(name) must be lower case, not \"\(role)\"")
            }
        }
        if scheme != "urn:ebu" { validateValue(scheme, named: "scheme", with: FullURI()) }
    }
}

/// `media:hash` (section 5.11): an MD5 (32 hexadecimal digits, the default) or SHA-1 (40) of the file.
final class MediaHash: TextValue {
    private var algorithm: String?

    override var expectedAttributes: [AttributeName]? { [AttributeName("algo")] }

    override func prevalidate() {
        algorithm = nonEmptyAttribute("algo")
        if let algorithm, algorithm != "md5", algorithm != "sha-1" {
            log(.invalidMediaHash, "algo of \(name) must be md5 or sha-1, not \"\(algorithm)\"")
        }
    }

    override func validate() {
        guard !value.isEmpty, value.unicodeScalars.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else {
            log(.invalidMediaHash, "\(name) must be letters and digits, not \"\(value.prefix(80))\"")
            return
        }
        let expected = algorithm == "sha-1" ? 40 : 32
        if value.unicodeScalars.count != expected {
            log(.invalidMediaHash, "a \(algorithm ?? "md5") \(name) has \(expected) characters, not \(value.unicodeScalars.count)")
        }
    }
}

/// `media:rating` (section 5.6): a rating in the scheme named, `urn:simple` (adult/nonadult) by default; the
/// MPAA, V-chip and ICRA schemes have their own values, any other scheme must be a URI.
final class MediaRating: TextValue {
    /// MPAA film ratings (`urn:mpaa`), lower case.
    static let mpaa: Set<String> = ["g", "m", "nc-17", "pg", "pg-13", "r", "x"]
    /// US TV Parental Guidelines ratings (`urn:v-chip`), lower case.
    static let vChip: Set<String> = ["14+", "18+", "c", "c8", "g", "pg", "tv-14", "tv-g", "tv-ma", "tv-pg", "tv-y", "tv-y7", "tv-y7-fv"]

    override var expectedAttributes: [AttributeName]? { [AttributeName("scheme")] }

    override func validate() {
        let scheme = nonEmptyAttribute("scheme") ?? "urn:simple"
        let valid: Bool
        switch scheme {
        case "urn:simple": valid = value == "adult" || value == "nonadult"
        case "urn:mpaa": valid = Self.mpaa.contains(value)
        case "urn:v-chip": valid = Self.vChip.contains(value)
        case "urn:icra": valid = Self.isICRALabel(value)
        default:
            validateValue(scheme, named: "scheme", with: FullURI())
            return
        }
        if !valid { log(.invalidMediaRating, "\"\(value.prefix(80))\" is not a rating of the \(scheme) scheme") }
    }

    /// An ICRA label as Media RSS shows it: `r (cz 1 lz 1 nz 1 oz 1 vz 1)`, each code a category letter and
    /// level (`nz 0`, `na 1`...).
    static func isICRALabel(_ label: String) -> Bool {
        guard label.hasPrefix("r ("), label.hasSuffix(")") else { return false }
        let codes = label.dropFirst(3).dropLast().split(separator: " ", omittingEmptySubsequences: false)
        guard !codes.isEmpty, codes.count % 2 == 0 else { return false }
        var index = codes.startIndex
        while index < codes.endIndex {
            let code = Array(codes[index].unicodeScalars)
            let level = codes[index + 1]
            guard code.count == 2 else { return false }
            let levels: ClosedRange<Unicode.Scalar>? =
                switch code[0] {
                case "n": "a"..."c"
                case "s": "a"..."f"
                case "v": "a"..."j"
                case "l": "a"..."c"
                case "o": "a"..."h"
                case "c": "a"..."b"
                case "x": "a"..."e"
                default: nil
                }
            guard let levels else { return false }
            if code[1] == "z" {
                guard level == "0" || level == "1" else { return false }
            } else {
                guard levels.contains(code[1]), level == "1" else { return false }
            }
            index += 2
        }
        return true
    }
}

/// `media:restriction` (section 5.14): where the media may (`allow`) or may not (`deny`) be played, by
/// country codes, URIs, or `all`/`none`.
final class MediaRestriction: TextValue {
    override var expectedAttributes: [AttributeName]? { [AttributeName("relationship"), AttributeName("type")] }

    override func validate() {
        if let relationship = nonEmptyAttribute("relationship") {
            if relationship != "allow", relationship != "deny" {
                log(.invalidMediaRestrictionRel, "relationship of \(name) must be allow or deny, not \"\(relationship)\"")
            }
        } else {
            log(.missingAttribute, "\(name) must have a relationship attribute")
        }
        switch nonEmptyAttribute("type") {
        case nil:
            if !value.isEmpty, value != "all", value != "none" {
                log(.invalidMediaRestriction, "without a type, \(name) must be all or none, not \"\(value.prefix(80))\"")
            }
        case "country":
            // ISO 3166 codes separated by single spaces.
            for code in value.uppercased().split(separator: " ", omittingEmptySubsequences: false) {
                validateValue(String(code), named: "country", with: CountryCode())
            }
        case "uri":
            validateOwnValue(with: FullURI())
        case let type?:
            log(.invalidMediaRestrictionType, "type of \(name) must be country or uri, not \"\(type)\"")
        }
    }
}

/// `media:player` (section 5.8): a web page that plays the media, with its size.
final class MediaPlayer: ElementHandler {
    override var expectedAttributes: [AttributeName]? { ["height", "url", "width"].map { AttributeName($0) } }

    override func validate() {
        if nonEmptyAttribute("url") != nil {
            validateAttribute("url", with: FullURI())
        } else {
            log(.missingAttribute, "\(name) must have a url attribute")
        }
        for size in ["height", "width"] where nonEmptyAttribute(size) != nil {
            validateAttribute(size, with: PositiveInteger())
        }
    }
}

/// `media:thumbnail` (section 5.9): an image for the media, its size, and the time in the media it shows.
final class MediaThumbnail: TextValue {
    override var expectedAttributes: [AttributeName]? { ["height", "time", "url", "width"].map { AttributeName($0) } }

    override func validate() {
        if let time = nonEmptyAttribute("time"), !MediaRSS.isPlayTime(time) {
            log(.invalidNPTTime, "time of \(name) must be a Normal Play Time (seconds or h:mm:ss), not \"\(time)\"")
        }
        if nonEmptyAttribute("url") != nil {
            validateAttribute("url", with: FullURI())
        } else {
            log(.missingAttribute, "\(name) must have a url attribute")
        }
        for size in ["height", "width"] where nonEmptyAttribute(size) != nil {
            validateAttribute(size, with: PositiveInteger())
        }
    }
}

/// `media:content` (section 5.2): one media file, described by its attributes, with the optional metadata
/// elements and the Dublin Core and other elements allowed anywhere.
final class MediaContent: ElementHandler {
    /// Values of `expression` (section 5.2).
    static let expressions: Set<String> = ["sample", "full", "nonstop"]
    /// Values of `medium` (section 5.2).
    static let media: Set<String> = ["image", "audio", "video", "document", "executable"]

    override var expectedAttributes: [AttributeName]? {
        [
            "bitrate", "channels", "duration", "expression", "fileSize", "framerate", "height", "isDefault", "lang", "medium",
            "samplingrate", "type", "url", "width",
        ].map { AttributeName($0) }
    }

    override func child(_ name: String) -> [ElementHandler]? {
        ExtensionElements.handlers(for: name, scope: [.everywhere, .media], parent: self)
    }

    override func validate() {
        for rate in ["bitrate", "duration", "framerate", "samplingrate"] {
            if let number = nonEmptyAttribute(rate), !ExtensionSyntax.startsWithNumber(number[...]) {
                log(.invalidFloat, "\(rate) of \(name) must be a number, not \"\(number)\"")
            }
        }
        if nonEmptyAttribute("channels") != nil { validateAttribute("channels", with: NonNegativeInteger()) }
        if let expression = nonEmptyAttribute("expression"), !Self.expressions.contains(expression) {
            log(.invalidMediaExpression, "expression of \(name) must be sample, full or nonstop, not \"\(expression)\"")
        }
        for size in ["fileSize", "height"] where nonEmptyAttribute(size) != nil {
            validateAttribute(size, with: PositiveInteger())
        }
        if nonEmptyAttribute("isDefault") != nil { validateAttribute("isDefault", with: TrueFalse()) }
        if let language = nonEmptyAttribute("lang") { LanguageCode.check(language, attribute: "lang", element: name, in: self) }
        if let medium = nonEmptyAttribute("medium"), !Self.media.contains(medium) {
            log(.invalidMediaMedium, "medium of \(name) must be image, audio, video, document or executable, not \"\(medium)\"")
        }
        if let type = nonEmptyAttribute("type"), !MIMEType.isValid(type) {
            log(.invalidMIMEAttribute, "type of \(name) is not a MIME type: \"\(type)\"")
        }
        if nonEmptyAttribute("url") != nil { validateAttribute("url", with: FullURI()) }
        if nonEmptyAttribute("width") != nil { validateAttribute("width", with: PositiveInteger()) }
    }
}

/// `media:group` (section 5.1): versions of the same media (sizes, formats), so it holds two `media:content`s
/// or more.
final class MediaGroup: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? {
        name == "media:content" ? [MediaContent()] : ExtensionElements.handlers(for: name, scope: .media, parent: self)
    }

    override func validate() {
        if children.lazy.filter({ $0 == "media:content" }).count < 2 {
            log(.mediaGroupWithoutAlternatives, "\(name) holds fewer than two media:content: it groups no alternatives")
        }
    }
}
