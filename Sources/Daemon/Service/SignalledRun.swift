public import Logging
public import ServiceLifecycle

/// Runs services (a `FeedServer`, a `WatchService`, or both) until SIGTERM or SIGINT, then shuts them down
/// gracefully: the regeneration in progress finishes, the server stops accepting connections, and this
/// returns normally so the process can exit 0. Shutdown that takes longer than 30 seconds (a hung regeneration)
/// is escalated to task cancellation, within systemd's default stop timeout.
///
/// This keeps `ServiceLifecycle` out of the command line's imports: `crier watch` and `crier serve` only
/// build the services and call this.
/// - Parameters:
///   - services: The services, started together; they stop in reverse order.
///   - logger: Where the service group logs starts, stops and failures.
/// - Throws: The first error a service throws (such as a failed first build or a port already in use).
public func runUntilSignalled(_ services: [any Service], logger: Logger) async throws {
    var configuration = ServiceGroupConfiguration(
        services: services,
        gracefulShutdownSignals: [.sigterm, .sigint],
        cancellationSignals: [],
        logger: logger
    )
    configuration.maximumGracefulShutdownDuration = .seconds(30)
    let group = ServiceGroup(configuration: configuration)
    try await group.run()
}
