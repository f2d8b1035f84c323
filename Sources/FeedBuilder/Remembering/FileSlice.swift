import Foundation
import Platform

/// A published file a publish takes fragments from, open from the first fragment found in it to the end of the
/// publish (`PublishMemory.closeFiles()`).
///
/// It is opened only while it has the stamp recorded when it was put in place (`FileStamp`: device, inode,
/// size, and modification and change times to the nanosecond), and every slice taken from it is checked against
/// its recorded checksum when found. Slices are then copied into the new documents by the kernel, after that
/// check: `PublishMemory.confirmSources()` makes sure, once every copy is done, that the file still has that
/// stamp, so nothing a copy could have caught midway (a file written or cut by someone else meanwhile) goes
/// into place. Safe to share between threads.
final class SourceFile: @unchecked Sendable {
    let file: FileDescriptor
    /// The stamp recorded for the file; the file had it when opened.
    let stamp: FileStamp
    /// The bytes between two fragments in the file: spans of consecutive fragments are copied whole, separators
    /// included, only into a document with the same separator.
    let separator: [UInt8]
    // Guards `spoiled`; everything else is immutable.
    private let lock = NSLock()
    private var spoiled = false

    init(file: FileDescriptor, stamp: FileStamp, separator: [UInt8]) {
        self.file = file
        self.stamp = stamp
        self.separator = separator
    }

    /// Marks the file as changed since its slices were checked (a slice read again no longer matched).
    func spoil() {
        lock.withLock { spoiled = true }
    }

    /// True when the file still has its recorded stamp and no slice read from it again failed its checksum.
    var isIntact: Bool {
        !lock.withLock { spoiled } && FileStatus(of: file)?.stamp == stamp
    }
}

/// A fragment as it sits in a published file, its bytes checked against the recorded checksum.
struct FileSlice: Sendable {
    let source: SourceFile
    let offset: Int
    let length: Int
    let checksum: UInt64

    /// The slice's bytes, read from the file: for the few fragments a publish needs in memory (the first entry
    /// of a document, which is always validated; fragments a later publish of the same process takes over). A
    /// read that does not give the checked bytes again spoils the file, so the publish fails before anything is
    /// put in place (`PublishMemory.confirmSources()`); the bytes returned are then never written.
    func bytes() -> [UInt8] {
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
            initialized = (try? source.file.read(into: UnsafeMutableRawBufferPointer(buffer), at: offset)) ?? 0
            complete = initialized == length
        }
        if !complete || FastChecksum.of(bytes) != checksum { source.spoil() }
        return bytes
    }
}
