import Daemon
import Testing

/// Real-clock tests: the bounds are generous because the machine is shared, but each still fails if the
/// debouncer reports too early, too often, or not at all.
@Suite("Change debouncing")
struct ChangeDebouncerTests {
    let clock = ContinuousClock()

    @Test("A burst of events becomes one batch, after the quiet gap")
    func burstCoalesces() async throws {
        let (events, input) = AsyncStream.makeStream(of: WatchEvent.self)
        let recorder = Recorder(ChangeDebouncer(settle: .milliseconds(100), window: .seconds(10)).batches(of: events))
        defer {
            recorder.stop()
            input.finish()
        }
        for event: WatchEvent in [.changed("a.md"), .changed("a.md"), .changed("b.md"), .changed("a.md")] {
            input.yield(event)
        }
        let lastEvent = clock.now
        #expect(await recorder.wait { !$0.isEmpty })
        let elapsed = clock.now - lastEvent
        #expect(elapsed >= .milliseconds(80))
        // Nothing more may follow from the same burst.
        try await Task.sleep(for: .milliseconds(300))
        #expect(recorder.elements == [.paths(["a.md", "b.md"])])
    }

    @Test("Bursts separated by quiet time give separate batches")
    func separateBursts() async throws {
        let (events, input) = AsyncStream.makeStream(of: WatchEvent.self)
        let recorder = Recorder(ChangeDebouncer(settle: .milliseconds(50), window: .seconds(10)).batches(of: events))
        defer {
            recorder.stop()
            input.finish()
        }
        input.yield(.changed("one.md"))
        #expect(await recorder.wait { $0.count == 1 })
        input.yield(.changed("two.md"))
        #expect(await recorder.wait { $0.count == 2 })
        #expect(recorder.elements == [.paths(["one.md"]), .paths(["two.md"])])
    }

    @Test("A rescan request wins over the paths pending with it")
    func rescanWins() async throws {
        let (events, input) = AsyncStream.makeStream(of: WatchEvent.self)
        let recorder = Recorder(ChangeDebouncer(settle: .milliseconds(100), window: .seconds(10)).batches(of: events))
        defer {
            recorder.stop()
            input.finish()
        }
        input.yield(.changed("a.md"))
        input.yield(.rescan)
        input.yield(.changed("b.md"))
        #expect(await recorder.wait { !$0.isEmpty })
        try await Task.sleep(for: .milliseconds(300))
        #expect(recorder.elements == [.rescan])
    }

    @Test("Events that keep arriving are coalesced for at most the window, then a batch is forced")
    func windowForcesBatch() async throws {
        let (events, input) = AsyncStream.makeStream(of: WatchEvent.self)
        // Events come every 20 ms, far inside the 500 ms quiet gap: only the window can end the batch.
        let recorder = Recorder(ChangeDebouncer(settle: .milliseconds(500), window: .milliseconds(300)).batches(of: events))
        defer {
            recorder.stop()
            input.finish()
        }
        input.yield(.changed("settled.md"))
        let deadline = ContinuousClock.now + .seconds(20)
        var sent = 0
        while ContinuousClock.now < deadline && recorder.elements.isEmpty {
            input.yield(.changed("busy.md"))
            sent += 1
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(!recorder.elements.isEmpty, "no batch while events kept arriving")
        // The first batch holds both paths: the events before it were coalesced, not reported one by one.
        #expect(recorder.elements.first == .paths(["settled.md", "busy.md"]))
        #expect(sent > 1)
    }

    @Test("A single change goes out after the quiet gap, without waiting for the window")
    func singleChangeIsQuick() async throws {
        let (events, input) = AsyncStream.makeStream(of: WatchEvent.self)
        let recorder = Recorder(ChangeDebouncer(settle: .milliseconds(10), window: .seconds(60)).batches(of: events))
        defer {
            recorder.stop()
            input.finish()
        }
        let start = clock.now
        input.yield(.changed("saved.md"))
        #expect(await recorder.wait(timeout: .seconds(30)) { !$0.isEmpty })
        #expect(clock.now - start < .seconds(30), "the batch waited for the window")
        try await Task.sleep(for: .milliseconds(200))
        #expect(recorder.elements == [.paths(["saved.md"])])
    }

    @Test("The quiet gap is configurable")
    func configurableSettle() async throws {
        let (events, input) = AsyncStream.makeStream(of: WatchEvent.self)
        let recorder = Recorder(ChangeDebouncer(settle: .milliseconds(400), window: .seconds(60)).batches(of: events))
        defer {
            recorder.stop()
            input.finish()
        }
        let start = clock.now
        input.yield(.changed("slow.md"))
        #expect(await recorder.wait { !$0.isEmpty })
        #expect(clock.now - start >= .milliseconds(380))
    }

    @Test("The window caps a quiet gap longer than itself")
    func windowCapsSettle() async throws {
        let (events, input) = AsyncStream.makeStream(of: WatchEvent.self)
        let recorder = Recorder(ChangeDebouncer(settle: .seconds(60), window: .milliseconds(200)).batches(of: events))
        defer {
            recorder.stop()
            input.finish()
        }
        let start = clock.now
        input.yield(.changed("capped.md"))
        #expect(await recorder.wait(timeout: .seconds(30)) { !$0.isEmpty })
        let elapsed = clock.now - start
        #expect(elapsed >= .milliseconds(180))
        #expect(elapsed < .seconds(30), "the batch waited for the quiet gap instead of the window")
    }

    @Test("Bursts stay in order: changes after a batch go into the next one, never an earlier one")
    func burstsInOrder() async throws {
        let (events, input) = AsyncStream.makeStream(of: WatchEvent.self)
        let recorder = Recorder(ChangeDebouncer(settle: .milliseconds(100), window: .seconds(10)).batches(of: events))
        defer {
            recorder.stop()
            input.finish()
        }
        for round in 1...3 {
            input.yield(.changed("first-\(round).md"))
            input.yield(.changed("second-\(round).md"))
            #expect(await recorder.wait { $0.count == round })
        }
        #expect(recorder.elements == (1...3).map { .paths(["first-\($0).md", "second-\($0).md"]) })
    }

    @Test("When the events end, pending changes are reported at once and the batches end")
    func endFlushes() async throws {
        let (events, input) = AsyncStream.makeStream(of: WatchEvent.self)
        let batches = ChangeDebouncer(settle: .seconds(30), window: .seconds(30)).batches(of: events)
        let start = clock.now
        let collector = Task {
            var received: [ChangeBatch] = []
            for await batch in batches { received.append(batch) }
            return received
        }
        input.yield(.changed("last.md"))
        // Let the debouncer settle into waiting for the 30 s deadline before the events end.
        try await Task.sleep(for: .milliseconds(100))
        input.finish()
        let received = await collector.value
        #expect(received == [.paths(["last.md"])])
        #expect(clock.now - start < .seconds(20))
    }

    @Test("One file written completely goes out after the short gap, even after events that alone would wait longer")
    func completedWriteIsQuick() async throws {
        let (events, input) = AsyncStream.makeStream(of: WatchEvent.self)
        let debouncer = ChangeDebouncer(settle: .seconds(2), window: .seconds(60), settleAfterWrite: .milliseconds(20))
        let recorder = Recorder(debouncer.batches(of: events))
        defer {
            recorder.stop()
            input.finish()
        }
        // vim's save: the article renamed away (a `MOVED_FROM`), then written again and closed.
        let start = clock.now
        input.yield(.changed("saved.md"))
        input.yield(.written("saved.md"))
        #expect(await recorder.wait(timeout: .seconds(30)) { !$0.isEmpty })
        #expect(clock.now - start < .milliseconds(1500), "the batch waited for the usual quiet gap")
        #expect(recorder.elements == [.paths(["saved.md"])])
    }

    @Test("A file left missing or half written, or a second file, waits for the usual gap")
    func otherEventsWaitTheUsualGap() async throws {
        for script: [WatchEvent] in [[.written("a.md"), .changed("a.md")], [.written("a.md"), .written("b.md")], [.rescan, .written("a.md")]] {
            let (events, input) = AsyncStream.makeStream(of: WatchEvent.self)
            let debouncer = ChangeDebouncer(settle: .milliseconds(400), window: .seconds(60), settleAfterWrite: .zero)
            let recorder = Recorder(debouncer.batches(of: events))
            let start = clock.now
            for event in script { input.yield(event) }
            #expect(await recorder.wait { !$0.isEmpty })
            #expect(clock.now - start >= .milliseconds(380), "\(script)")
            recorder.stop()
            input.finish()
        }
    }

    @Test("The gap after a completed write is never longer than the usual one")
    func completedWriteGapIsCapped() {
        #expect(ChangeDebouncer(settle: .milliseconds(1), settleAfterWrite: .milliseconds(5)).settleAfterWrite == .milliseconds(1))
        #expect(ChangeDebouncer().settleAfterWrite == .milliseconds(2))
    }
}
