public import Foundation
public import Logging
import Pipeline

/// `crier serve` as a library call: serves an output folder built earlier until SIGTERM or SIGINT.
///
/// The title, feeds and hubs come from the site's configuration file (`Site.publication`), so serving opens
/// neither an article nor the state store, and can run beside a `crier build` that holds both.
public struct ServeDaemon: Sendable {
    private let source: URL
    private let output: URL
    private let configFile: URL?
    private let address: ListenAddress
    private let logger: Logger

    /// Creates the daemon; nothing is opened until `runService()`.
    /// - Parameters:
    ///   - source: the site's folder, where `crier.yml` is.
    ///   - output: the folder of published feeds to serve.
    ///   - configFile: the configuration; `crier.yml` in `source` when nil.
    ///   - address: where to listen.
    ///   - logger: where the server logs.
    public init(source: URL, output: URL, configFile: URL? = nil, address: ListenAddress = .defaultValue, logger: Logger) {
        self.source = source
        self.output = output
        self.configFile = configFile
        self.address = address
        self.logger = logger
    }

    /// Reads the configuration and serves until SIGTERM or SIGINT; returns after a graceful shutdown.
    /// - Throws: `PipelineError` when the source folder or the configuration cannot be used; the server's
    ///   error when the port cannot be bound.
    public func runService() async throws {
        let publication = try Site.publication(source: source, configFile: configFile, output: output)
        let server = FeedServer(serving: publication, from: output.standardizedFileURL, at: address, logger: logger)
        try await runUntilSignalled([server], logger: logger)
    }
}
