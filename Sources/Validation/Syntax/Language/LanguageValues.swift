/// Language tags (`xml:lang`, RSS `language`, `dc:language`), checked as the W3C service checks them: the
/// primary subtag, before the first `-`, must be an ISO 639 code (RFC 3066 section 2.1, which RSS 2.0 and
/// XML 1.0 section 2.12 refer to); later subtags are not checked.
enum LanguageCode {
    /// Logs `InvalidLanguage` on `handler` when `value` is not a language tag the service accepts.
    static func check(_ value: String, attribute: String, element: String, in handler: ElementHandler) {
        if !isKnown(value) {
            handler.log(
                .invalidLanguage,
                "\(attribute) of \(element) must be a language code such as en or fr-CA, not "
                    + "\"\(value.prefix(40))\"")
        }
    }

    /// Whether the primary subtag is an ISO 639 code, in any case.
    static func isKnown(_ value: String) -> Bool {
        let primary = value.firstIndex(of: "-").map { value[..<$0] } ?? value[...]
        return LanguageCodes.known.contains(primary.lowercased())
    }
}

/// An element holding a language tag (service: `iso639`): `InvalidLanguage`.
class LanguageCodeValue: TextValue {
    override func validate() {
        LanguageCode.check(value, attribute: name, element: parentName, in: self)
    }
}
