import CrierTestHelpers
import Daemon
import Foundation
import Logging
import Testing

@Suite("WebSub hub notification")
struct HubNotifierTests {
    let fast = HubNotifier.Policy(
        maximumAttempts: 3, initialDelay: .milliseconds(100), maximumDelay: .seconds(1), requestTimeout: .seconds(10))

    @Test("A publish ping is a form POST naming the feed")
    func pingFormat() async throws {
        let hub = try RecordingHub()
        defer { hub.stop() }
        let notifier = HubNotifier(policy: fast, logger: quietLogger)
        notifier.publish(["https://example.org/feed.xml?a=1&b=2"], to: ["http://127.0.0.1:\(hub.port)/hub"])
        await notifier.waitUntilIdle()
        let request = try #require(hub.requests.first)
        #expect(hub.requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.path == "/hub")
        #expect(request.headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(request.body == "hub.mode=publish&hub.url=https%3A%2F%2Fexample.org%2Ffeed.xml%3Fa%3D1%26b%3D2")
    }

    @Test("Every hub hears about every feed")
    func everyHubEveryFeed() async throws {
        let first = try RecordingHub()
        let second = try RecordingHub(statuses: [202])
        defer {
            first.stop()
            second.stop()
        }
        let notifier = HubNotifier(policy: fast, logger: quietLogger)
        notifier.publish(
            ["https://example.org/atom.xml", "https://example.org/rss.xml"],
            to: ["http://127.0.0.1:\(first.port)/", "http://127.0.0.1:\(second.port)/"])
        await notifier.waitUntilIdle()
        for hub in [first, second] {
            #expect(
                Set(hub.requests.map(\.body)) == [
                    "hub.mode=publish&hub.url=https%3A%2F%2Fexample.org%2Fatom.xml",
                    "hub.mode=publish&hub.url=https%3A%2F%2Fexample.org%2Frss.xml",
                ])
        }
    }

    @Test("Failures are retried with growing delays until the hub accepts")
    func retriesWithBackoff() async throws {
        let hub = try RecordingHub(statuses: [503, 500, 204])
        defer { hub.stop() }
        let notifier = HubNotifier(policy: fast, logger: quietLogger)
        notifier.publish(["https://example.org/atom.xml"], to: ["http://127.0.0.1:\(hub.port)/"])
        await notifier.waitUntilIdle()
        let times = hub.requests.map(\.at)
        try #require(times.count == 3)
        #expect(times[1] - times[0] >= .milliseconds(90))
        #expect(times[2] - times[1] >= .milliseconds(190))
    }

    @Test("Attempts are bounded, and a 4xx refusal is not retried")
    func boundedAttempts() async throws {
        let down = try RecordingHub(statuses: [500])
        let refusing = try RecordingHub(statuses: [400])
        defer {
            down.stop()
            refusing.stop()
        }
        let notifier = HubNotifier(policy: fast, logger: quietLogger)
        notifier.publish(["https://example.org/atom.xml"], to: ["http://127.0.0.1:\(down.port)/", "http://127.0.0.1:\(refusing.port)/"])
        await notifier.waitUntilIdle()
        // On a loaded machine an attempt can time out on the client before the hub's thread has recorded it,
        // so the count may arrive a little after the notifier is idle; it must reach 3 and go no further.
        #expect(await waitUntil { down.requests.count >= 3 })
        try await Task.sleep(for: .milliseconds(500))
        #expect(down.requests.count == 3)
        #expect(refusing.requests.count == 1)
    }

    @Test("A hub that hangs or is down never delays the caller")
    func neverBlocks() async throws {
        let hanging = try RecordingHub(silent: true)
        let closed = try RecordingHub()
        closed.stop()  // nothing listens on this port any more
        defer { hanging.stop() }
        let notifier = HubNotifier(policy: fast, logger: quietLogger)
        let start = ContinuousClock.now
        notifier.publish(["https://example.org/atom.xml"], to: ["http://127.0.0.1:\(hanging.port)/", "http://127.0.0.1:\(closed.port)/"])
        #expect(ContinuousClock.now - start < .seconds(2), "publish must hand the work to a background task")
        notifier.cancelAll()
        await notifier.waitUntilIdle()
    }

    @Test("An https hub is spoken to over TLS: a server answering in plain HTTP never sees the form")
    func httpsMeansTLS() async throws {
        let plain = try RecordingHub()
        defer { plain.stop() }
        let policy = HubNotifier.Policy(
            maximumAttempts: 2, initialDelay: .milliseconds(50), maximumDelay: .seconds(1), requestTimeout: .seconds(2))
        let notifier = HubNotifier(policy: policy, logger: quietLogger)
        notifier.publish(["https://example.org/atom.xml"], to: ["https://127.0.0.1:\(plain.port)/hub"])
        await notifier.waitUntilIdle()
        #expect(!plain.requests.contains { $0.body.contains("hub.mode=publish") })
    }

    @Test("A hung request times out and counts as a failed attempt")
    func requestTimeout() async throws {
        let hanging = try RecordingHub(silent: true)
        defer { hanging.stop() }
        let policy = HubNotifier.Policy(
            maximumAttempts: 2, initialDelay: .milliseconds(50), maximumDelay: .seconds(1), requestTimeout: .seconds(1))
        let notifier = HubNotifier(policy: policy, logger: quietLogger)
        let start = ContinuousClock.now
        notifier.publish(["https://example.org/atom.xml"], to: ["http://127.0.0.1:\(hanging.port)/"])
        await notifier.waitUntilIdle()
        let elapsed = ContinuousClock.now - start
        // Two attempts of at least a second each; the upper bound only says the notifier gave up (a loaded
        // machine stretches timers, so it is generous).
        #expect(elapsed >= .milliseconds(1900))
        #expect(elapsed < .seconds(30))
    }

    @Test("Request timeouts are at least one second")
    func timeoutFloor() {
        // Foundation on Linux times a request out at once when given less than a second.
        #expect(HubNotifier.Policy(requestTimeout: .milliseconds(300)).requestTimeout == .seconds(1))
        #expect(HubNotifier.Policy(requestTimeout: .seconds(3)).requestTimeout == .seconds(3))
    }
}
