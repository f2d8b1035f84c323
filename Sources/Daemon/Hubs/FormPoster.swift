import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Sends one `application/x-www-form-urlencoded` POST with libcurl, loaded (`dlopen`) the first time a ping is
/// sent rather than linked.
///
/// Foundation's URLSession lives in FoundationNetworking, which links libcurl and some thirty libraries behind it
/// (TLS, Kerberos, LDAP, IDN, ...). Every `crier build` paid for loading and relocating them, and for the Swift
/// runtime's scan of their conformances, about 11 ms of a 30 ms start, for a WebSub ping only `crier watch` sends,
/// and only when a hub is configured. libcurl itself is what URLSession used, so http and https hubs behave as
/// before; a machine without it (`libcurl4`) gets a warning naming the library when a ping is due.
///
/// `curl_easy_setopt` is variadic. It is called here through fixed-argument prototypes, one per argument type:
/// on the Linux ABIs Swift targets (System V x86-64, AAPCS64) a variadic callee reads each argument from the
/// register or stack slot a fixed-argument call puts it in, which is also how foreign-function layers without
/// varargs support call libcurl.
final class FormPoster: Sendable {
    /// What a POST gave: the HTTP status, or why there is none.
    enum Outcome: Sendable, Equatable {
        case status(Int)
        case failed(String)
    }

    private typealias EasyInit = @convention(c) () -> OpaquePointer?
    private typealias EasyCleanup = @convention(c) (OpaquePointer?) -> Void
    private typealias SetPointer = @convention(c) (OpaquePointer?, Int32, UnsafeRawPointer?) -> Int32
    private typealias SetLong = @convention(c) (OpaquePointer?, Int32, Int) -> Int32
    private typealias Perform = @convention(c) (OpaquePointer?) -> Int32
    private typealias GetLong = @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<Int>) -> Int32
    private typealias ErrorText = @convention(c) (Int32) -> UnsafePointer<CChar>?
    private typealias ListAppend = @convention(c) (OpaquePointer?, UnsafePointer<CChar>) -> OpaquePointer?
    private typealias ListFree = @convention(c) (OpaquePointer?) -> Void
    private typealias GlobalInit = @convention(c) (Int) -> Int32
    /// `CURLOPT_WRITEFUNCTION`'s callback.
    typealias Sink = @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int

    /// libcurl's option and information numbers (curl.h; fixed by its ABI since 7.x).
    private enum Option {
        static let url: Int32 = 10002
        static let postFields: Int32 = 10015
        static let userAgent: Int32 = 10018
        static let headers: Int32 = 10023
        static let writeFunction: Int32 = 20011
        static let postFieldSize: Int32 = 60
        static let followLocation: Int32 = 52
        static let maximumRedirects: Int32 = 68
        static let noSignal: Int32 = 99
        static let timeoutMilliseconds: Int32 = 155
        static let postRedirects: Int32 = 161
        static let protocols: Int32 = 10318
        static let redirectProtocols: Int32 = 10319
        static let responseCode: Int32 = 0x20_0002
    }

    private let easyInit: EasyInit
    private let easyCleanup: EasyCleanup
    private let setPointer: SetPointer
    private let setLong: SetLong
    private let perform: Perform
    private let getLong: GetLong
    private let errorText: ErrorText
    private let listAppend: ListAppend
    private let listFree: ListFree

    /// The names libcurl goes by, newest ABI first.
    static let libraryNames = ["libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"]

    /// The process's libcurl, loaded and initialised on first use; or why it cannot be.
    static let shared: Result<FormPoster, LoadError> = load()

    /// Why libcurl could not be used.
    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    private init(library: UnsafeMutableRawPointer) throws(LoadError) {
        func symbol<T>(_ name: String, as type: T.Type) throws(LoadError) -> T {
            guard let address = dlsym(library, name) else { throw LoadError(description: "libcurl has no \(name)") }
            return unsafeBitCast(address, to: type)
        }
        easyInit = try symbol("curl_easy_init", as: EasyInit.self)
        easyCleanup = try symbol("curl_easy_cleanup", as: EasyCleanup.self)
        setPointer = try symbol("curl_easy_setopt", as: SetPointer.self)
        setLong = try symbol("curl_easy_setopt", as: SetLong.self)
        perform = try symbol("curl_easy_perform", as: Perform.self)
        getLong = try symbol("curl_easy_getinfo", as: GetLong.self)
        errorText = try symbol("curl_easy_strerror", as: ErrorText.self)
        listAppend = try symbol("curl_slist_append", as: ListAppend.self)
        listFree = try symbol("curl_slist_free_all", as: ListFree.self)
        // CURL_GLOBAL_DEFAULT (SSL and, on Windows, Winsock): once, before any handle, which `shared` ensures.
        let globalInit = try symbol("curl_global_init", as: GlobalInit.self)
        let code = globalInit(3)
        guard code == 0 else { throw LoadError(description: "curl_global_init failed (\(code))") }
    }

    private static func load() -> Result<FormPoster, LoadError> {
        for name in libraryNames {
            guard let library = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            do {
                return .success(try FormPoster(library: library))
            } catch {
                return .failure(error)
            }
        }
        return .failure(LoadError(description: "libcurl (\(libraryNames[0])) is not installed; install libcurl4 to notify WebSub hubs"))
    }

    /// Discards a response body, which libcurl would otherwise write to standard output.
    private static let discard: Sink = { _, size, count, _ in size * count }

    /// POSTs `body` to `url` and waits for the status; blocking, so callers run it off the cooperative pool.
    /// Redirects are followed (up to five, POST kept), over http and https only.
    func post(_ body: String, to url: String, userAgent: String, timeout: Duration) -> Outcome {
        guard let handle = easyInit() else { return .failed("curl_easy_init failed") }
        defer { easyCleanup(handle) }
        var headers = listAppend(nil, "Content-Type: application/x-www-form-urlencoded")
        headers = listAppend(headers, "Expect:")
        defer { listFree(headers) }
        let (seconds, attoseconds) = timeout.components
        let milliseconds = Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
        let bytes = Array(body.utf8)
        return url.withCString { url in
            userAgent.withCString { agent in
                bytes.withUnsafeBytes { bytes in
                    let settings: [Int32] = [
                        setPointer(handle, Option.url, url),
                        setPointer(handle, Option.userAgent, agent),
                        setPointer(handle, Option.headers, UnsafeRawPointer(headers)),
                        setLong(handle, Option.postFieldSize, bytes.count),
                        setPointer(handle, Option.postFields, bytes.baseAddress ?? UnsafeRawPointer(url)),
                        setPointer(handle, Option.writeFunction, unsafeBitCast(Self.discard, to: UnsafeRawPointer.self)),
                        setLong(handle, Option.noSignal, 1),
                        setLong(handle, Option.timeoutMilliseconds, milliseconds),
                        setLong(handle, Option.followLocation, 1),
                        setLong(handle, Option.maximumRedirects, 5),
                        // CURL_REDIR_POST_301 | 302 | 303: a moved hub still gets the form.
                        setLong(handle, Option.postRedirects, 7),
                    ]
                    if let failed = settings.first(where: { $0 != 0 }) { return .failed(message(failed)) }
                    // Older libcurl lacks these two (7.85): the URL's scheme was checked by the caller anyway.
                    _ = "http,https".withCString { setPointer(handle, Option.protocols, $0) }
                    _ = "http,https".withCString { setPointer(handle, Option.redirectProtocols, $0) }
                    let code = perform(handle)
                    guard code == 0 else { return .failed(message(code)) }
                    var status = 0
                    _ = getLong(handle, Option.responseCode, &status)
                    return .status(status)
                }
            }
        }
    }

    private func message(_ code: Int32) -> String {
        errorText(code).map { String(cString: $0) } ?? "libcurl error \(code)"
    }
}
