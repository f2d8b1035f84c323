import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP server on 127.0.0.1 standing in for a WebSub hub: it records each request and answers with
/// the next status of a script (the last one repeats), one request per connection.
public final class RecordingHub: Sendable {
    public struct Received: Sendable {
        public var method: String
        public var path: String
        public var headers: [String: String]
        public var body: String
        public var at: ContinuousClock.Instant
    }

    public let port: Int
    private let listener: Int32
    private let stopped = Mutex(false)
    private let state: Mutex<(requests: [Received], statuses: [Int], served: Int)>

    /// Starts listening. `statuses` is the script of replies; `silent` accepts connections and never answers.
    public init(statuses: [Int] = [204], silent: Bool = false) throws {
        state = Mutex(([], statuses, 0))
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var reuse: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard fd >= 0, bound else { throw RawHTTPError.connect(errno) }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in acceptLoop(silent: silent) }.start()
    }

    public var requests: [Received] { state.withLock { $0.requests } }

    /// Stops accepting. The listening socket is only shut down here; the accept thread closes it when it
    /// leaves. Closing it here let the kernel hand the same descriptor number to a hub another test had just
    /// started, and this hub's thread, still looping on `accept`, then took (and, if silent, stalled) that
    /// hub's connections: a test's hub saw none of its requests.
    public func stop() {
        stopped.withLock { $0 = true }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop(silent: Bool) {
        defer { close(listener) }
        while true {
            let connection = accept(listener, nil, nil)
            if stopped.withLock({ $0 }) {
                if connection >= 0 { close(connection) }
                return
            }
            if connection < 0 { return }
            if silent { continue }  // never answer, never close: a hub that hangs
            Thread { [self] in serve(connection) }.start()
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        var headerEnd: Range<Data.Index>?
        var contentLength = 0
        while true {
            if let end = headerEnd, data.count - end.upperBound >= contentLength { break }
            let count = recv(connection, &buffer, buffer.count, 0)
            if count <= 0 { return }
            data.append(contentsOf: buffer[0..<count])
            if headerEnd == nil, let end = data.range(of: Data("\r\n\r\n".utf8)) {
                headerEnd = end
                let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
                for line in head.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-length:") {
                    contentLength = Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces)) ?? 0
                }
            }
        }
        guard let end = headerEnd else { return }
        let lines = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let requestLine = lines[0].split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = String(decoding: data[end.upperBound...], as: UTF8.self)
        let status = state.withLock { state in
            state.requests.append(
                Received(
                    method: String(requestLine.first ?? ""), path: String(requestLine.dropFirst().first ?? ""),
                    headers: headers, body: body, at: .now))
            defer { state.served += 1 }
            return state.statuses[min(state.served, state.statuses.count - 1)]
        }
        let reply = "HTTP/1.1 \(status) Status\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        _ = reply.withCString { send(connection, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
    }
}
