import Foundation

/// The IDNA 2003 ToASCII conversion (RFC 3490 section 4.1, with Nameprep, RFC 3491, and Punycode, RFC 3492)
/// applied to a whole URI split at dots, as the W3C service applies Python's `idna` codec to an IRI: the
/// service calls an IRI valid when this conversion gives a valid URI, and a URI with non-ASCII characters
/// `UriNotIri` when it would have been a valid IRI.
///
/// Nameprep is approximated: case folding and NFKC through Foundation, the prohibited ranges of RFC 3454
/// tables C.1.2 to C.9, and its bidirectional rule with right-to-left scripts found by block. Only text with
/// non-ASCII characters reaches it.
enum IDNA {
    /// The ASCII form, or nil when a label is empty, too long, or holds a character Nameprep prohibits.
    static func toASCII(_ text: String) -> String? {
        if text.isEmpty { return "" }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let labels = text.split(separator: ".", omittingEmptySubsequences: false)
            for label in labels.dropLast() where label.isEmpty || label.utf8.count >= 64 { return nil }
            if let last = labels.last, last.utf8.count >= 64 { return nil }
            return text
        }
        var labels: [[Unicode.Scalar]] = [[]]
        for scalar in text.unicodeScalars {
            if scalar == "." || scalar == "\u{3002}" || scalar == "\u{FF0E}" || scalar == "\u{FF61}" {
                labels.append([])
            } else {
                labels[labels.count - 1].append(scalar)
            }
        }
        var trailingDot = ""
        if labels.count > 1, labels[labels.count - 1].isEmpty {
            labels.removeLast()
            trailingDot = "."
        }
        var result: [String] = []
        for label in labels {
            guard let ascii = labelToASCII(label) else { return nil }
            result.append(ascii)
        }
        return result.joined(separator: ".") + trailingDot
    }

    private static func labelToASCII(_ label: [Unicode.Scalar]) -> String? {
        var scalars = label
        if !scalars.allSatisfy(\.isASCII) {
            guard let prepared = nameprep(scalars) else { return nil }
            scalars = prepared
        }
        if scalars.allSatisfy(\.isASCII) {
            let ascii = String(String.UnicodeScalarView(scalars))
            return ascii.utf8.count > 0 && ascii.utf8.count < 64 ? ascii : nil
        }
        if String(String.UnicodeScalarView(scalars.prefix(4))) == "xn--" { return nil }
        let encoded = "xn--" + punycode(scalars.map(\.value))
        return encoded.utf8.count < 64 ? encoded : nil
    }

    /// RFC 3491: map (drop the table B.1 characters, case fold), normalise (NFKC), prohibit, check bidi.
    private static func nameprep(_ label: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        var mapped = ""
        for scalar in label where !isMappedToNothing(scalar.value) {
            mapped += String(scalar).lowercased()
        }
        let normalized = Array(mapped.precomposedStringWithCompatibilityMapping.unicodeScalars)
        if normalized.contains(where: { isProhibited($0.value) }) { return nil }
        let rightToLeft = normalized.map { isRightToLeft($0.value) }
        if rightToLeft.contains(true) {
            if normalized.contains(where: { isLeftToRight($0) }) { return nil }
            if rightToLeft.first != true || rightToLeft.last != true { return nil }
        }
        return normalized
    }

    private static func isMappedToNothing(_ value: UInt32) -> Bool {
        switch value {
        case 0xAD, 0x34F, 0x1806, 0x180B...0x180D, 0x200B...0x200D, 0x2060, 0xFE00...0xFE0F, 0xFEFF: true
        default: false
        }
    }

    private static func isProhibited(_ value: UInt32) -> Bool {
        switch value {
        case 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: true  // C.1.2 non-ASCII spaces
        case 0x80...0x9F, 0x6DD, 0x70F, 0x180E, 0x200C, 0x200D, 0x2028, 0x2029, 0x2060...0x2063, 0x206A...0x206F,
            0xFEFF, 0xFFF9...0xFFFD, 0x1D173...0x1D17A:
            true  // C.2.2 controls, C.6
        case 0xE000...0xF8FF, 0xF0000...0xFFFFD, 0x100000...0x10FFFD: true  // C.3 private use
        case 0xFDD0...0xFDEF: true  // C.4 non-characters
        case 0x2FF0...0x2FFB, 0x340, 0x341, 0x200E, 0x200F, 0x202A...0x202E, 0xE0001, 0xE0020...0xE007F: true  // C.7–C.9
        default: value & 0xFFFE == 0xFFFE
        }
    }

    /// Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms: RFC 3454 table D.1, by block.
    private static func isRightToLeft(_ value: UInt32) -> Bool {
        switch value {
        case 0x5BE, 0x5C0, 0x5C3, 0x5D0...0x5F4, 0x608, 0x60B, 0x60D, 0x61B...0x64A, 0x66D...0x66F, 0x671...0x6D5,
            0x6E5, 0x6E6, 0x6EE...0x6FF, 0x700...0x70D, 0x710, 0x712...0x72F, 0x74D...0x7A5, 0x7B1, 0x7C0...0x7EA,
            0x200F, 0xFB1D, 0xFB1F...0xFB28, 0xFB2A...0xFDFF, 0xFE70...0xFEFC:
            true
        default: false
        }
    }

    /// Letters of left-to-right scripts: RFC 3454 table D.2, approximated by letters outside table D.1.
    private static func isLeftToRight(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.properties.isAlphabetic, !isRightToLeft(scalar.value) else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark: return false
        default: return true
        }
    }

    /// RFC 3492 section 6.3.
    static func punycode(_ input: [UInt32]) -> String {
        let base: UInt32 = 36
        let tMin: UInt32 = 1
        let tMax: UInt32 = 26
        var output: [UInt8] = input.filter { $0 < 0x80 }.map { UInt8($0) }
        let basicCount = UInt32(output.count)
        var handled = basicCount
        if basicCount > 0 { output.append(UInt8(ascii: "-")) }
        var n: UInt32 = 0x80
        var delta: UInt32 = 0
        var bias: UInt32 = 72
        func digit(_ value: UInt32) -> UInt8 { value < 26 ? UInt8(value + 97) : UInt8(value - 26 + 48) }
        func adapt(_ delta: UInt32, _ points: UInt32, _ first: Bool) -> UInt32 {
            var delta = first ? delta / 700 : delta / 2
            delta += delta / points
            var k: UInt32 = 0
            while delta > ((base - tMin) * tMax) / 2 {
                delta /= base - tMin
                k += base
            }
            return k + (base - tMin + 1) * delta / (delta + 38)
        }
        while handled < UInt32(input.count) {
            let m = input.filter { $0 >= n }.min()!
            delta &+= (m - n) &* (handled + 1)
            n = m
            for code in input {
                if code < n { delta &+= 1 }
                if code == n {
                    var q = delta
                    var k = base
                    while true {
                        let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                        if q < t { break }
                        output.append(digit(t + (q - t) % (base - t)))
                        q = (q - t) / (base - t)
                        k += base
                    }
                    output.append(digit(q))
                    bias = adapt(delta, handled + 1, handled == basicCount)
                    delta = 0
                    handled += 1
                }
            }
            delta &+= 1
            n += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
