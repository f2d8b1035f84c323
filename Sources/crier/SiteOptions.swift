import ArgumentParser
import Foundation

/// The source, output, configuration and state options that `build`, `watch` and `serve` share.
struct SiteOptions: ParsableArguments {
    @Argument(help: "The folder of articles (with crier.yml).", completion: .directory)
    var source: String = "."

    @Option(name: .shortAndLong, help: "Where the feeds are written (default: SOURCE/public).", completion: .directory)
    var output: String?

    @Option(help: "The configuration file (default: SOURCE/crier.yml).", completion: .file())
    var config: String?

    @Option(help: "The state database (default: SOURCE/.crier/state.sqlite).", completion: .file())
    var state: String?

    var sourceURL: URL { URL(fileURLWithPath: source) }
    var outputURL: URL { URL(fileURLWithPath: output ?? sourceURL.appendingPathComponent("public").path) }
    var configURL: URL? { config.map { URL(fileURLWithPath: $0) } }
    var stateURL: URL? { state.map { URL(fileURLWithPath: $0) } }
}

/// `HOST:PORT`, `:PORT` or `PORT` for `--serve` and `crier serve --address`.
struct ListenAddress: ExpressibleByArgument {
    var host: String
    var port: Int

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    init?(argument: String) {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false)
        let hostPart = parts.count > 1 ? parts.dropLast().joined(separator: ":") : ""
        guard let port = Int(parts.last ?? ""), (0...65_535).contains(port) else { return nil }
        self.host = hostPart.isEmpty ? "127.0.0.1" : hostPart.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        self.port = port
    }

    static let defaultValue = ListenAddress(host: "127.0.0.1", port: 8080)
}
