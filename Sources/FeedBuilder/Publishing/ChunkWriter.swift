import Dispatch
import Foundation

/// Writes rendered chunks to their temp files on a thread of its own, so joining and writing a window's
/// bytes (a memory copy and a `write(2)` of several megabytes) overlaps the rendering and validation of the
/// next window instead of leaving a core idle.
///
/// At most `depth` chunks wait at a time, which bounds the memory they hold. Chunks go out in the order they
/// were given. The first failure is kept and reported by `finish()`; later chunks are then dropped, since the
/// publish fails anyway.
final class ChunkWriter: @unchecked Sendable {
    // The temp files are touched only on `queue` between the first `write` and the end of `finish()`, and the
    // failure only under `lock`: the invariants behind `@unchecked Sendable`.
    private let queue = DispatchQueue(label: "crier.chunk-writer")
    private let slots: DispatchSemaphore
    private let lock = NSLock()
    private var failure: PublishError?
    /// The bytes of the chunk being written, touched only on `queue`; kept between chunks for its memory.
    private var joined: [UInt8] = []

    init(depth: Int = 8) {
        slots = DispatchSemaphore(value: depth)
    }

    /// Queues a chunk for `file`, waiting first while `depth` chunks are already queued.
    /// - Parameter closing: the document's last chunk: the file's descriptor is closed once it is written.
    func write(_ chunk: RenderedChunk, to file: AtomicFile.Temporary, closing: Bool = false) {
        slots.wait()
        let target = UncheckedFile(file: file)
        queue.async { [self] in
            defer { slots.signal() }
            guard lock.withLock({ failure == nil }) else { return }
            do throws(PublishError) {
                joined.removeAll(keepingCapacity: true)
                chunk.append(to: &joined)
                try target.file.write(joined)
                if closing { try target.file.close() }
            } catch {
                lock.withLock { if failure == nil { failure = error } }
            }
        }
    }

    /// Waits until every queued chunk is written; throws the first failure.
    func finish() throws(PublishError) {
        queue.sync {}
        if let failure = lock.withLock({ failure }) { throw failure }
    }
}

/// A temp file handed to the writer's queue; see `ChunkWriter` for why that is safe.
private struct UncheckedFile: @unchecked Sendable {
    let file: AtomicFile.Temporary
}
