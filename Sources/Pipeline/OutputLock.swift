public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on an output folder, so a second `crier watch` or `crier build` cannot write the same
/// feeds at the same time.
///
/// It is an advisory `flock` on `.crier.lock` inside the output folder: the kernel releases it when the process
/// dies, even by `kill -9`, so a crash never leaves a stale lock behind.
public final class OutputLock: @unchecked Sendable {
    private var descriptor: Int32
    /// The lock file's path.
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit {
        release()
    }

    /// Takes the lock, creating the output folder if needed; fails at once if another process holds it.
    /// Temporary files left by a process killed while publishing are removed once the lock is held.
    public static func acquire(outputDirectory: URL) throws(PipelineError) -> OutputLock {
        do {
            try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw .output(path: outputDirectory.path, message: "cannot create the output folder: \(error.localizedDescription)")
        }
        let path = outputDirectory.appendingPathComponent(".crier.lock").path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw .output(path: path, message: "cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .locked(path: path)
        }
        removeLeftoverTemporaryFiles(in: outputDirectory)
        return OutputLock(descriptor: descriptor, path: path)
    }

    /// Releases the lock; safe to call twice.
    public func release() {
        guard descriptor >= 0 else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }
}
