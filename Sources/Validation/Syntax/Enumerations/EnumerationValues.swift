// Enumerated value rules (service: `yesno`, `truefalse`, `truefalsestrict`, `enumeration`,
// `caseinsensitive_enumeration`, `iso3166`, `iso4217`).

/// `yes` or `no`, exactly, white space included (service: `yesno`): `InvalidYesNo`.
class YesNo: TextValue {
    override func normalizeWhitespace() {}

    override func validate() {
        if value != "yes" && value != "no" {
            log(.invalidYesNo, "\(name) must be yes or no, not \"\(value.prefix(40))\"")
        }
    }
}

/// `true` or `false` in any case, white space included (service: `truefalse`): `InvalidTrueFalse`.
class TrueFalse: TextValue {
    override func normalizeWhitespace() {}

    override func validate() {
        let lowered = value.lowercased()
        if lowered != "true" && lowered != "false" {
            log(.invalidTrueFalse, "\(name) must be true or false, not \"\(value.prefix(40))\"")
        }
    }
}

/// `true` or `false` in lower case (service: `truefalsestrict`): `InvalidTrueFalse`.
class TrueFalseStrict: TextValue {
    override func normalizeWhitespace() {}

    override func validate() {
        if value != "true" && value != "false" {
            log(.invalidTrueFalse, "\(name) must be true or false in lower case, not \"\(value.prefix(40))\"")
        }
    }
}

/// One of a fixed list of values (service: `enumeration`): the rule given otherwise.
class EnumeratedValue: TextValue {
    let allowed: [String]
    let rule: Rule

    init(_ allowed: [String], rule: Rule) {
        self.allowed = allowed
        self.rule = rule
    }

    override func validate() {
        checkMember(value)
    }

    /// Logs the rule when `candidate` is not one of the allowed values.
    func checkMember(_ candidate: String) {
        if !allowed.contains(candidate) {
            let choices = allowed.count <= 8 ? ": one of " + allowed.joined(separator: ", ") : ""
            log(rule, "\(name) \"\(candidate.prefix(40))\" is not an allowed value\(choices)")
        }
    }
}

/// One of a fixed list of lower-case values, in any case (service: `caseinsensitive_enumeration`).
class CaseInsensitiveEnumeration: EnumeratedValue {
    override func validate() {
        value = value.lowercased()
        checkMember(value)
    }
}

/// An ISO 3166 country code in capitals (service: `iso3166`): `InvalidCountryCode`.
final class CountryCode: TextValue {
    override func validate() {
        if !CountryCurrencyCodes.countries.contains(value) {
            log(.invalidCountryCode, "\(name) must be an ISO 3166 country code such as US or FR, not \"\(value.prefix(40))\"")
        }
    }
}

/// An ISO 4217 currency code in capitals (service: `iso4217`): `InvalidCurrencyUnit`.
final class CurrencyCode: TextValue {
    override func validate() {
        if !CountryCurrencyCodes.currencies.contains(value) {
            log(.invalidCurrencyUnit, "\(name) must be an ISO 4217 currency code such as USD or EUR, not \"\(value.prefix(40))\"")
        }
    }
}
