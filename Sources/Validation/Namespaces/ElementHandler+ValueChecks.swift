/// Ways for an extension element to run a value rule over something other than one whole attribute.
extension ElementHandler {
    /// Runs a value rule over a value this element derived (one word of its text, a default attribute value),
    /// under the name given, as the service does by renaming itself and calling a value class's `validate`.
    func validateValue(_ value: String, named name: String, with rule: ElementHandler) {
        rule.attach(name: name, attributes: AttributeList(), parent: self, walker: walker)
        rule.value = value
        rule.validate()
    }

    /// Runs a value rule over this element's own value, as if the rule were this element's handler: for an
    /// element whose value rule depends on an attribute (`type="html"`), known only once it starts.
    func validateOwnValue(with rule: ElementHandler) {
        guard let parent else { return }
        rule.attach(name: name, attributes: AttributeList(), parent: parent, walker: walker)
        rule.position = position
        rule.xmlBase = xmlBase
        rule.xmlLang = xmlLang
        rule.children = children
        rule.value = value
        rule.validate()
    }

    /// The value of an attribute when it is present and not empty (the service's `if self.value:` tests).
    func nonEmptyAttribute(_ local: String) -> String? {
        guard let value = attributes[local], !value.isEmpty else { return nil }
        return value
    }
}

/// Small pieces of value syntax the extension vocabularies share, written as scanners rather than regular
/// expressions: they run on every such value and must not allocate.
enum ExtensionSyntax {
    /// Whether the text starts with `\d+\.?\d*` (an unsigned decimal number, whatever follows): the service's
    /// test for Media RSS rates and durations.
    static func startsWithNumber(_ text: Substring) -> Bool {
        text.unicodeScalars.first.map(isDigit) ?? false
    }

    /// The length of the `[-+]?\d+\.?\d*` prefix of `text` (an optionally signed decimal number), 0 when none.
    static func decimalPrefix(_ text: Substring.UnicodeScalarView, signed: Bool) -> Int {
        var index = text.startIndex
        var length = 0
        if signed, index < text.endIndex, text[index] == "-" || text[index] == "+" {
            index = text.index(after: index)
            length += 1
        }
        var digits = 0
        while index < text.endIndex, isDigit(text[index]) {
            index = text.index(after: index)
            digits += 1
        }
        guard digits > 0 else { return 0 }
        length += digits
        if index < text.endIndex, text[index] == "." {
            index = text.index(after: index)
            length += 1
            while index < text.endIndex, isDigit(text[index]) {
                index = text.index(after: index)
                length += 1
            }
        }
        return length
    }

    /// Whether the whole text is `[-+]?\d+\.?\d*` (or without the sign when `signed` is false).
    static func isDecimal(_ text: Substring, signed: Bool = true) -> Bool {
        let scalars = text.unicodeScalars
        let length = decimalPrefix(scalars, signed: signed)
        return length > 0 && length == scalars.count
    }

    /// A decimal digit, as regular expressions' `\d` means it on Unicode text.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType == .decimal
    }

    /// White space as `\s` means it.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace
    }

    /// A word character as `\w` means it: letters, digits, underscore.
    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
