import FeedModel
import Testing

@testable import Validation

@Suite struct DateSyntaxTests {
    @Test func parsesRFC822WithNumericZone() throws {
        let timestamp = try DateSyntax.parseRFC822("Tue, 05 Mar 2024 09:30:00 +0100").get()
        #expect(timestamp.secondsSinceEpoch == Timestamp(CivilTime(year: 2024, month: 3, day: 5, hour: 8, minute: 30)).secondsSinceEpoch)
        #expect(timestamp.utcOffsetSeconds == 3600)
    }

    @Test(arguments: [
        "05 Mar 2024 09:30:00 GMT", "Tue, 5 Mar 2024 09:30 EST", "Tue, 05 Mar 24 09:30:00 Z", "Tue,05 Mar 2024 09:30:00 UT",
    ])
    func acceptsRFC822Variants(text: String) {
        #expect((try? DateSyntax.parseRFC822(text).get()) != nil)
    }

    @Test(arguments: [
        "2024-03-05T09:30:00Z", "Tue, 05 March 2024 09:30:00 GMT", "Tue, 30 Feb 2024 09:30:00 GMT",
        "Tue, 05 Mar 2024 25:30:00 GMT", "Tue, 05 Mar 2024 09:30:00 CET", "Tue, 05 Mar 2024 09:30:00", "",
        "Tuesday, 05 Mar 2024 09:30:00 GMT",
    ])
    func rejectsMalformedRFC822(text: String) {
        guard case .failure(.malformed) = DateSyntax.parseRFC822(text) else {
            Issue.record("accepted \(text)")
            return
        }
    }

    @Test func reportsAWeekdayThatDoesNotMatch() {
        #expect(DateSyntax.parseRFC822("Wed, 05 Mar 2024 09:30:00 GMT") == .failure(.wrongWeekday(named: "Wed", actual: "Tue")))
        // 29 Feb 2024 was a Thursday: leap days count.
        #expect((try? DateSyntax.parseRFC822("Thu, 29 Feb 2024 00:00:00 GMT").get()) != nil)
    }

    @Test func parsesRFC3339() {
        let timestamp = DateSyntax.parseRFC3339("2024-03-05T09:30:00.123+01:00")
        #expect(timestamp == Timestamp(CivilTime(year: 2024, month: 3, day: 5, hour: 9, minute: 30), utcOffsetSeconds: 3600))
        #expect(DateSyntax.parseRFC3339("2024-03-05t09:30:00z") != nil)
        #expect(DateSyntax.parseRFC3339("2016-12-31T23:59:60Z") != nil)
    }

    @Test(arguments: [
        "2024-03-05", "2024-03-05T09:30:00", "2024-03-05 09:30:00Z", "2024-02-30T00:00:00Z", "2024-03-05T09:30Z",
        "2024-03-05T09:30:00+0100", "2024-03-05T09:30:00.Z", "2024-03-05T09:30:00Z ", "24-03-05T09:30:00Z",
    ])
    func rejectsMalformedRFC3339(text: String) {
        #expect(DateSyntax.parseRFC3339(text) == nil)
    }

    @Test func plausibleRangeIsFixedNotTheClock() {
        #expect(DateSyntax.plausibleRange.contains(0))
        #expect(!DateSyntax.plausibleRange.contains(-1))
        let lastSecondOf2100 = CivilTime(year: 2100, month: 12, day: 31, hour: 23, minute: 59, second: 59)
        #expect(DateSyntax.plausibleRange.upperBound == lastSecondOf2100.secondsSinceEpoch(utcOffsetSeconds: 0))
    }
}
