// E-mail value rules (service: `addr_spec`, `email`, `email_with_name`, `nonemail`).

/// An e-mail address alone (service: `addr_spec`; RFC 2822 section 3.4.1): `InvalidAddrSpec` otherwise.
class AddressSpec: TextValue {
    /// The finding for a malformed address.
    var invalidRule: Rule { .invalidAddrSpec }

    override func validate() {
        checkAddress(value)
    }

    /// Checks one address and logs `invalidRule`, or `UnknownHost` for an address whose domain has one label
    /// or unusual characters (the service looks such hosts up; Crier never goes to the network, and reports
    /// what the service reports when the lookup fails).
    func checkAddress(_ address: String) {
        switch EmailText.classify(address) {
        case .valid:
            break
        case .unusualHost:
            log(.unknownHost, "\(name) \"\(address.prefix(80))\" names a host that may not exist")
        case .invalid:
            log(invalidRule, "\(name) must be an e-mail address such as jane@example.com, not \"\(value.prefix(80))\"")
        }
    }
}

/// An e-mail address, optionally with a name in any RFC 2822 form (service: `email`): `InvalidContact`
/// otherwise; HTML in it is `ContainsHTML`.
class EmailAddress: AddressSpec {
    override var invalidRule: Rule { .invalidContact }

    override func prevalidate() {
        MarkupText.markMixedContent(self)
    }

    override func validate() {
        let addresses = AddressList.addresses(in: value)
        let address = addresses.count == 1 ? addresses[0].address : value
        MarkupText.checkNonHTML(value, in: self)
        checkAddress(address)
    }
}

/// `address (Real Name)` as the RSS 2.0 specification writes authors (service: `email_with_name`; RSS Best
/// Practices Profile, "author"): an address without a name is `MissingRealName`, another form of name
/// `EmailFormat`.
class EmailWithName: EmailAddress {
    override func validate() {
        if value.hasPrefix("mailto:") {
            value = EmailText.percentDecoded(String(value.dropFirst(7)))
        }
        if let at = value.firstIndex(of: "@"), at > value.startIndex, !value.hasSuffix(")") {
            if let space = value.firstIndex(of: " "), space > value.startIndex {
                log(.emailFormat, "\(name) should be written as jane@example.com (Jane Doe)")
            } else {
                log(.missingRealName, "\(name) should give a name after the address: jane@example.com (Jane Doe)")
            }
            return
        }
        super.validate()
    }
}

/// Text that should not hold an e-mail address in angle brackets (service: `nonemail`): `ContainsEmail`, since
/// published addresses attract spam.
class NonEmail: TextValue {
    override func validate() {
        if EmailText.containsBracketedAddress(value) {
            log(.containsEmail, "\(name) contains an e-mail address; spammers harvest addresses from feeds")
        }
    }
}

/// Scans of e-mail addresses, by hand (they run on every author of every entry).
enum EmailText {
    /// How an address fares.
    enum Verdict {
        case valid
        /// Valid in a looser sense (one-label domain, `_` in the domain, non-ASCII local part).
        case unusualHost
        case invalid
    }

    private static let localSpecials = Set("_-+.'!#$%&*/=?^`{|}~".utf8)

    /// The service's two patterns: the strict one (an RFC 2822 dot-atom-like local part, a domain of two or
    /// more labels), then a looser one whose matches only draw `UnknownHost`.
    static func classify(_ address: String) -> Verdict {
        let bytes = Array(address.utf8)
        if isStrict(bytes[...]) { return .valid }
        guard isLoose(address) else { return .invalid }
        // The service looks such a host up; localhost always resolves.
        return address.lowercased().hasSuffix("@localhost") ? .valid : .unusualHost
    }

    static func isStrict(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[bytes.startIndex..<at]
        guard !local.isEmpty, local.allSatisfy({ $0.isASCIIAlphanumeric || localSpecials.contains($0) }) else { return false }
        return isDomain(bytes[(at + 1)...])
    }

    /// Two or more non-empty labels of letters, digits and hyphens, the last starting with a letter or digit.
    static func isDomain(_ bytes: ArraySlice<UInt8>) -> Bool {
        let labels = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels where label.isEmpty || !label.allSatisfy({ $0.isASCIIAlphanumeric || $0 == UInt8(ascii: "-") }) {
            return false
        }
        return labels.last!.first!.isASCIIAlphanumeric
    }

    /// `word characters._%+-` `@` a letter then word characters, dots or hyphens.
    private static func isLoose(_ address: String) -> Bool {
        let scalars = Array(address.unicodeScalars)
        guard let at = scalars.firstIndex(of: "@"), at > 0 else { return false }
        let isWord: (Unicode.Scalar) -> Bool = { $0.properties.isAlphabetic || $0.properties.numericType == .decimal || $0 == "_" }
        guard scalars[..<at].allSatisfy({ isWord($0) || $0 == "." || $0 == "%" || $0 == "+" || $0 == "-" }) else { return false }
        let domain = scalars[(at + 1)...]
        guard domain.count >= 2, let first = domain.first, first.isASCII, first.properties.isAlphabetic else { return false }
        return domain.dropFirst().allSatisfy { isWord($0) || $0 == "." || $0 == "-" }
    }

    /// True when the text holds `<local@domain>` with the strict pattern inside the brackets.
    static func containsBracketedAddress(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var start = 0
        while let open = bytes[start...].firstIndex(of: UInt8(ascii: "<")) {
            if let close = bytes[(open + 1)...].firstIndex(of: UInt8(ascii: ">")), isStrict(bytes[(open + 1)..<close]) {
                return true
            }
            start = open + 1
        }
        return false
    }

    /// `%xx` escapes decoded as UTF-8 (Python's `unquote`).
    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, bytes[index + 1].isHexDigit, bytes[index + 2].isHexDigit,
                let value = UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                output.append(value)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
