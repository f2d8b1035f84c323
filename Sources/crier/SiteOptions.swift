public import ArgumentParser
public import Daemon
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

extension ListenAddress: ExpressibleByArgument {
    /// `HOST:PORT`, `:PORT` or `PORT` for `--serve` and `crier serve --address`.
    public init?(argument: String) {
        self.init(argument)
    }
}
