import Daemon
import Synchronization

/// Collects what an async sequence yields on a background task, so a test can wait for what it expects.
final class Recorder<Element: Sendable>: Sendable {
    private final class Storage: Sendable {
        let elements = Mutex<[Element]>([])
    }

    private let received = Storage()
    private let task: Task<Void, Never>

    init<S: AsyncSequence & Sendable>(_ sequence: S) where S.Element == Element {
        let storage = received
        task = Task {
            do {
                for try await element in sequence {
                    storage.elements.withLock { $0.append(element) }
                }
            } catch {}
        }
    }

    var elements: [Element] { received.elements.withLock { $0 } }

    /// Polls until `predicate` holds for what was received, or `timeout` passes; returns whether it held. The deadline is generous because other tests may
    /// hold the cooperative pool's few threads (2 on CI) with blocking work for seconds, starving both the
    /// watcher's polling task and this loop; success returns as soon as it is seen, so it costs nothing.
    func wait(timeout: Duration = .seconds(30), until predicate: ([Element]) -> Bool) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if predicate(elements) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return predicate(elements)
    }

    func clear() { received.elements.withLock { $0.removeAll() } }

    func stop() { task.cancel() }
}

extension Recorder where Element == WatchEvent {
    /// Waits until each of the paths was reported as changed.
    func waitForChanges(_ paths: Set<String>, timeout: Duration = .seconds(30)) async -> Bool {
        await wait(timeout: timeout) { events in
            paths.isSubset(of: Set(events.compactMap(\.changedPath)))
        }
    }

    var changedPaths: Set<String> {
        Set(elements.compactMap(\.changedPath))
    }
}

extension WatchEvent {
    /// The path of a `.changed` or `.written` event: either way, that file changed.
    var changedPath: String? {
        switch self {
        case .changed(let path), .written(let path): path
        case .folderRemoved, .rescan: nil
        }
    }
}
