public import FeedBuilder
public import Ingest

/// Why a build of a site could not publish, with what a user needs to fix it.
///
/// Errors from the layers below keep their type (`ConfigError`, `StateStoreError`, `PublishError`), so a
/// caller can still tell a duplicate id from a validation failure; the message is made where it is shown.
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    /// The configuration file is missing or wrong.
    case configuration(ConfigError)
    /// The source folder cannot be read.
    case source(path: String, message: String)
    /// The output folder cannot be written.
    case output(path: String, message: String)
    /// Another Crier process holds the output folder's lock.
    case locked(path: String)
    /// The state store cannot be opened or written.
    case stateStore(StateStoreError)
    /// The feeds could not be built or failed validation; nothing was written.
    case publish(PublishError)
    /// `--strict` was given and some article files failed.
    case strict(failed: Int)

    public var description: String {
        switch self {
        case .configuration(let error): error.description
        case .source(let path, let message): "\(path): \(message)"
        case .output(let path, let message): "\(path): \(message)"
        case .locked(let path): "\(path): another crier process is writing this output folder (lock held); stop it or choose another --output"
        case .stateStore(let error): error.description
        case .publish(let error): error.description
        case .strict(let failed): "\(failed) article file\(failed == 1 ? "" : "s") failed and --strict was given; nothing was published"
        }
    }

    /// The process exit status for this error, as documented in the README.
    public var exitCode: Int32 {
        switch self {
        case .publish, .strict: 1
        case .configuration: 2
        case .source, .output, .locked, .stateStore: 3
        }
    }

    /// The error a user sees for an output folder whose lock cannot be taken (exit status 3).
    public init(_ error: OutputLockError) {
        switch error.reason {
        case .cannotCreateFolder(let path, let message): self = .output(path: path, message: "cannot create the output folder: \(message)")
        case .cannotOpen(let path, let message): self = .output(path: path, message: "cannot open the lock file: \(message)")
        case .held(let path): self = .locked(path: path)
        }
    }

    /// The error a user sees for a failed publish: a full disk or a read-only folder is the output folder's
    /// problem (exit status 3), anything else the feeds' (exit status 1).
    public init(_ error: PublishError) {
        if case .fileSystem(let path, let operation, let message) = error.reason {
            self = .output(path: path, message: "\(operation) failed: \(message)")
        } else {
            self = .publish(error)
        }
    }
}
