/// Where a feed server listens: `HOST:PORT`, `:PORT` or `PORT` on the command line.
public struct ListenAddress: Sendable, Hashable {
    /// The host name or address; `127.0.0.1` keeps the server local, as behind a reverse proxy.
    public var host: String
    /// The port; 0 lets the kernel pick a free one.
    public var port: Int

    /// Creates an address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `HOST:PORT`, `:PORT` or `PORT` (host `127.0.0.1`); an IPv6 host may be bracketed (`[::1]:8080`).
    /// Nil when the port is missing or out of range.
    public init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        let hostPart = parts.count > 1 ? parts.dropLast().joined(separator: ":") : ""
        guard let port = Int(parts.last ?? ""), (0...65_535).contains(port) else { return nil }
        var host = Substring(hostPart)
        while host.first == "[" || host.first == "]" { host.removeFirst() }
        while host.last == "[" || host.last == "]" { host.removeLast() }
        self.host = host.isEmpty ? "127.0.0.1" : String(host)
        self.port = port
    }

    /// `127.0.0.1:8080`, what `crier serve` listens on unless told otherwise.
    public static let defaultValue = ListenAddress(host: "127.0.0.1", port: 8080)
}
