import FeedModel
import Testing

@testable import Ingest

@Suite struct DateTextTests {
    @Test(arguments: [
        ("2024-03-05", "2024-03-05T00:00:00+01:00"),
        ("2024-03-05 09:30", "2024-03-05T09:30:00+01:00"),
        ("2024-03-05T09:30:00", "2024-03-05T09:30:00+01:00"),
        ("2024-03-05T09:30:00Z", "2024-03-05T09:30:00Z"),
        ("2024-03-05T09:30:00.250-05:00", "2024-03-05T09:30:00-05:00"),
        ("2024-03-05 09:30:00 +0530", "2024-03-05T09:30:00+05:30"),
        ("Tue, 05 Mar 2024 09:30:00 +0100", "2024-03-05T09:30:00+01:00"),
        ("5 Mar 2024 09:30 GMT", "2024-03-05T09:30:00Z"),
        ("Tue, 05 Mar 2024 09:30:00 EST", "2024-03-05T09:30:00-05:00"),
        ("2024-07-01 12:00", "2024-07-01T12:00:00+02:00"),
    ])
    func accepted(text: String, expected: String) throws {
        let paris = try #require(ZoneSetting("Europe/Paris"))
        #expect(DateText.parse(text, zone: paris)?.rfc3339 == expected)
    }

    @Test(arguments: ["2024-13-45", "2023-02-29", "2024-03-05T25:00", "yesterday", "2024-3-5", "05 Foo 2024", "2024-03-05T09:30:00+25:00", ""])
    func rejected(text: String) {
        #expect(DateText.parse(text, zone: .utc) == nil)
    }

    @Test func keepsTheWrittenInstant() {
        let timestamp = DateText.parse("2024-03-05T09:30:00+01:00", zone: .utc)
        #expect(timestamp?.secondsSinceEpoch == 1_709_627_400)
        #expect(timestamp?.utcOffsetSeconds == 3600)
    }
}
