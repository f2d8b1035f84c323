import Synchronization

/// What the daemon regenerates for: a set of changed paths, or everything.
public enum ChangeBatch: Sendable, Hashable {
    /// These relative paths may have changed.
    case paths(Set<String>)
    /// Something changed that only a full scan can find.
    case rescan
}

/// Turns a stream of watch events into batches: one batch per burst, so an editor's save (which touches a file
/// two or three times in a few milliseconds) or a `git checkout` of many files causes one regeneration.
///
/// Each path waits until it has been quiet for `interval`; when one path is due, every pending path that is
/// due within half an interval more goes in the same batch. A rescan request wins over paths: the paths
/// pending with it are dropped, since a full scan covers them.
public struct ChangeDebouncer: Sendable {
    /// How long a path must be quiet before it is reported.
    public let interval: Duration

    /// Creates a debouncer.
    /// - Parameter interval: How long a path must be quiet before it is reported; 100 ms by default, enough for
    ///   an editor's write-rename-chmod sequence and short enough to feel immediate.
    public init(interval: Duration = .milliseconds(100)) {
        self.interval = interval
    }

    /// The batches for a sequence of events. When the events end, whatever is pending is reported at once and
    /// the batches end too; when the consumer stops, reading the events stops.
    public func batches<Events: AsyncSequence & Sendable>(of events: Events) -> AsyncStream<ChangeBatch>
    where Events.Element == WatchEvent {
        let (output, continuation) = AsyncStream.makeStream(of: ChangeBatch.self, bufferingPolicy: .unbounded)
        let (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let pending = PendingBox()
        let clock = ContinuousClock()
        let interval = interval

        let reader = Task {
            do {
                for try await event in events {
                    let deadline = clock.now.advanced(by: interval)
                    pending.state.withLock { $0.add(event, due: deadline) }
                    wake.yield()
                }
            } catch {}
            pending.state.withLock { $0.inputEnded = true }
            wake.yield()
        }
        let flusher = Task {
            var wakeupIterator = wakeups.makeAsyncIterator()
            // Deadlines are kept by a timer task that wakes the flusher, so the end of the events (or a rescan)
            // can wake it early too.
            var timer: (deadline: ContinuousClock.Instant, task: Task<Void, Never>)?
            defer { timer?.task.cancel() }
            while !Task.isCancelled {
                let (batch, next, ended) = pending.state.withLock { state in
                    (state.takeDue(at: clock.now, slack: interval / 2), state.earliestDeadline, state.inputEnded)
                }
                if let batch { continuation.yield(batch) }
                if ended {
                    if let rest = pending.state.withLock({ $0.takeAll() }) { continuation.yield(rest) }
                    break
                }
                if let next, timer?.deadline != next {
                    timer?.task.cancel()
                    timer = (next, Task {
                        guard (try? await clock.sleep(until: next)) != nil else { return }
                        wake.yield()
                    })
                }
                if await wakeupIterator.next() == nil { break }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in
            reader.cancel()
            flusher.cancel()
            wake.finish()
        }
        return output
    }
}

/// Shares the pending state between the task reading events and the task flushing batches.
private final class PendingBox: Sendable {
    let state = Mutex(PendingChanges())
}

/// The debouncer's state between events and flushes.
private struct PendingChanges {
    var paths: [String: ContinuousClock.Instant] = [:]
    var rescanDue: ContinuousClock.Instant?
    var inputEnded = false

    mutating func add(_ event: WatchEvent, due deadline: ContinuousClock.Instant) {
        switch event {
        case .changed(let path), .folderRemoved(let path): paths[path] = deadline
        case .rescan: rescanDue = deadline
        }
    }

    var earliestDeadline: ContinuousClock.Instant? {
        if let rescanDue { return rescanDue }
        return paths.values.min()
    }

    /// Removes and returns what is due, if anything.
    mutating func takeDue(at now: ContinuousClock.Instant, slack: Duration) -> ChangeBatch? {
        if let rescanDue {
            guard rescanDue <= now else { return nil }
            self.rescanDue = nil
            paths.removeAll()
            return .rescan
        }
        guard let earliest = paths.values.min(), earliest <= now else { return nil }
        let cutoff = now.advanced(by: slack)
        let due = Set(paths.filter { $0.value <= cutoff }.keys)
        for path in due { paths[path] = nil }
        return .paths(due)
    }

    /// Removes and returns everything pending, due or not.
    mutating func takeAll() -> ChangeBatch? {
        defer { paths.removeAll(); rescanDue = nil }
        if rescanDue != nil { return .rescan }
        return paths.isEmpty ? nil : .paths(Set(paths.keys))
    }
}
