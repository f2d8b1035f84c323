/// How long one phase of a build took, for the debug log (`crier build --log-level debug`).
///
/// Kept as plain data in reports so the pipeline decides where it goes; nothing in a feed depends on it.
public struct PhaseTiming: Sendable, Hashable {
    /// What ran: `clean`, `render rss.xml`, `validate atom.xml`, …
    public var name: String
    /// Wall time, in milliseconds.
    public var milliseconds: Double

    /// Creates a timing.
    public init(name: String, milliseconds: Double) {
        self.name = name
        self.milliseconds = milliseconds
    }

    /// Runs `body` and appends its wall time under `name` to `timings`.
    static func measure<Output, Failure: Error>(
        _ name: String, into timings: inout [PhaseTiming], _ body: () throws(Failure) -> Output
    ) throws(Failure) -> Output {
        let start = ContinuousClock.now
        defer { timings.append(PhaseTiming(name: name, milliseconds: (ContinuousClock.now - start).milliseconds)) }
        return try body()
    }
}

extension Duration {
    /// The duration in milliseconds, with fractions.
    public var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
