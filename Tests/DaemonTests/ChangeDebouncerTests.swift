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
        // Keep `busy.md` changing every 30 ms until `settled.md` comes out (or a generous deadline passes): the
        // property is that a path that keeps changing does not hold back one that settled. Timing on a loaded
        // machine may let `busy.md` settle now and then too, so only what must hold is asserted.
        let deadline = ContinuousClock.now + .seconds(20)
        var settledWhileBusy = false
        while ContinuousClock.now < deadline {
            input.yield(.changed("busy.md"))
            try await Task.sleep(for: .milliseconds(30))
            if recorder.elements.contains(where: { $0 == .paths(["settled.md"]) || Self.contains($0, "settled.md") }) {
                settledWhileBusy = true
                break
            }
        }
        #expect(settledWhileBusy, "settled.md was held back while busy.md kept changing")
        #expect(await recorder.wait { $0.contains { Self.contains($0, "busy.md") } })
    }

    private static func contains(_ batch: ChangeBatch, _ path: String) -> Bool {
        if case .paths(let paths) = batch { return paths.contains(path) }
        return false
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
        #expect(clock.now - start < .seconds(20))
    }
}
