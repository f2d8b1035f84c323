public import FeedModel
public import Foundation
import Hummingbird
public import Logging
import Platform
public import ServiceLifecycle
import Synchronization

/// Serves the output folder over HTTP: each feed and archive document with its content type, a strong ETag,
/// `Last-Modified`, conditional requests (304), WebSub discovery links, and an index page at `/`.
///
/// Only files in the allow-list built from the output folder's listing are served (see `refresh()`), so
/// nothing outside the output folder, and nothing the publisher did not write, is ever reachable.
/// Run it as a `Service` in a `ServiceGroup`; graceful shutdown stops it.
public final class FeedServer: Service, Sendable {
    /// The folder served.
    public let outputDirectory: URL
    private let logger: Logger
    private let state: Mutex<State>

    private struct State {
        var configuration: FeedServerConfiguration
        var files: PublishedFiles
        var listedAt: ContinuousClock.Instant
        /// ETags by path, valid while the file keeps the same stamp: hashing a large feed on every
        /// request would be wasted work.
        var tags: [String: (stamp: FileStamp, tag: String)] = [:]
        var port: Int?
        var stopped = false
        var portWaiters: [CheckedContinuation<Int?, Never>] = []
    }

    /// Creates a server; nothing listens until `run()`.
    /// - Parameters:
    ///   - outputDirectory: The folder the pipeline publishes to.
    ///   - configuration: Address, feeds, hubs and limits.
    ///   - logger: Where server errors go.
    public init(outputDirectory: URL, configuration: FeedServerConfiguration, logger: Logger) {
        self.outputDirectory = outputDirectory.standardizedFileURL
        self.logger = logger
        let files = PublishedFiles(listing: outputDirectory, feeds: configuration.feeds)
        state = Mutex(State(configuration: configuration, files: files, listedAt: .now))
    }

    /// Re-reads the output folder's listing; call after every regeneration so new archive pages are served
    /// at once and removed ones are not (`WatchService` does when given the server).
    public func refresh() {
        let feeds = state.withLock { $0.configuration.feeds }
        let files = PublishedFiles(listing: outputDirectory, feeds: feeds)
        state.withLock {
            $0.files = files
            $0.listedAt = .now
        }
    }

    /// A request for a path not in the allow-list re-reads the listing, at most once a second, so a server
    /// running without a watcher (`crier serve` beside a separate `crier build`) still picks up new archive
    /// pages, while a flood of requests for missing files cannot turn into a flood of folder listings.
    private func document(at relative: String) -> PublishedFiles.Document? {
        let (known, listedAt) = state.withLock { ($0.files.document(at: relative), $0.listedAt) }
        if let known { return known }
        guard ContinuousClock.now - listedAt >= .seconds(1) else { return nil }
        refresh()
        return state.withLock { $0.files.document(at: relative) }
    }

    /// Replaces the feeds and hubs (after a configuration reload, or a publish that added or removed derived
    /// feeds) and re-reads the listing.
    /// - Parameter catalogue: the feeds as the index page lists them; nil keeps the current list.
    public func update(feeds: [FeedOutput], hubs: [String], catalogue: [PublishedFeed]? = nil) {
        state.withLock {
            $0.configuration.feeds = feeds
            $0.configuration.hubs = hubs
            if let catalogue { $0.configuration.catalogue = catalogue }
        }
        refresh()
    }

    /// The port the server listens on, once it does; `nil` if it stopped or failed to start first.
    public func listeningPort() async -> Int? {
        await withCheckedContinuation { continuation in
            let ready: Int?? = state.withLock { state in
                if let port = state.port { return .some(port) }
                if state.stopped { return .some(nil) }
                state.portWaiters.append(continuation)
                return .none
            }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Listens and serves until graceful shutdown or cancellation.
    public func run() async throws {
        let configuration = state.withLock { $0.configuration }
        let application = Application(
            responder: FeedResponder(server: self),
            server: .http1(
                configuration: .init(
                    idleTimeout: .seconds(configuration.idleTimeoutSeconds),
                    httpDecoderConfiguration: .init(
                        maxHeaderFieldSize: configuration.maximumHeaderBytes,
                        maxHeaderListSize: configuration.maximumHeaderBytes,
                        maxHeaderFieldCount: 100
                    )
                )
            ),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port)),
            onServerRunning: { [self] channel in started(port: channel.localAddress?.port) },
            logger: logger
        )
        defer { started(port: nil) }
        try await application.run()
    }

    private func started(port: Int?) {
        if let port {
            // The actual port, so `--serve 127.0.0.1:0` (a free port chosen by the kernel) can be found from the log.
            let host = state.withLock { $0.configuration.host }
            logger.notice("Serving feeds at http://\(host.contains(":") ? "[\(host)]" : host):\(port)/")
        }
        let waiters = state.withLock { state in
            if let port { state.port = port } else { state.stopped = true }
            defer { state.portWaiters.removeAll() }
            return state.portWaiters
        }
        for waiter in waiters { waiter.resume(returning: port) }
    }

    /// The response to one request; never throws, since every failure is a status code.
    func response(to request: Request) -> Response {
        guard request.method == .get || request.method == .head else {
            var headers = HTTPFields()
            headers[.allow] = "GET, HEAD"
            return Response(status: .methodNotAllowed, headers: headers)
        }
        let response = content(for: request)
        return request.method == .head ? response.createHeadResponse() : response
    }

    private func content(for request: Request) -> Response {
        let path = request.uri.path
        let configuration = state.withLock { $0.configuration }
        if path == "/" || path == "/index.html" {
            return indexResponse(configuration)
        }
        guard let relative = RequestPath.relativePath(fromTarget: path), let document = document(at: relative)
        else { return Response(status: .notFound) }
        let file = outputDirectory.appendingPathComponent(relative)
        // Checked again at request time: the file may have been replaced by something else since the listing.
        guard let stamp = FileStamp(regularFileAt: file.path), let data = try? Data(contentsOf: file) else {
            return Response(status: .notFound)
        }
        let tag = entityTag(relative, stamp, data)
        var headers = HTTPFields()
        headers[.eTag] = tag
        headers[.lastModified] = HTTPDate.format(secondsSinceEpoch: stamp.modifiedSeconds)
        headers[.cacheControl] = "max-age=\(configuration.maxAgeSeconds)"
        if let feed = document.feed {
            // WebSub §4: publishers advertise the hub and the topic URL with Link headers.
            // HTTPTypes has no predefined `Link` (RFC 8288) name; the literal is a valid token.
            if !configuration.hubs.isEmpty, let link = .init("Link") as HTTPFields.Element.Name? {
                for hub in configuration.hubs {
                    headers.append(.init(name: link, value: "<\(hub)>; rel=\"hub\""))
                }
                headers.append(.init(name: link, value: "<\(feed.url)>; rel=\"self\""))
            }
        }
        if Self.isNotModified(request, tag: tag, modifiedSeconds: stamp.modifiedSeconds) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = document.contentType
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func indexResponse(_ configuration: FeedServerConfiguration) -> Response {
        let catalogue =
            configuration.catalogue.isEmpty
            ? [PublishedFeed(kind: .site, title: configuration.siteTitle, pageURL: "", outputs: configuration.feeds)] : configuration.catalogue
        let hasOPML = state.withLock { $0.files.document(at: PublishedFiles.opmlName) != nil }
        let html = IndexPage.html(title: configuration.siteTitle, catalogue: catalogue, hasOPML: hasOPML)
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "max-age=\(configuration.maxAgeSeconds)"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    private func entityTag(_ path: String, _ stamp: FileStamp, _ data: Data) -> String {
        if let cached = state.withLock({ $0.tags[path] }), cached.stamp == stamp {
            return cached.tag
        }
        let tag = EntityTag.strong(for: data)
        state.withLock { $0.tags[path] = (stamp, tag) }
        return tag
    }

    /// RFC 9110 §13.1.2 and §13.1.3: `If-None-Match` (weak comparison for GET/HEAD) decides when present;
    /// only without it does `If-Modified-Since` count, at one-second resolution.
    static func isNotModified(_ request: Request, tag: String, modifiedSeconds: Int64) -> Bool {
        let noneMatch = request.headers[values: .ifNoneMatch]
        if !noneMatch.isEmpty {
            let candidates = noneMatch.flatMap { $0.split(separator: ",") }.map {
                var value = $0.trimmingCharacters(in: .whitespaces)
                if value.hasPrefix("W/") { value.removeFirst(2) }
                return value
            }
            return candidates.contains("*") || candidates.contains(tag)
        }
        if let since = request.headers[.ifModifiedSince], let sinceSeconds = HTTPDate.parse(since) {
            return modifiedSeconds <= sinceSeconds
        }
        return false
    }
}

/// Hands each request to the server.
private struct FeedResponder: HTTPResponder {
    typealias Context = BasicRequestContext
    let server: FeedServer

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        server.response(to: request)
    }
}
