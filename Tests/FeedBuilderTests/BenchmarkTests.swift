import FeedBuilder
import FeedModel
import Foundation
import Testing

/// Timing of the full build for 10,000 entries of about 3 KB of HTML; run with `CRIER_BENCHMARK=1`.
/// It prints figures rather than asserting them (machines differ), but checks the output is complete.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CRIER_BENCHMARK"] != nil))
struct BenchmarkTests {
    static func body(_ n: Int) -> String {
        var html = "<h2>Section \(n)</h2>"
        while html.utf8.count < 3000 {
            html +=
                "<p>Paragraph with <a href=\"../\(n)/notes\">a relative link</a>, <em>emphasis</em>, "
                + "an entity&nbsp;or two &mdash; and <img src=\"img/\(n).png\" alt=\"figure\" onclick=\"x()\">.</p>\n"
        }
        return html
    }

    @Test func tenThousandEntries() throws {
        let entries = (1...10_000).map { Fixtures.entry($0, html: Self.body($0)) }
        let clock = ContinuousClock()
        var feed: PreparedFeed?
        let prepare = try clock.measure { feed = try FeedBuilder(description: Fixtures.description()).prepare(entries) }
        let prepared = try #require(feed)
        var sizes: [FeedFormat: Int] = [:]
        var renderTimes: [FeedFormat: Duration] = [:]
        for page in prepared.pages {
            var size = 0
            renderTimes[page.format] = try clock.measure {
                try prepared.render(page) { chunk in size += chunk.count }
            }
            sizes[page.format] = size
        }
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let publisher = FeedPublisher(description: Fixtures.description(formats: [.rss, .atom]), outputDirectory: directory)
        var report: PublishReport?
        let publish = try clock.measure { report = try publisher.publish(entries) }
        let republish = try clock.measure { report = try publisher.publish(entries) }
        #expect(report?.unchanged.count == 2)
        print("BENCHMARK prepare+clean: \(prepare)")
        for format in FeedFormat.allCases {
            print("BENCHMARK render \(format): \(renderTimes[format]!) for \(sizes[format]! / 1_000_000) MB")
        }
        print("BENCHMARK publish rss+atom (prepare, render, validate, write): \(publish); unchanged republish: \(republish)")
    }
}
