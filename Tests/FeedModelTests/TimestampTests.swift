import FeedModel
import Testing

@Suite struct TimestampTests {
    @Test func rfc3339KeepsTheOffset() {
        let stamp = Timestamp(CivilTime(year: 2024, month: 3, day: 5, hour: 9, minute: 30), utcOffsetSeconds: 3600)
        #expect(stamp.rfc3339 == "2024-03-05T09:30:00+01:00")
        #expect(stamp.secondsSinceEpoch == 1_709_627_400)
        let utc = Timestamp(secondsSinceEpoch: 0)
        #expect(utc.rfc3339 == "1970-01-01T00:00:00Z")
        let west = Timestamp(CivilTime(year: 2024, month: 1, day: 15, hour: 8), utcOffsetSeconds: -5 * 3600 - 30 * 60)
        #expect(west.rfc3339 == "2024-01-15T08:00:00-05:30")
    }

    @Test func rfc822ComputesTheWeekdayInTheLocalDate() {
        // 23:30 on Monday 2024-03-04 at -05:00 is already Tuesday in UTC; the weekday must be Monday's.
        let stamp = Timestamp(CivilTime(year: 2024, month: 3, day: 4, hour: 23, minute: 30), utcOffsetSeconds: -5 * 3600)
        #expect(stamp.rfc822 == "Mon, 04 Mar 2024 23:30:00 -0500")
        #expect(Timestamp(CivilTime(year: 2000, month: 2, day: 29)).rfc822 == "Tue, 29 Feb 2000 00:00:00 +0000")
    }

    @Test(arguments: [
        (1970, 1, 1, 4), (2000, 2, 29, 2), (2024, 3, 5, 2), (1969, 12, 31, 3), (2100, 3, 1, 1), (1600, 1, 1, 6),
    ])
    func weekdays(year: Int, month: Int, day: Int, weekday: Int) {
        #expect(CivilTime(year: year, month: month, day: day).weekday == weekday)
    }

    @Test func civilDaysRoundTrip() {
        for days in stride(from: Int64(-800_000), through: 800_000, by: 997) {
            let civil = CivilTime(daysSinceEpoch: days)
            #expect(civil.isValid)
            #expect(civil.daysSinceEpoch == days)
        }
    }

    @Test func invalidDatesAreRecognised() {
        #expect(!CivilTime(year: 2024, month: 13, day: 45).isValid)
        #expect(!CivilTime(year: 2023, month: 2, day: 29).isValid)
        #expect(CivilTime(year: 2024, month: 2, day: 29).isValid)
        #expect(!CivilTime(year: 1900, month: 2, day: 29).isValid)
        #expect(!CivilTime(year: 2024, month: 1, day: 1, hour: 24).isValid)
    }

    @Test func orderingIgnoresTheOffset() {
        let paris = Timestamp(CivilTime(year: 2024, month: 6, day: 1, hour: 12), utcOffsetSeconds: 7200)
        let london = Timestamp(CivilTime(year: 2024, month: 6, day: 1, hour: 11), utcOffsetSeconds: 3600)
        #expect(!(paris < london) && !(london < paris))
        #expect(paris.localCivilTime.hour == 12 && london.localCivilTime.hour == 11)
    }
}
