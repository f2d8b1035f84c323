// Byte and scalar classes the syntax scanners share: ASCII only, as the service's patterns are.

extension UInt8 {
    /// `0`–`9`.
    var isASCIIDigit: Bool { self >= 48 && self <= 57 }
    /// `A`–`Z` or `a`–`z`.
    var isASCIILetter: Bool { (self | 0x20) >= 97 && (self | 0x20) <= 122 }
    /// A letter or digit.
    var isASCIIAlphanumeric: Bool { isASCIIDigit || isASCIILetter }
    /// The byte lower-cased when it is an ASCII capital.
    var asciiLowercased: UInt8 { self >= 65 && self <= 90 ? self + 32 : self }
}

extension UInt8 {
    /// `0`–`9`, `A`–`F`, `a`–`f`.
    var isHexDigit: Bool { isASCIIDigit || ((self | 0x20) >= 97 && (self | 0x20) <= 102) }
}
