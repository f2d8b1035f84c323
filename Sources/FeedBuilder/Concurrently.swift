import Dispatch

/// Runs per-item pure work on all cores and returns the results in input order.
///
/// `concurrentPerform` blocks the caller and uses at most one thread per core, which bounds the width; each
/// call of `transform` must create its own libxml2 objects (they are not thread-safe).
enum Concurrently {
    static func map<Item: Sendable, Output: Sendable, Failure: Error>(
        _ items: ArraySlice<Item>,
        _ transform: @escaping @Sendable (Item) throws(Failure) -> Output
    ) throws(Failure) -> [Output] {
        if items.count <= 1 {
            var outputs: [Output] = []
            for item in items { outputs.append(try transform(item)) }
            return outputs
        }
        let slots = ResultSlots<Output, Failure>(count: items.count)
        let items = Array(items)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            do throws(Failure) {
                slots.store(.success(try transform(items[index])), at: index)
            } catch {
                slots.store(.failure(error), at: index)
            }
        }
        return try slots.collect()
    }
}

/// One slot per iteration. Each index is written by exactly one iteration and read only after
/// `concurrentPerform` returns, so no two threads touch the same memory: that is the invariant behind
/// `@unchecked Sendable`.
private final class ResultSlots<Output, Failure: Error>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Result<Output, Failure>?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func store(_ result: Result<Output, Failure>, at index: Int) {
        buffer[index] = result
    }

    func collect() throws(Failure) -> [Output] {
        var outputs: [Output] = []
        outputs.reserveCapacity(buffer.count)
        for slot in buffer {
            guard let slot else { continue }
            outputs.append(try slot.get())
        }
        return outputs
    }
}
