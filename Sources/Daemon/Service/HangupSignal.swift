import Dispatch
import Platform

/// SIGHUP as an async stream: the conventional "reload your configuration" signal for daemons.
enum HangupSignal {
    /// Starts catching SIGHUP (instead of being terminated by it) and yields once per signal received.
    /// Catching stops when the stream's consumer goes away; SIGHUP stays ignored after that, so a late
    /// signal cannot kill a process that is shutting down.
    static func stream() -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        // The default action would terminate the process before the dispatch source sees the signal.
        ProcessSignal.ignore(ProcessSignal.hangup)
        let source = DispatchSource.makeSignalSource(signal: ProcessSignal.hangup, queue: .global())
        source.setEventHandler { continuation.yield() }
        source.resume()
        let box = SourceBox(source)
        continuation.onTermination = { _ in box.source.cancel() }
        return stream
    }

    /// Dispatch sources are not `Sendable`; this one is only cancelled from the termination handler.
    private final class SourceBox: @unchecked Sendable {
        let source: any DispatchSourceSignal
        init(_ source: any DispatchSourceSignal) { self.source = source }
    }
}
