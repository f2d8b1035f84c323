import FeedBuilder
import Foundation
import Ingest
import Platform

/// The key a build cache is made under: everything besides the article files that decides the output.
///
/// - **Crier itself**: its version and the stamp of the running executable (device, inode, size, both times),
///   so any other build of Crier, with other parsers, renderers or validation rules, starts afresh. A
///   version string alone would not notice a rule changed between releases.
/// - **`crier.yml`**: its path and exact bytes (any edit, even of a comment, counts).
/// - **Where**: the source folder and the state store, whose ids and dates the cached entries were settled
///   against.
enum CacheKey {
    /// The key, as a SHA-256 in hex, for a configuration read from `configBytes`.
    static func make(source: URL, configFile: URL, configBytes config: Data, statePath: URL) -> String {
        var parts = CacheWriter(capacity: 512 + config.count)
        parts.write("crier build cache, format 1")
        parts.write(FeedGenerator.crier.version)
        parts.write(executable)
        parts.write(configFile.standardizedFileURL.path)
        parts.write(bytes: Array(config))
        parts.write(source.standardizedFileURL.path)
        parts.write(statePath.standardizedFileURL.path)
        return ContentHash.hex(parts.bytes)
    }

    /// The running executable's path and stamp, written out; worked out once per process.
    private static let executable: String = {
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        guard let stamp = SourceStamp(regularFileAt: path) else { return path + " (no stamp)" }
        return "\(path) \(stamp.device) \(stamp.inode) \(stamp.size) \(stamp.modifiedSeconds).\(stamp.modifiedNanoseconds) "
            + "\(stamp.changedSeconds).\(stamp.changedNanoseconds)"
    }()
}
