import Foundation
public import Logging
import Synchronization

/// Tells WebSub hubs that feeds changed, in the background, with retries.
///
/// WebSub leaves the publish ping to each hub; the form most hubs accept (Google's, Superfeedr, WebSubHub)
/// is the PubSubHubbub 0.4 one: `POST` `hub.mode=publish&hub.url=FEED` as
/// `application/x-www-form-urlencoded`. A hub that is slow or down never delays a regeneration: `publish`
/// returns at once, and each (hub, feed) pair is retried with exponential backoff up to a bounded number of
/// attempts. A newer ping for the same pair replaces one still retrying. Requests go through libcurl, loaded at
/// the first ping (`FormPoster`).
public final class HubNotifier: Sendable {
    /// Retry and timeout settings.
    public struct Policy: Sendable {
        /// How many times one ping is tried in total.
        public var maximumAttempts: Int
        /// The wait before the second attempt; it doubles for each attempt after that.
        public var initialDelay: Duration
        /// The longest wait between two attempts.
        public var maximumDelay: Duration
        /// How long one request may take before it counts as failed; at least one second (no hub answers
        /// faster than a connection over the internet takes, and a shorter one fails good hubs).
        public var requestTimeout: Duration

        /// Creates a policy; the defaults try 5 times over about 15 seconds.
        public init(
            maximumAttempts: Int = 5,
            initialDelay: Duration = .seconds(1),
            maximumDelay: Duration = .seconds(60),
            requestTimeout: Duration = .seconds(10)
        ) {
            self.maximumAttempts = max(1, maximumAttempts)
            self.initialDelay = initialDelay
            self.maximumDelay = maximumDelay
            self.requestTimeout = max(requestTimeout, .seconds(1))
        }

        /// The wait after failed attempt number `attempt` (1-based).
        func delay(after attempt: Int) -> Duration {
            var delay = initialDelay
            for _ in 1..<max(1, attempt) {
                delay = delay * 2
                if delay >= maximumDelay { return maximumDelay }
            }
            return min(delay, maximumDelay)
        }
    }

    private let policy: Policy
    private let logger: Logger
    /// The ping running for each (hub, feed) pair, numbered so a finished task removes only itself.
    private let pending = Mutex<(next: UInt64, tasks: [String: (id: UInt64, task: Task<Void, Never>)])>((0, [:]))

    /// Creates a notifier.
    /// - Parameters:
    ///   - policy: Retries and timeouts.
    ///   - logger: Where each ping's outcome is logged.
    public init(policy: Policy = Policy(), logger: Logger) {
        self.policy = policy
        self.logger = logger
    }

    /// Starts pinging every hub about every feed and returns at once.
    /// - Parameters:
    ///   - feedURLs: The changed feeds' public URLs (their `rel="self"` links).
    ///   - hubs: The hub URLs.
    public func publish(_ feedURLs: [String], to hubs: [String]) {
        for hub in hubs {
            guard let hubURL = URL(string: hub), hubURL.scheme == "http" || hubURL.scheme == "https" else {
                logger.warning("WebSub hub is not an http(s) URL; not notified", metadata: ["hub": "\(hub)"])
                continue
            }
            for feed in feedURLs {
                let key = hub + "\n" + feed
                pending.withLock { state in
                    let id = state.next
                    state.next += 1
                    state.tasks[key]?.task.cancel()
                    let task = Task { [self] in
                        await ping(hubURL, about: feed)
                        pending.withLock { state in
                            if state.tasks[key]?.id == id { state.tasks[key] = nil }
                        }
                    }
                    state.tasks[key] = (id, task)
                }
            }
        }
    }

    /// Waits until every ping has succeeded or given up; for tests and for a clean shutdown.
    public func waitUntilIdle() async {
        while let (key, entry) = pending.withLock({ $0.tasks.first.map { ($0.key, $0.value) } }) {
            await entry.task.value
            pending.withLock { state in
                if state.tasks[key]?.id == entry.id { state.tasks[key] = nil }
            }
        }
    }

    /// Cancels every ping still waiting to retry.
    public func cancelAll() {
        let tasks = pending.withLock { state in
            defer { state.tasks.removeAll() }
            return state.tasks.values.map(\.task)
        }
        for task in tasks { task.cancel() }
    }

    private func ping(_ hub: URL, about feed: String) async {
        let body = "hub.mode=publish&hub.url=" + Self.formEncoded(feed)
        let metadata: Logger.Metadata = ["hub": "\(hub.absoluteString)", "feed": "\(feed)"]
        let poster: FormPoster
        switch FormPoster.shared {
        case .success(let loaded): poster = loaded
        case .failure(let error):
            logger.warning("WebSub hub not notified: \(error)", metadata: metadata)
            return
        }
        for attempt in 1...policy.maximumAttempts {
            if Task.isCancelled { return }
            let outcome: String
            switch await Self.post(body, to: hub.absoluteString, with: poster, timeout: policy.requestTimeout) {
            case .status(let status):
                if (200..<300).contains(status) {
                    logger.info("WebSub hub notified", metadata: metadata.merging(["attempt": "\(attempt)"]) { $1 })
                    return
                }
                // A 4xx other than 429 means the hub refuses this ping; asking again will not change that.
                if (400..<500).contains(status) && status != 429 {
                    logger.warning("WebSub hub refused the ping", metadata: metadata.merging(["status": "\(status)"]) { $1 })
                    return
                }
                outcome = "status \(status)"
            case .failed(let reason):
                outcome = reason
            }
            guard attempt < policy.maximumAttempts else {
                logger.warning(
                    "WebSub hub not reachable; giving up",
                    metadata: metadata.merging(["attempts": "\(attempt)", "last": "\(outcome)"]) { $1 })
                return
            }
            logger.debug("WebSub ping failed; retrying", metadata: metadata.merging(["last": "\(outcome)"]) { $1 })
            do {
                try await Task.sleep(for: policy.delay(after: attempt))
            } catch {
                return
            }
        }
    }

    /// `application/x-www-form-urlencoded` for one value: everything but unreserved characters is escaped, so
    /// a feed URL's own `&`, `=` and `+` survive.
    static func formEncoded(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    /// One POST on a thread of its own: libcurl blocks for up to the timeout, which must not hold a thread of
    /// the cooperative pool the daemon's updates run on.
    private static func post(_ body: String, to url: String, with poster: FormPoster, timeout: Duration) async -> FormPoster.Outcome {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(returning: poster.post(body, to: url, userAgent: userAgent, timeout: timeout))
            }
        }
    }

    /// What the pings name as their client.
    static let userAgent = "Crier (WebSub publisher)"
}
