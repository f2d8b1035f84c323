import Testing

@testable import Validation

/// Numbers, booleans, enumerations, languages, media types and other simple values are judged as the W3C
/// service judges them (Python's `int()` and `float()` rules included).
@Suite struct SimpleValueRuleTests {
    static var cases: [(ElementHandler, String, String)] {
        [
            (NonNegativeInteger(), "0", ""), (NonNegativeInteger(), "-1", "InvalidNonNegativeInteger"),
            (NonNegativeInteger(), "1_000", ""), (NonNegativeInteger(), "1.5", "InvalidNonNegativeInteger"),
            (PositiveInteger(), "0", "InvalidPositiveInteger"), (PositiveInteger(), "+7", ""),
            (UInt31(), "2147483648", "IntegerOverflow"), (UInt31(), "99999999999999999999999", "IntegerOverflow"),
            (IntegerValue(), "", ""), (IntegerValue(), "-3", ""), (IntegerValue(), "x", "InvalidInteger"),
            (FloatValue(), "12.5", ""), (FloatValue(), "12.", ""), (FloatValue(), ".5", "InvalidFloat"), (FloatValue(), "-1", "InvalidFloat"),
            (Alphanumeric(), "abc123", ""), (Alphanumeric(), "a-b", "InvalidAlphanum"),
            (Percentage(), "100", ""), (Percentage(), "100.1", "InvalidPercentage"), (Percentage(), "nan", ""),
            (Latitude(), "-90", ""), (Latitude(), "90.5", "InvalidLatitude"), (Latitude(), "1e1", ""),
            (Longitude(), "-180.0", ""), (Longitude(), "inf", "InvalidLongitude"),
            (CommaSeparatedIntegers(), "1, 2,3", ""), (CommaSeparatedIntegers(), "1,,2", "InvalidCommaSeparatedIntegers"),
            (YesNo(), "yes", ""), (YesNo(), "Yes", "InvalidYesNo"),
            (TrueFalse(), "TRUE", ""), (TrueFalseStrict(), "TRUE", "InvalidTrueFalse"),
            (DurationValue(), "3600", ""), (DurationValue(), "59:30", ""), (DurationValue(), "1:02:03", ""),
            (DurationValue(), "1:2:3", "InvalidDuration"), (DurationValue(), "1:60", "InvalidDuration"),
            (KeywordList(), "a b c", "InvalidKeywords"), (KeywordList(), "a, b c", ""),
            (FormName(), "_x", ""), (FormName(), "1x", "InvalidFormComponentName"),
            (LanguageCodeValue(), "en-US", ""), (LanguageCodeValue(), "EN", ""), (LanguageCodeValue(), "english", "InvalidLanguage"),
            (LanguageCodeValue(), "en_US", "InvalidLanguage"),
            (CharsetValue(), "utf-8", ""), (CharsetValue(), "latin1", ""), (CharsetValue(), "x-fake", "InvalidEncoding"),
            (MIMEType(), "text/html", ""), (MIMEType(), "text/html; charset=\"utf-8\"", ""), (MIMEType(), "text", "InvalidMIMEType"),
            (MediaRange(), "image/png, image/*;q=0.5", "UndefinedParam"),
            (CountryCode(), "FR", ""), (CountryCode(), "fr", "InvalidCountryCode"), (CurrencyCode(), "EUR", ""),
            (LengthLimitedText(max: 10), "0123456789a", "TooLong"),
            (EnumeratedValue(["a", "b"], rule: .invalidValue), "c", "InvalidValue"),
            (CaseInsensitiveEnumeration(["a", "b"], rule: .invalidValue), "A", ""),
        ]
    }

    @Test(arguments: cases.indices)
    func value(index: Int) {
        let (rule, value, expected) = Self.cases[index]
        #expect(ValueRuleProbe.verdict(rule, value) == expected, "\(type(of: rule)) \"\(value)\"")
    }

    @Test func pythonNumbers() {
        #expect(PythonNumbers.integer(" 12 ") == 12)
        #expect(PythonNumbers.integer("1__0") == nil)
        #expect(PythonNumbers.float("0x10") == nil)
        #expect(PythonNumbers.float("1e3") == 1000)
        #expect(CharacterEncodings.codec(named: "ISO_8859-1:1987") == "iso8859-1")
        #expect(CharacterEncodings.codec(named: "cp-1252") == nil)
    }
}
