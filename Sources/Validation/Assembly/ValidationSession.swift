import Foundation
import Parallel

/// Remembers what validation found in each HTML body, so documents validated together check each body once.
///
/// A feed build writes the same cleaned body into RSS `content:encoded`, Atom `content` and JSON Feed
/// `content_html`; scanning it as HTML (`MarkupText`) is a large part of the cost of validating a document.
/// What that scan finds depends only on the body's text, so it is memoised by exactly that (the full text,
/// not a hash of it: a collision must never hide a finding). Every document is still parsed and checked in
/// full; only the HTML scan of a body already seen is reused, and each document logs its findings at its
/// own element.
///
/// A session is safe to share between threads. Keep one per publish: it holds every distinct body it saw
/// until `forgetBodies()`.
public final class ValidationSession: @unchecked Sendable {
    /// The exact bytes of a body, not the `String`: `String`'s `==` and hash are by canonical equivalence,
    /// which normalises non-ASCII text on every lookup and could equate two bodies whose bytes differ.
    ///
    /// White space at either end is not part of the key: RSS trims an element's text before checking it and
    /// Atom does not, so the same body reaches the session with and without its final newline, and what the
    /// scan finds does not depend on it (`ValidationSessionTests`).
    private struct Key: Hashable {
        var html: String

        init(html: String) {
            self.html = Self.trimmingASCIIWhitespace(html)
        }

        private static func trimmingASCIIWhitespace(_ text: String) -> String {
            let bytes = text.utf8
            guard let first = bytes.first, let last = bytes.last,
                TextScan.isASCIIWhitespace(first) || TextScan.isASCIIWhitespace(last)
            else { return text }
            guard let start = bytes.firstIndex(where: { !TextScan.isASCIIWhitespace($0) }),
                let end = bytes.lastIndex(where: { !TextScan.isASCIIWhitespace($0) })
            else { return "" }
            return String(text[start...end])
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.html.utf8.count == rhs.html.utf8.count
                && TextScan.withBytes(of: lhs.html) { left in
                    TextScan.withBytes(of: rhs.html) { right in
                        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
                        return memcmp(leftBase, rightBase, left.count) == 0
                    }
                }
        }

        /// Hashes the length and the first and last 256 bytes: bodies differ near their start (the title,
        /// the first paragraph), and `==` compares every byte anyway.
        func hash(into hasher: inout Hasher) {
            TextScan.withBytes(of: html) { bytes in
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
    }

    // Guards `cache`; the unchecked Sendable conformance rests on every access holding it.
    private let lock = NSLock()
    /// What the W3C service's HTML checks find in a body (`MarkupText`), for every format.
    private var cache: [Key: [HTMLFinding]] = [:]

    /// Creates an empty session.
    public init() {}

    /// Checks the markup of many HTML bodies at once on all cores, so that validating the documents that
    /// carry them finds every body already checked.
    ///
    /// Only bodies that may hold markup are scanned; results are the same as when each document checks its own.
    /// - Parameter bodies: HTML text as it will appear in the documents (after XML unescaping).
    public func check(htmlBodies bodies: [String]) {
        var seen: Set<Key> = []
        let pending = bodies.filter { body in
            let key = Key(html: body)
            return MarkupText.mayHaveFindings(body) && seen.insert(key).inserted && cached(key) == nil
        }
        guard !pending.isEmpty else { return }
        // Runs of a few bodies per claim, so one slow body does not leave a core idle at the end.
        let findings = Parallel.map(pending[...], run: 8) { MarkupText.computeFindings(html: $0) }
        lock.withLock {
            for (body, found) in zip(pending, findings) { cache[Key(html: body)] = found }
        }
    }

    /// What the service's HTML checks find in one body, computed on first use.
    func htmlFindings(html: String) -> [HTMLFinding] {
        let key = Key(html: html)
        if let found = cached(key) { return found }
        let findings = MarkupText.computeFindings(html: html)
        lock.withLock { cache[key] = findings }
        return findings
    }

    /// Forgets every body checked so far, when the caller knows none of them will be seen again (the
    /// publisher, after a window of entries went through every format): the session then holds one window
    /// of bodies rather than every body of the feed.
    public func forgetBodies() {
        lock.withLock { cache.removeAll() }
    }

    private func cached(_ key: Key) -> [HTMLFinding]? {
        lock.withLock { cache[key] }
    }
}
