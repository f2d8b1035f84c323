import Parallel
import Synchronization

/// Reads and parses many article files on all cores and returns the results in input order.
///
/// Each core takes the next run of files as it finishes one (runs of a few files, so a slow file does not leave
/// a core idle at the end). This replaced a task group with one child task per file, whose parent had to be
/// scheduled between files on the same two threads that did the parsing.
enum ParallelReading {
    /// Files one core takes at a time.
    static let runLength = 8

    static func read(
        _ paths: [String], with reader: ArticleReader,
        progress: (@Sendable (Int, Int) -> Void)?
    ) -> [ArticleReader.Result] {
        // Progress is reported under this lock, so the callback never runs twice at once.
        let done = Mutex<Int>(0)
        return Parallel.map(paths[...], run: runLength) { path in
            let result = reader.read(path)
            if let progress {
                done.withLock { done in
                    done += 1
                    progress(done, paths.count)
                }
            }
            return result
        }
    }
}
