// Text value rules (service: `duration`, `lengthLimitedText`, `keywords`, `formname`).

/// `H[:MM[:SS]]` (service: `duration`, the iTunes `duration`): `InvalidDuration`.
class DurationValue: TextValue {
    override func validate() {
        let bytes = Array(value.utf8)
        var index = 0
        while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
        var valid = index > 0
        var groups = 0
        while valid, groups < 2, index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard index + 2 < bytes.count, (48...53).contains(bytes[index + 1]), bytes[index + 2].isASCIIDigit else {
                valid = false
                break
            }
            index += 3
            groups += 1
        }
        if !valid || index != bytes.count {
            log(.invalidDuration, "\(name) must be a duration such as 3600, 59:30 or 1:02:03, not \"\(value.prefix(40))\"")
        }
    }
}

/// Text of at most `max` characters, without HTML (service: `lengthLimitedText`): `TooLong`.
class LengthLimitedText: NonHTML {
    let max: Int

    init(max: Int) {
        self.max = max
    }

    override func validate() {
        let length = value.unicodeScalars.count
        if length > max {
            log(.tooLong, "\(name) is \(length) characters long; at most \(max) are allowed")
        }
        super.validate()
    }
}

/// Keywords separated by commas (service: `keywords`): words separated by spaces alone are `InvalidKeywords`.
class KeywordList: TextValue {
    override func validate() {
        if value.contains(" ") && !value.contains(",") {
            log(.invalidKeywords, "\(name) must separate keywords with commas")
        }
    }
}

/// A form component name starting with a letter (service: `formname`): `InvalidFormComponentName`.
class FormName: TextValue {
    override func validate() {
        // The service's character class is A-z, which also admits [ \ ] ^ _ and the backquote.
        guard let first = value.utf8.first, (65...90).contains(first) || (91...122).contains(first) else {
            log(.invalidFormComponentName, "\(name) must start with a letter, not \"\(value.prefix(40))\"")
            return
        }
    }
}
