import CrierTestHelpers
import Testing

@testable import FeedBuilder

/// The ASCII fast path of `ContentCleaner.collapsedWhitespace` gives what the grapheme-by-grapheme path gives.
@Suite struct CollapsedWhitespaceTests {
    /// The slow path alone, as it was before the fast path.
    static func reference(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    @Test func theFastPathAgreesWithTheReferenceOnRandomText() {
        var random = SeededGenerator(seed: 7)
        let pieces = ["a", "Z", "9", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "\u{2003}", "é", "\u{1F}", "\u{7F}", "-", ".", "\u{3000}"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0..<12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            #expect(Array(ContentCleaner.collapsedWhitespace(text).utf8) == Array(Self.reference(text).utf8), "\(text.debugDescription)")
        }
        #expect(ContentCleaner.isCollapsedASCII("Report on the order: Yilmaz reveals it"))
        #expect(!ContentCleaner.isCollapsedASCII("two  spaces"))
        #expect(!ContentCleaner.isCollapsedASCII(" leading"))
    }
}
