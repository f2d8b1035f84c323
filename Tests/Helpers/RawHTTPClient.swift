public import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A reply as it came off the wire.
public struct HTTPReply: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: Data

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public func headers(_ name: String) -> [String] {
        headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

public enum RawHTTPError: Error {
    case connect(Int32)
    case malformed(String)
}

/// Sends one request over a fresh TCP connection to 127.0.0.1 exactly as written (no URL normalisation, so
/// traversal attempts reach the server as an attacker would send them) and reads the reply until the server
/// closes the connection. The blocking socket calls run on their own thread: blocking the few threads of
/// Swift's cooperative pool would starve the very server the test talks to.
public func rawHTTP(
    port: Int,
    method: String = "GET",
    target: String,
    headers: [(String, String)] = [],
    timeoutSeconds: Int = 5
) async throws -> HTTPReply {
    try await onOwnThread {
        try blockingHTTP(port: port, method: method, target: target, headers: headers, timeoutSeconds: timeoutSeconds)
    }
}

/// Runs blocking work on a new thread and waits for it without holding a cooperative-pool thread.
public func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

private func blockingHTTP(port: Int, method: String, target: String, headers: [(String, String)], timeoutSeconds: Int) throws -> HTTPReply {
    var request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
    for (name, value) in headers { request += "\(name): \(value)\r\n" }
    request += "\r\n"
    let raw = try exchange(port: port, bytes: Array(request.utf8), timeoutSeconds: timeoutSeconds)
    return try parseReply(raw, method: method)
}

/// Sends raw bytes and returns everything the server sends back before closing (or the timeout).
public func exchange(port: Int, bytes: [UInt8], timeoutSeconds: Int = 5) throws -> Data {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { throw RawHTTPError.connect(errno) }
    defer { close(fd) }
    var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
    }
    guard connected == 0 else { throw RawHTTPError.connect(errno) }
    var sent = 0
    while sent < bytes.count {
        let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        if count <= 0 { break }
        sent += count
    }
    var received = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = recv(fd, &buffer, buffer.count, 0)
        if count <= 0 { break }
        received.append(contentsOf: buffer[0..<count])
    }
    return received
}

private func parseReply(_ raw: Data, method: String) throws -> HTTPReply {
    guard let end = raw.range(of: Data("\r\n\r\n".utf8)) else {
        throw RawHTTPError.malformed(String(decoding: raw, as: UTF8.self))
    }
    let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
    let statusParts = head[0].split(separator: " ")
    guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw RawHTTPError.malformed(head[0]) }
    var headers: [(name: String, value: String)] = []
    for line in head.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
    }
    var body = Data(raw[end.upperBound...])
    if headers.contains(where: { $0.name.lowercased() == "transfer-encoding" && $0.value == "chunked" }) {
        body = try dechunk(body)
    }
    return HTTPReply(status: status, headers: headers, body: body)
}

private func dechunk(_ data: Data) throws -> Data {
    var out = Data()
    var rest = data[...]
    while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
        let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self)
        guard let size = Int(sizeText, radix: 16) else { throw RawHTTPError.malformed(sizeText) }
        if size == 0 { break }
        let start = lineEnd.upperBound
        out.append(rest[start..<start + size])
        rest = rest[(start + size + 2)...]
    }
    return out
}
