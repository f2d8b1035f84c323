import Foundation
import Parallel

/// Remembers what validation found in each HTML body, so documents validated together check each body once.
///
/// A feed build writes the same cleaned body into RSS `content:encoded`, Atom `content` and JSON Feed
/// `content_html`; parsing it with libxml2's HTML parser is most of the cost of validating a document. The
/// findings of a body's markup depend only on its text and on whether an `xml:base` is in scope, so they are
/// memoised by exactly that (the full text, not a hash of it: a collision must never hide a finding). Every
/// document is still parsed and checked in full; only the markup walk of a body already seen is reused.
///
/// A session is safe to share between threads. Keep one per publish: it holds every distinct body it saw
/// until `forgetBodies()`.
public final class ValidationSession: @unchecked Sendable {
    /// The exact bytes of a body, not the `String`: `String`'s `==` and hash are by canonical equivalence,
    /// which normalises non-ASCII text on every lookup and could equate two bodies whose bytes differ.
    private struct Key: Hashable {
        var html: String
        var hasBase: Bool

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.hasBase == rhs.hasBase && lhs.html.utf8.count == rhs.html.utf8.count
                && Self.withBytes(of: lhs.html) { left in
                    Self.withBytes(of: rhs.html) { right in
                        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
                        return memcmp(leftBase, rightBase, left.count) == 0
                    }
                }
        }

        /// Hashes the length and the first and last 256 bytes: bodies differ near their start (the title,
        /// the first paragraph), and `==` compares every byte anyway.
        func hash(into hasher: inout Hasher) {
            hasher.combine(hasBase)
            Self.withBytes(of: html) { bytes in
                hasher.combine(bytes.count)
                let raw = UnsafeRawBufferPointer(bytes)
                if raw.count <= 512 {
                    hasher.combine(bytes: raw)
                } else {
                    hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw.prefix(256)))
                    hasher.combine(bytes: UnsafeRawBufferPointer(rebasing: raw.suffix(256)))
                }
            }
        }

        private static func withBytes<R>(of string: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            if let result = string.utf8.withContiguousStorageIfAvailable(body) { return result }
            var copy = string
            return copy.withUTF8(body)
        }
    }

    // Guards `cache`; the unchecked Sendable conformance rests on every access holding it.
    private let lock = NSLock()
    private var cache: [Key: [MarkupFinding]] = [:]
    /// What the W3C service's HTML checks find in a body (`MarkupText`), for RSS and Atom documents.
    private var serviceCache: [Key: [HTMLFinding]] = [:]

    /// Creates an empty session.
    public init() {}

    /// Checks the markup of many HTML bodies at once on all cores, so that validating the documents that
    /// carry them finds every body already checked.
    ///
    /// Only bodies with markup are parsed; results are the same as when each document checks its own.
    /// - Parameter bodies: HTML text as it will appear in the documents (after XML unescaping).
    public func check(htmlBodies bodies: [String]) {
        var seen: Set<Key> = []
        let pending = bodies.filter { body in
            let key = Key(html: body, hasBase: false)
            return ByteSearch.contains(UInt8(ascii: "<"), in: body) && seen.insert(key).inserted && cached(key) == nil
        }
        guard !pending.isEmpty else { return }
        // Runs of a few bodies per claim, so one slow body does not leave a core idle at the end. Both checks
        // run: JSON Feed documents use the first, RSS and Atom the second.
        let findings = Parallel.map(pending[...], run: 8) { body in
            (HTMLContentCheck.markupFindings(html: body, hasBase: false), MarkupText.computeFindings(html: body))
        }
        lock.withLock {
            for (body, found) in zip(pending, findings) {
                cache[Key(html: body, hasBase: false)] = found.0
                serviceCache[Key(html: body, hasBase: false)] = found.1
            }
        }
    }

    /// What the service's HTML checks find in one body, computed on first use.
    func htmlFindings(html: String) -> [HTMLFinding] {
        let key = Key(html: html, hasBase: false)
        if let found = lock.withLock({ serviceCache[key] }) { return found }
        let findings = MarkupText.computeFindings(html: html)
        lock.withLock { serviceCache[key] = findings }
        return findings
    }

    /// Forgets every body checked so far, when the caller knows none of them will be seen again (the
    /// publisher, after a window of entries went through every format): the session then holds one window
    /// of bodies rather than every body of the feed.
    public func forgetBodies() {
        lock.withLock {
            cache.removeAll()
            serviceCache.removeAll()
        }
    }

    /// The markup findings of one HTML fragment, computed on first use.
    func markupFindings(html: String, hasBase: Bool) -> [MarkupFinding] {
        let key = Key(html: html, hasBase: hasBase)
        if let found = cached(key) { return found }
        let findings = HTMLContentCheck.markupFindings(html: html, hasBase: hasBase)
        lock.withLock { cache[key] = findings }
        return findings
    }

    private func cached(_ key: Key) -> [MarkupFinding]? {
        lock.withLock { cache[key] }
    }
}
