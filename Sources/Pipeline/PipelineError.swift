/// Why a build of a site could not publish, with what a user needs to fix it.
public enum PipelineError: Error, Sendable, CustomStringConvertible {
    /// The configuration file is missing or wrong.
    case configuration(String)
    /// The source folder cannot be read.
    case source(path: String, message: String)
    /// The output folder cannot be written.
    case output(path: String, message: String)
    /// Another Crier process holds the output folder's lock.
    case locked(path: String)
    /// The state store cannot be opened or written.
    case stateStore(path: String, message: String)
    /// The feeds could not be built or failed validation; nothing was written.
    case publish(String)
    /// `--strict` was given and some article files were skipped.
    case strict(skipped: Int)

    public var description: String {
        switch self {
        case .configuration(let message): message
        case .source(let path, let message): "\(path): \(message)"
        case .output(let path, let message): "\(path): \(message)"
        case .locked(let path): "\(path): another crier process is writing this output folder (lock held); stop it or choose another --output"
        case .stateStore(let path, let message): "\(path): state store: \(message)"
        case .publish(let message): message
        case .strict(let skipped): "\(skipped) article file\(skipped == 1 ? " was" : "s were") skipped and --strict was given; nothing was published"
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
}
