import Foundation

/// Feeds a published file to real readers: Python's feedparser and newsboat, over HTTP on 127.0.0.1.
///
/// The script is Crier's own (in `Tests/CrierTests/readers.py`); it prints one JSON line per reader.
enum ReaderCheck {
    struct Result: Decodable {
        var feedparserBozo: Bool
        var feedparserVersion: String
        var feedparserEntries: Int
        var feedparserError: String?
        var newsboatArticles: Int?
        var newsboatError: String?
    }

    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("readers.py")
    }

    static func check(_ feed: URL) throws -> Result {
        let run = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, feed.path])
        guard let line = run.standardOutput.split(separator: "\n").last, run.status == 0 else {
            throw CheckFailure(message: "readers.py failed (\(run.status)): \(run.standardError)")
        }
        return try JSONDecoder().decode(Result.self, from: Data(line.utf8))
    }

    struct CheckFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}
