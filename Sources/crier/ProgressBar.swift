import Foundation
import Platform

/// A one-line progress bar on standard error, drawn only when standard error is a terminal and the folder is
/// large enough for the wait to be noticeable.
final class ProgressBar: @unchecked Sendable {
    /// Folders with fewer articles than this finish before a bar would be readable.
    static let threshold = 300

    private let lock = NSLock()
    private var lastPercent = -1
    private var drawn = false

    /// Whether standard error is a terminal; asked once, not for every file.
    private let isTerminal = ProcessFacts.isStandardErrorATerminal

    /// Redraws the bar when the percentage changed; cheap to call for every file.
    func update(done: Int, total: Int) {
        guard isTerminal, total >= Self.threshold else { return }
        let percent = done * 100 / max(total, 1)
        lock.lock()
        defer { lock.unlock() }
        guard percent != lastPercent else { return }
        lastPercent = percent
        drawn = true
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(percent)% \(done)/\(total) articles".utf8))
    }

    /// Clears the bar's line so the next message starts clean.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        drawn = false
    }
}
