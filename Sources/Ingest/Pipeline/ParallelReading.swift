import Dispatch
import Foundation
import Synchronization

/// Reads and parses many article files on all cores and returns the results in input order.
///
/// Each core takes the next run of files as it finishes one (runs of a few files, so a slow file does not leave
/// a core idle at the end). This replaced a task group with one child task per file, whose parent had to be
/// scheduled between files on the same two threads that did the parsing.
enum ParallelReading {
    /// Files one core takes at a time.
    static let runLength = 8

    static func read(_ paths: [String], with reader: ArticleReader,
                     progress: (@Sendable (Int, Int) -> Void)?) -> [ArticleReader.Result] {
        guard !paths.isEmpty else { return [] }
        let slots = Slots(count: paths.count)
        let width = max(1, min(ProcessInfo.processInfo.activeProcessorCount, paths.count))
        DispatchQueue.concurrentPerform(iterations: width) { _ in
            while true {
                let start = slots.claim(runLength)
                guard start < paths.count else { return }
                let end = min(start + runLength, paths.count)
                for index in start..<end {
                    slots.store(reader.read(paths[index]), at: index)
                }
                slots.finished(end - start, of: paths.count, progress: progress)
            }
        }
        return slots.collect()
    }

    /// One slot per file, each written by exactly one worker (the one that claimed its run) and read only
    /// after `concurrentPerform` returns: the invariant behind `@unchecked Sendable`.
    private final class Slots: @unchecked Sendable {
        private let buffer: UnsafeMutableBufferPointer<ArticleReader.Result?>
        private let next = Atomic<Int>(0)
        /// Files done so far; progress is reported under this lock, so the callback is never run twice at once.
        private let done = Mutex<Int>(0)

        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }

        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }

        /// The first index of the next run of `length` files.
        func claim(_ length: Int) -> Int {
            next.wrappingAdd(length, ordering: .relaxed).oldValue
        }

        func store(_ result: ArticleReader.Result, at index: Int) {
            buffer[index] = result
        }

        func finished(_ count: Int, of total: Int, progress: (@Sendable (Int, Int) -> Void)?) {
            done.withLock { done in
                done += count
                progress?(done, total)
            }
        }

        func collect() -> [ArticleReader.Result] {
            buffer.compactMap { $0 }
        }
    }
}
