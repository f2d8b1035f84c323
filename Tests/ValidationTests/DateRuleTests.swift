import FeedModel
import Testing

@testable import Validation

/// RFC 822 and ISO 8601 date rules judge values as the W3C service does.
@Suite struct DateRuleTests {
    @Test(arguments: [
        ("Tue, 05 Mar 2024 09:30:00 +0100", ""),
        ("5 Mar 2024 09:30 GMT", ""),
        ("Tue, 05 Mar 2024 09:30:00 -0000", ""),
        ("Mon, 05 Mar 2024 09:30:00 GMT", "IncorrectDOW"),
        ("Tue, 31 Feb 2024 09:30:00 GMT", "InvalidRFC2822Date"),
        ("tue, 05 mar 2024 09:30:00 gmt", "ProblematicalRFC822Date"),
        ("Tue, 05 Mar 24 09:30:00 GMT", "ProblematicalRFC822Date"),
        ("Tue, 05 Mar 2024 09:30:00 (comment) EST", "ProblematicalRFC822Date"),
        ("Tue, 05 Mar 2024 09:30:00 A", "ProblematicalRFC822Date"),
        ("Tue, 05 Mar 2024 09:30:00", "InvalidRFC2822Date"),
        ("2024-03-05T09:30:00Z", "InvalidRFC2822Date"),
        ("Tuesday, 05 March 2024", "InvalidRFC2822Date"),
        ("Sun, 05 Mar 1989 09:30:00 GMT", "ImplausibleDate"),
    ])
    func rfc822(value: String, expected: String) {
        #expect(ValueRuleProbe.verdict(RFC822Date(), value) == expected, "\(value)")
    }

    @Test func aDateInTheFutureIsImplausibleOnlyWithAClock() {
        let now = Timestamp(CivilTime(year: 2024, month: 3, day: 5))
        #expect(ValueRuleProbe.rules(RFC822Date(), "Tue, 05 Mar 2030 09:30:00 GMT", now: now) == ["ImplausibleDate"])
        #expect(ValueRuleProbe.rules(RFC822Date(), "Tue, 05 Mar 2030 09:30:00 GMT").isEmpty)
        #expect(ValueRuleProbe.rules(RFC3339Date(), "2030-03-05T09:30:00Z", now: now) == ["ImplausibleDate"])
        #expect(ValueRuleProbe.rules(RFC3339Date(), "2024-03-05T09:30:00Z", now: now).isEmpty)
    }

    @Test(arguments: [
        ("2024-03-05T09:30:00Z", ""),
        ("2024-03-05T09:30:00.123+01:00", ""),
        ("2024-03-05T09:30:00.+01:00", ""),
        ("2024-03-05T09:30Z", "InvalidRFC3339Date"),
        ("2024-03-05", "InvalidRFC3339Date"),
        ("2024-03-05 09:30:00Z", "InvalidRFC3339Date"),
        ("2024-03-05t09:30:00z", "InvalidRFC3339Date"),
        ("2024-02-30T09:30:00Z", "InvalidRFC3339Date"),
        ("2024-03-05T24:00:00Z", "InvalidRFC3339Date"),
        ("2024-03-05T23:60:60Z", ""),
        ("1985-03-05T09:30:00Z", "ImplausibleDate"),
    ])
    func rfc3339(value: String, expected: String) {
        #expect(ValueRuleProbe.verdict(RFC3339Date(), value) == expected, "\(value)")
    }

    @Test(arguments: [
        ("2024", ""),
        ("2024-13", ""),
        ("2024-03-05", ""),
        ("2024-03-05T09:30Z", ""),
        ("2024-03-05T09:30", "InvalidW3CDTFDate"),
        ("2024-3-5", "InvalidW3CDTFDate"),
        ("05/03/2024", "InvalidW3CDTFDate"),
    ])
    func w3cdtf(value: String, expected: String) {
        #expect(ValueRuleProbe.verdict(W3CDTFDate(), value) == expected, "\(value)")
    }

    @Test func isoProfiles() {
        #expect(ValueRuleProbe.verdict(ISO8601Date(), "2024-03-05T09:30") == "")
        #expect(ValueRuleProbe.verdict(ISO8601Date(), "2024-03-05T09") == "InvalidISO8601DateTime")
        #expect(ValueRuleProbe.verdict(ISO8601DayDate(), "2024-03-05") == "")
        #expect(ValueRuleProbe.verdict(ISO8601DayDate(), "2024-03-05T09:30Z") == "InvalidISO8601Date")
        // The service's unbounded W3C-DTF class never reaches its checks.
        #expect(ValueRuleProbe.verdict(UnboundedW3CDTFDate(), "garbage") == "")
        #expect(ValueRuleProbe.verdict(UnboundedISO8601Date(), "0900-01-01") == "")
    }
}
