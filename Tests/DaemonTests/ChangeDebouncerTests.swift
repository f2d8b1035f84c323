import Daemon
import Testing

/// Real-clock tests: the bounds are generous because the machine is shared, but each still fails if the
/// debouncer reports too early, too often, or not at all.
@Suite("Change debouncing")
struct ChangeDebouncerTests {
    let clock = ContinuousClock()

    @Test("A burst of events becomes one batch, after the quiet interval")
    func burstCoalesces() async throws {
        let (events, input) = AsyncStream.makeStream(of: WatchEvent.self)
        let recorder = Recorder(ChangeDebouncer(interval: .milliseconds(100)).batches(of: events))
        defer { recorder.stop(); input.finish() }
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
        let recorder = Recorder(ChangeDebouncer(interval: .milliseconds(50)).batches(of: events))
        defer { recorder.stop(); input.finish() }
        input.yield(.changed("one.md"))
        #expect(await recorder.wait { $0.count == 1 })
        input.yield(.changed("two.md"))
        #expect(await recorder.wait { $0.count == 2 })
        #expect(recorder.elements == [.paths(["one.md"]), .paths(["two.md"])])
    }

    @Test("A rescan request wins over the paths pending with it")
    func rescanWins() async throws {
        let (events, input) = AsyncStream.makeStream(of: WatchEvent.self)
        let recorder = Recorder(ChangeDebouncer(interval: .milliseconds(100)).batches(of: events))
        defer { recorder.stop(); input.finish() }
        input.yield(.changed("a.md"))
        input.yield(.rescan)
        input.yield(.changed("b.md"))
        #expect(await recorder.wait { !$0.isEmpty })
        try await Task.sleep(for: .milliseconds(300))
        #expect(recorder.elements == [.rescan])
    }

    @Test("A path that keeps changing does not hold back a path that settled")
    func perPathDebounce() async throws {
        let (events, input) = AsyncStream.makeStream(of: WatchEvent.self)
        let recorder = Recorder(ChangeDebouncer(interval: .milliseconds(300)).batches(of: events))
        defer { recorder.stop(); input.finish() }
        input.yield(.changed("settled.md"))
        // Keep `busy.md` changing every 30 ms for about 1.2 s; a loaded machine may stretch the gaps, but not
        // to the 300 ms that would let `busy.md` settle.
        for _ in 0..<40 {
            input.yield(.changed("busy.md"))
            try await Task.sleep(for: .milliseconds(30))
        }
        #expect(await recorder.wait { $0.count >= 2 })
        #expect(recorder.elements.first == .paths(["settled.md"]))
        #expect(recorder.elements.last == .paths(["busy.md"]))
    }

    @Test("The interval is configurable")
    func configurableInterval() async throws {
        let (events, input) = AsyncStream.makeStream(of: WatchEvent.self)
        let recorder = Recorder(ChangeDebouncer(interval: .milliseconds(400)).batches(of: events))
        defer { recorder.stop(); input.finish() }
        let start = clock.now
        input.yield(.changed("slow.md"))
        #expect(await recorder.wait { !$0.isEmpty })
        #expect(clock.now - start >= .milliseconds(380))
    }

    @Test("When the events end, pending changes are reported at once and the batches end")
    func endFlushes() async throws {
        let (events, input) = AsyncStream.makeStream(of: WatchEvent.self)
        let batches = ChangeDebouncer(interval: .seconds(30)).batches(of: events)
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
        #expect(clock.now - start < .seconds(5))
    }
}
