// Value rules: handlers that check an element's (or an attribute's) text. Each corresponds to one of the
// W3C Feed Validation Service's value classes, named in its comment.
// (Placeholders: the syntax family fills these in; until then they accept every value.)

/// `xml:base` and other IRI references (service: `xmlbase`).
final class XMLBaseURI: TextValue {}

/// A URI reference, RFC 3986 (service: `rfc2396`).
class URIValue: TextValue {}
/// An IRI reference, RFC 3987 (service: `rfc3987`).
class IRIValue: URIValue {}
/// An absolute URI (service: `rfc2396_full`).
class FullURI: URIValue {}
/// An absolute IRI (service: `rfc3987_full`).
class FullIRI: IRIValue {}
/// An absolute IRI in canonical form (service: `canonicaluri`): `NonCanonicalURI` otherwise.
class CanonicalURI: FullIRI {}
/// An http(s) URL (service: `httpURL`).
class HTTPURL: TextValue {}
/// An `rdf:resource` URI (service: `rdfResourceURI`).
class RDFResourceURI: URIValue {}

/// An RFC 822 date-time as RSS 2.0 uses it (service: `rfc822`).
class RFC822Date: TextValue {}
/// An ISO 8601 date-time, any year (service: `unbounded_iso8601`).
class UnboundedISO8601Date: TextValue {}
/// An ISO 8601 date-time, plausible years (service: `iso8601`).
class ISO8601Date: UnboundedISO8601Date {}
/// A W3C-DTF date-time (service: `w3cdtf`).
class W3CDTFDate: ISO8601Date {}
/// A W3C-DTF date-time, any year (service: `unbounded_w3cdtf`).
class UnboundedW3CDTFDate: W3CDTFDate {}
/// An RFC 3339 date-time, as Atom uses it (service: `rfc3339`).
class RFC3339Date: ISO8601Date {}
/// An ISO 8601 calendar date without time (service: `iso8601_date`).
class ISO8601DayDate: ISO8601Date {}

/// An e-mail addr-spec (service: `addr_spec`).
class AddressSpec: TextValue {}
/// An e-mail address, optionally with a name (service: `email`).
class EmailAddress: AddressSpec {}
/// `email (Real Name)`, as RSS 2.0 author fields want (service: `email_with_name`).
class EmailWithName: EmailAddress {}
/// Text that should not be an e-mail address (service: `nonemail`).
class NonEmail: TextValue {}

/// Escaped HTML that must be safe to show (service: `safeHtml`).
class SafeHTML: TextValue {}
/// Plain text in which HTML is suspicious (service: `nonhtml`).
class NonHTML: TextValue {}
/// HTML markup inside content: checked for unsafe elements and attributes (service: `htmlEater`).
class HTMLEater: Eater {}

/// Integers and numbers (service: `nonNegativeInteger`, `positiveInteger`, `UINT31`, `Integer`, `Float`).
class NonNegativeInteger: TextValue {}
class PositiveInteger: TextValue {}
class UInt31: PositiveInteger {}
class IntegerValue: TextValue {}
class FloatValue: TextValue {}
/// Letters and digits only (service: `alphanumeric`).
class Alphanumeric: TextValue {}
/// A percentage (service: `percentType`).
class Percentage: TextValue {}
/// Latitude and longitude in degrees (service: `latitude`, `longitude`).
class Latitude: TextValue {}
class Longitude: TextValue {}

/// A language code (service: `iso639`).
class LanguageCodeValue: TextValue {}
/// A character set name (service: `Charset`).
class CharsetValue: TextValue {}
/// A MIME type (service: `MimeType`).
class MIMEType: TextValue {}
/// A MIME media range (service: `MediaRange`).
class MediaRange: MIMEType {}
/// `yes` or `no` (service: `yesno`).
class YesNo: TextValue {}
/// `true` or `false`, any case (service: `truefalse`).
class TrueFalse: TextValue {}
/// `true` or `false`, lower case (service: `truefalsestrict`).
class TrueFalseStrict: TextValue {}
/// `H:MM:SS`-style duration (service: `duration`).
class DurationValue: TextValue {}
/// Text of at most `max` characters (service: `lengthLimitedText`).
class LengthLimitedText: NonHTML {
    let max: Int
    init(max: Int) { self.max = max }
}
/// Comma-separated keywords (service: `keywords`).
class KeywordList: TextValue {}
/// Comma-separated integers (service: `commaSeparatedIntegers`).
class CommaSeparatedIntegers: TextValue {}
/// A form component name (service: `formname`).
class FormName: TextValue {}
/// One of a fixed list of values (service: `enumeration`).
class EnumeratedValue: TextValue {
    let allowed: [String]
    let rule: Rule
    init(_ allowed: [String], rule: Rule) {
        self.allowed = allowed
        self.rule = rule
    }
}
/// One of a fixed list of values, any case (service: `caseinsensitive_enumeration`).
class CaseInsensitiveEnumeration: EnumeratedValue {}
/// An ISO 3166 country code (service: `iso3166`).
final class CountryCode: TextValue {}
/// An ISO 4217 currency code (service: `iso4217`).
final class CurrencyCode: TextValue {}
