import Dispatch
import Synchronization
import Testing

@testable import Ingest

/// cmark-gfm 0.29 (Debian's) keeps the characters that start an extension's inline syntax (`:` and `w` for
/// autolinks, `~` for strikethrough) in one process-wide table, switched on when a parser starts its inline
/// pass and off when it ends: two documents parsed at once on two threads could lose each other's autolinks
/// and strikethrough. Crier renders Markdown on all cores, so this must hold whatever the interleaving.
@Suite struct MarkdownConcurrencyTests {
    @Test func documentsRenderedOnAllCoresKeepTheirAutolinksAndStrikethrough() {
        let count = 4_000
        let wrong = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let markdown = "Item \(index): see https://example.org/\(index) and www.example.com, ~~old~~ new.\n"
            let html = MarkdownRenderer.render(markdown, extractTitle: false).html
            let linked =
                html.contains("<a href=\"https://example.org/\(index)\">")
                && html.contains("<a href=\"http://www.example.com\">")
            if !linked || !html.contains("<del>old</del>") {
                wrong.withLock { $0.append(index) }
            }
        }
        #expect(wrong.withLock { $0 }.isEmpty, "rendered without their extensions: \(wrong.withLock { $0.prefix(10) })")
    }
}
