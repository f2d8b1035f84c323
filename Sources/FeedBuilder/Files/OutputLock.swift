public import Foundation
import Platform

/// An exclusive lock on an output folder, so a second `crier watch` or `crier build` cannot write the same
/// feeds at the same time.
///
/// It is an advisory `flock` on `.crier.lock` inside the output folder: the kernel releases it when the process
/// dies, even by `kill -9`, so a crash never leaves a stale lock behind.
public final class OutputLock: @unchecked Sendable {
    /// The open lock file; nil once released. Only `release()` changes it, and the process holds one lock.
    private var file: FileDescriptor?
    /// The lock file's path.
    public let path: String

    private init(file: FileDescriptor) {
        self.file = file
        self.path = file.path
    }

    deinit {
        release()
    }

    /// Takes the lock, creating the output folder if needed; fails at once if another process holds it.
    /// Temporary files left by a process killed while publishing are removed once the lock is held.
    public static func acquire(outputDirectory: URL) throws(OutputLockError) -> OutputLock {
        do {
            try FileManager.default.createDirectory(at: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw OutputLockError(.cannotCreateFolder(path: outputDirectory.path, message: error.localizedDescription))
        }
        let path = outputDirectory.appendingPathComponent(".crier.lock").path
        let file: FileDescriptor
        do throws(SystemError) {
            file = try FileDescriptor.open(creatingAt: path)
        } catch {
            throw OutputLockError(.cannotOpen(path: path, message: error.message))
        }
        guard file.tryLockExclusively() else {
            try? file.close()
            throw OutputLockError(.held(path: path))
        }
        removeLeftoverTemporaryFiles(in: outputDirectory)
        return OutputLock(file: file)
    }

    /// Releases the lock; safe to call twice.
    public func release() {
        guard let file else { return }
        self.file = nil
        file.unlock()
        try? file.close()
    }
}

/// Why the output folder's lock could not be taken.
public struct OutputLockError: Error, Sendable, Hashable {
    /// What went wrong, with the path involved.
    public enum Reason: Sendable, Hashable {
        /// The output folder does not exist and cannot be created.
        case cannotCreateFolder(path: String, message: String)
        /// The lock file cannot be opened or created.
        case cannotOpen(path: String, message: String)
        /// Another process holds the lock.
        case held(path: String)
    }

    /// What went wrong.
    public var reason: Reason

    /// Creates an error.
    public init(_ reason: Reason) {
        self.reason = reason
    }
}
