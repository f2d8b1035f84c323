import Dispatch
import Platform
import Synchronization

/// Pure per-item work on all cores, results in input order: the one place Crier fans work out to threads.
///
/// `concurrentPerform` blocks the caller and runs one worker per core; each worker claims the next run of
/// `run` indices until none is left, so a slow item does not leave a core idle at the end. Every call of
/// `transform` must create its own libxml2 objects (they are not thread-safe).
public enum Parallel {
    /// The results of `transform(0)`, …, `transform(count - 1)`, in order.
    /// - Parameters:
    ///   - count: how many items.
    ///   - run: how many consecutive indices a worker claims at a time.
    ///   - transform: the work for one index; the first error (by index) is rethrown after all have run.
    public static func map<Output: Sendable, Failure: Error>(
        count: Int, run: Int = 1, _ transform: @Sendable (Int) throws(Failure) -> Output
    ) throws(Failure) -> [Output] {
        if count <= 1 {
            var outputs: [Output] = []
            for index in 0..<max(0, count) { outputs.append(try transform(index)) }
            return outputs
        }
        let slots = Slots<Output, Failure>(count: count)
        let run = max(1, run)
        let width = min(ProcessorCount.active, (count + run - 1) / run)
        withoutActuallyEscaping(transform) { transform in
            let work = UncheckedSendable(transform)
            DispatchQueue.concurrentPerform(iterations: width) { _ in
                while true {
                    let start = slots.claim(run)
                    guard start < count else { return }
                    for index in start..<min(start + run, count) {
                        do throws(Failure) {
                            slots.store(try work.value(index), at: index)
                        } catch {
                            slots.fail(error, at: index)
                        }
                    }
                }
            }
        }
        return try slots.collect()
    }

    /// `transform` applied to every element of `items`, in order.
    public static func map<Item: Sendable, Output: Sendable, Failure: Error>(
        _ items: ArraySlice<Item>, run: Int = 1, _ transform: @Sendable (Item) throws(Failure) -> Output
    ) throws(Failure) -> [Output] {
        let base = items.startIndex
        return try withoutActuallyEscaping(transform) { (transform) throws(Failure) -> [Output] in
            let work = UncheckedSendable(transform)
            return try map(count: items.count, run: run) { (index) throws(Failure) -> Output in
                try work.value(items[base + index])
            }
        }
    }
}

/// The number of cores to use, read once.
enum ProcessorCount {
    static let active = ProcessFacts.processorCount
}

/// A non-escaping closure made escaping only for the duration of `concurrentPerform`, which returns before
/// the closure goes out of scope: the invariant behind `@unchecked Sendable` here.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// One slot per index: each written by exactly one worker (the one that claimed it) and read only after
/// `concurrentPerform` returns, which is what makes the `@unchecked Sendable` sound.
///
/// The outputs are moved in and moved out, never copied: copying a result holding many strings retains each of
/// them once more, and releasing the slots afterwards undoes it, which was a tenth of a warm build's ingest.
private final class Slots<Output, Failure: Error>: @unchecked Sendable {
    private let values: UnsafeMutablePointer<Output>
    /// Which of `values` hold an output (each flag written by its slot's worker only).
    private let filled: UnsafeMutableBufferPointer<Bool>
    private let failures = Mutex<[Int: Failure]>([:])
    private let next = Atomic<Int>(0)

    init(count: Int) {
        values = .allocate(capacity: count)
        filled = .allocate(capacity: count)
        filled.initialize(repeating: false)
    }

    deinit {
        for index in filled.indices where filled[index] { (values + index).deinitialize(count: 1) }
        values.deallocate()
        filled.deallocate()
    }

    func claim(_ run: Int) -> Int {
        next.wrappingAdd(run, ordering: .relaxed).oldValue
    }

    func store(_ output: consuming Output, at index: Int) {
        (values + index).initialize(to: output)
        filled[index] = true
    }

    func fail(_ error: Failure, at index: Int) {
        failures.withLock { $0[index] = error }
    }

    /// The outputs in order, moved out of the slots; the first failure by index is thrown instead.
    func collect() throws(Failure) -> [Output] {
        if let first = failures.withLock({ $0.min { $0.key < $1.key } }) { throw first.value }
        let count = filled.count
        guard filled.allSatisfy({ $0 }) else { return [] }
        let outputs = [Output](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let base = buffer.baseAddress { base.moveInitialize(from: values, count: count) }
            initialized = count
        }
        filled.update(repeating: false)
        return outputs
    }
}
