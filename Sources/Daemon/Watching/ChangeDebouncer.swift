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
/// A batch goes out when the events have been quiet for `settle`, or at the latest `window` after the first
/// event it holds, even if events keep arriving. When the batch holds one file and its latest event says it was
/// written completely (`WatchEvent.written`: `IN_CLOSE_WRITE`, `IN_MOVED_TO`), the shorter `settleAfterWrite` is
/// enough: the save of one article is published a couple of milliseconds after it ends, while a long burst (a
/// checkout, a sync tool copying a folder) is still coalesced into one regeneration per `window`. A rescan
/// request wins over paths: the paths pending with it are dropped, since a full scan covers them.
public struct ChangeDebouncer: Sendable {
    /// How long the events must be quiet before a batch goes out.
    public let settle: Duration
    /// How long they must be quiet when the batch is one file whose latest event was a completed write.
    public let settleAfterWrite: Duration
    /// The longest a change waits while further events keep arriving: a batch goes out at most this long
    /// after its first event.
    public let window: Duration

    /// Creates a debouncer.
    /// - Parameters:
    ///   - settle: The quiet gap that ends a burst; 10 ms by default. The events of one save (an editor's
    ///     write, rename and chmod, Foundation's rename then close) arrive within a millisecond or two of
    ///     each other, so this coalesces them without adding noticeable delay.
    ///   - window: The most a change is held back while events keep arriving; 100 ms by default, so a
    ///     `git checkout` of many files gives one regeneration (or one per 100 ms of a longer burst).
    ///   - settleAfterWrite: The quiet gap after a completed write when the batch holds that one file; 2 ms by
    ///     default, never longer than `settle`. An editor's save that ends in a complete file (an in-place
    ///     write and close, a temp file renamed over the article, vim's rename-away-then-write, which ends in a
    ///     `CLOSE_WRITE`) can only be followed by events that do not change the text: a `chmod` or Foundation's
    ///     close after its rename, microseconds later. Waiting the full `settle` for those added 8 ms to every
    ///     save; one that comes later still costs a second update that finds nothing to write, not a wrong feed.
    ///     Events that leave a file missing or half written (`MOVED_FROM`, `DELETE`, `MODIFY`) keep the full
    ///     `settle`, so vim's rename-away is not published as a deletion.
    public init(
        settle: Duration = .milliseconds(10), window: Duration = .milliseconds(100), settleAfterWrite: Duration = .milliseconds(2)
    ) {
        self.settle = max(settle, .zero)
        self.window = max(window, .zero)
        self.settleAfterWrite = min(max(settleAfterWrite, .zero), self.settle)
    }

    /// The batches for a sequence of events. When the events end, whatever is pending is reported at once and
    /// the batches end too; when the consumer stops, reading the events stops.
    public func batches<Events: AsyncSequence & Sendable>(of events: Events) -> AsyncStream<ChangeBatch>
    where Events.Element == WatchEvent {
        let (output, continuation) = AsyncStream.makeStream(of: ChangeBatch.self, bufferingPolicy: .unbounded)
        let (wakeups, wake) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let pending = PendingBox()
        let clock = ContinuousClock()
        let settle = (usual: settle, afterWrite: settleAfterWrite)
        let window = window

        let reader = Task {
            do {
                for try await event in events {
                    let now = clock.now
                    pending.state.withLock { $0.add(event, at: now, settle: settle, window: window) }
                    wake.yield()
                }
            } catch {}
            pending.state.withLock { $0.inputEnded = true }
            wake.yield()
        }
        let flusher = Task {
            var wakeupIterator = wakeups.makeAsyncIterator()
            // The deadline is kept by a timer task that wakes the flusher, so the end of the events can wake it
            // early too. Each event moves the deadline later; a timer set for an earlier deadline is left to
            // fire and is then set again, so a burst of thousands of events costs a timer per `settle`, not
            // one per event.
            var timer: (deadline: ContinuousClock.Instant, task: Task<Void, Never>)?
            defer { timer?.task.cancel() }
            while !Task.isCancelled {
                let (batch, next, ended) = pending.state.withLock { state in
                    (state.takeDue(at: clock.now), state.deadline, state.inputEnded)
                }
                if let batch { continuation.yield(batch) }
                if ended {
                    if let rest = pending.state.withLock({ $0.takeAll() }) { continuation.yield(rest) }
                    break
                }
                if let next, timer.map({ $0.deadline > next || $0.deadline <= clock.now }) ?? true {
                    timer?.task.cancel()
                    timer = (
                        next,
                        Task {
                            guard (try? await clock.sleep(until: next)) != nil else { return }
                            wake.yield()
                        }
                    )
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

/// The debouncer's state between events and flushes: one pending batch and when it is due.
private struct PendingChanges {
    var paths: Set<String> = []
    var rescan = false
    /// When the pending batch goes out: `settle` after its latest event, but no later than `window` after
    /// its first. Nil when nothing is pending.
    var deadline: ContinuousClock.Instant?
    /// The latest time the pending batch may go out (its first event plus `window`).
    private var latest: ContinuousClock.Instant?
    var inputEnded = false

    mutating func add(
        _ event: WatchEvent, at now: ContinuousClock.Instant, settle: (usual: Duration, afterWrite: Duration), window: Duration
    ) {
        var quiet = settle.usual
        switch event {
        case .changed(let path), .folderRemoved(let path): paths.insert(path)
        case .written(let path):
            paths.insert(path)
            if paths.count == 1 && !rescan { quiet = settle.afterWrite }
        case .rescan: rescan = true
        }
        let latest = self.latest ?? now.advanced(by: window)
        self.latest = latest
        deadline = min(now.advanced(by: quiet), latest)
    }

    /// Removes and returns the pending batch if it is due.
    mutating func takeDue(at now: ContinuousClock.Instant) -> ChangeBatch? {
        guard let deadline, deadline <= now else { return nil }
        return takeAll()
    }

    /// Removes and returns everything pending, due or not.
    mutating func takeAll() -> ChangeBatch? {
        defer {
            paths.removeAll()
            rescan = false
            deadline = nil
            latest = nil
        }
        if rescan { return .rescan }
        return paths.isEmpty ? nil : .paths(paths)
    }
}
