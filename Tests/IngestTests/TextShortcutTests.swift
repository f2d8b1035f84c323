import Foundation
import Testing

@testable import Ingest

/// Byte-level checks on decoded text against the scalar-level definitions they shortcut.
@Suite struct TextShortcutTests {
    @Test func blankScalarsMatchUnicodeProperties() {
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            #expect(ArticleReader.isBlankScalar(scalar) == expected, "U+\(String(value, radix: 16))")
        }
    }

    @Test func c1DetectionMatchesAScalarScan() {
        var generator = SystemRandomNumberGenerator()
        var samples = [
            "", "plain", "é", "\u{80}", "\u{9F}", "\u{A0}", "x\u{85}", "Â\u{80}", "\u{C2}\u{A0}\u{9D}", "€",
            String(repeating: "é", count: 100) + "\u{90}",
        ]
        let pieces = ["a", "é", "Â", "\u{80}", "\u{9F}", "\u{A0}", "\u{C2}", "€", "\u{1F600}", "\n"]
        for _ in 0..<2_000 {
            samples.append((0..<Int.random(in: 0..<12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for sample in samples {
            let expected = sample.unicodeScalars.contains { (0x80...0x9F).contains($0.value) }
            #expect(TextDecoder.hasC1Control(sample) == expected, "\(sample.debugDescription)")
        }
    }
}

/// `FastText.trimmingSpaces`, now used for every trimmed front matter value and date, against Foundation.
@Suite struct TrimmingTests {
    @Test func trimmingSpacesMatchesFoundation() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", " ", "\t", "\n", "\u{A0}", "\u{3000}", "é", "e\u{301}", "\u{301}", "\r\n", "\u{2028}", "x y"]
        var samples = ["", " ", "\t a \t", "a", " a\u{301}", "\u{A0}x\u{A0}"]
        for _ in 0..<2_000 {
            samples.append((0..<Int.random(in: 0..<8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for sample in samples {
            #expect(FastText.trimmingSpaces(sample) == sample.trimmingCharacters(in: .whitespaces), "\(sample.debugDescription)")
        }
    }
}

/// The byte scanner of ASCII dates against the `Character` scanner.
@Suite struct DateScannerTests {
    @Test func asciiDatesScanAsCharactersDo() {
        var generator = SystemRandomNumberGenerator()
        let pieces = [
            "2024", "-", "03", "05", "T", "t", " ", "09", ":", "30", "00", ".", ",", "123", "Z", "z", "+01:00", "+0100",
            "-05", "UTC", "GMT", "\r\n", "\r", "x", "1", "999999",
        ]
        var samples = [
            "2024-03-05", "2024-03-05 09:30", "2024-03-05T09:30:00+01:00", "2024-03-05T09:30:00.5Z", "2024-3-5",
            "2024-03-05T09:30:00 +0100", "2024-03-05\r\n", "2024-03-0\r\n", "2024-03-05T09:30:00,Z", "",
        ]
        for _ in 0..<5_000 {
            samples.append((0..<Int.random(in: 1..<10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for sample in samples {
            let bytes = DateText.parseISO(sample).map { "\($0.0) \($0.1.map(String.init) ?? "-")" }
            let characters = DateText.parseISO(sample, byCharacters: true).map { "\($0.0) \($0.1.map(String.init) ?? "-")" }
            #expect(bytes == characters, "\(sample.debugDescription)")
        }
    }
}
