import FeedModel
import Foundation
import Synchronization

@testable import Ingest

/// A clock the test moves by hand.
final class TestClock: Sendable {
    private let now: Mutex<Timestamp>

    init(_ start: Timestamp = Timestamp(secondsSinceEpoch: 1_700_000_000)) {
        now = Mutex(start)
    }

    func advance(by seconds: Int64) {
        now.withLock { $0.secondsSinceEpoch += seconds }
    }

    var current: Timestamp { now.withLock { $0 } }

    var function: @Sendable () -> Timestamp { { self.current } }
}

extension SiteConfig {
    /// A configuration for tests: example.com, UTC.
    static func test(timeZone: ZoneSetting = .utc, permalink: String = "/{slug}/") -> SiteConfig {
        SiteConfig(title: "Test", baseURL: "https://example.com/", timeZone: timeZone, permalink: permalink)
    }
}

/// Ingests one file that the test wrote, expecting an entry.
func entry(
    _ folder: TestFolder, _ path: String, config: SiteConfig = .test(), store: StateStore? = nil, clock: TestClock = TestClock()
) throws -> (Entry, [IngestIssue]) {
    let ingester = Ingester(source: folder.url, config: config, store: try store ?? StateStore.inMemory(), clock: clock.function)
    switch ingester.ingest(relativePath: path) {
    case .entry(let entry, let warnings): return (entry, warnings)
    case .leftOut(let issue): throw issue
    case .failed(let issue): throw issue
    }
}

/// Ingests one file, expecting it to fail or be left out; returns the issue.
func problem(_ folder: TestFolder, _ path: String, config: SiteConfig = .test()) throws -> IngestIssue? {
    let ingester = Ingester(source: folder.url, config: config, store: try StateStore.inMemory())
    switch ingester.ingest(relativePath: path) {
    case .entry: return nil
    case .leftOut(let issue), .failed(let issue): return issue
    }
}
