import Dispatch
import Foundation

/// Writes the parts of documents (rendered chunks, spans copied from published files) to their temp files on a
/// thread of its own, so joining and writing a window's bytes (a memory copy and a `write(2)` of several
/// megabytes) overlaps the rendering and validation of the next window instead of leaving a core idle.
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

    /// Queues a part of a document for `file` (bytes to write, or a span of a published file to copy), waiting
    /// first while `depth` parts are already queued.
    /// - Parameter closing: the document's last part: the file's descriptor is closed once it is written.
    func write(_ part: DocumentPart, to file: AtomicFile.Temporary, closing: Bool = false) {
        slots.wait()
        let target = UncheckedFile(file: file)
        queue.async { [self] in
            defer { slots.signal() }
            guard lock.withLock({ failure == nil }) else { return }
            do throws(PublishError) {
                switch part {
                case .rendered(let chunk):
                    joined.removeAll(keepingCapacity: true)
                    chunk.append(to: &joined)
                    try target.file.write(joined)
                case .copied(let span):
                    try target.file.copy(from: span.source.file, offset: span.offset, count: span.count)
                }
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

/// One `ChunkWriter` per core (at most one per document), each document always written by the same one so its
/// parts stay in order: the kernel's writes and copies of the three 40 MB documents of a 10,000-entry feed
/// (the bulk of a publish that takes nearly every fragment from the published files) then run side by side
/// instead of one after the other on a single thread.
struct ChunkWriters {
    private let writers: [ChunkWriter]

    init(documents: Int) {
        writers = (0..<max(1, min(documents, ProcessInfo.processInfo.activeProcessorCount))).map { _ in ChunkWriter() }
    }

    /// Queues a part of document number `document` (its place in the publish) for `file`.
    func write(_ part: DocumentPart, to file: AtomicFile.Temporary, document: Int, closing: Bool) {
        writers[document % writers.count].write(part, to: file, closing: closing)
    }

    /// Waits until every writer has written everything queued; throws the first failure.
    func finish() throws(PublishError) {
        var failure: PublishError?
        for writer in writers {
            do throws(PublishError) { try writer.finish() } catch { failure = failure ?? error }
        }
        if let failure { throw failure }
    }
}
