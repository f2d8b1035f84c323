// Number value rules (service: `nonNegativeInteger`, `positiveInteger`, `UINT31`, `Integer`, `Float`,
// `alphanumeric`, `percentType`, `latitude`, `longitude`, `commaSeparatedIntegers`).

/// An integer of 0 or more: `InvalidNonNegativeInteger`.
class NonNegativeInteger: TextValue {
    override func validate() {
        guard let number = PythonNumbers.integer(value), number >= 0 else {
            log(.invalidNonNegativeInteger, "\(name) must be a whole number of 0 or more, not \"\(value.prefix(40))\"")
            return
        }
    }
}

/// An integer of 1 or more, at most `maximum` when there is one: `InvalidPositiveInteger`, `IntegerOverflow`.
class PositiveInteger: TextValue {
    /// The largest value allowed; nil for none.
    var maximum: Int? { nil }

    override func validate() {
        guard let number = PythonNumbers.integer(value), number > 0 else {
            log(.invalidPositiveInteger, "\(name) must be a whole number of 1 or more, not \"\(value.prefix(40))\"")
            return
        }
        if let maximum, number > maximum {
            log(.integerOverflow, "\(name) \(value.prefix(40)) is more than \(maximum)")
        }
    }
}

/// A positive integer that fits in 31 bits (service: `UINT31`).
class UInt31: PositiveInteger {
    override var maximum: Int? { 2_147_483_647 }
}

/// Any integer; empty is allowed (service: `Integer`): `InvalidInteger`.
class IntegerValue: TextValue {
    override func validate() {
        if !value.isEmpty, PythonNumbers.integer(value) == nil {
            log(.invalidInteger, "\(name) must be a whole number, not \"\(value.prefix(40))\"")
        }
    }
}

/// Digits with an optional decimal point, no sign (service: `Float`): `InvalidFloat`.
class FloatValue: TextValue {
    override func validate() {
        checkFloat(value)
    }

    /// Logs `InvalidFloat` when `text` is not digits, an optional `.` and more digits.
    func checkFloat(_ text: String) {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
        var valid = index > 0
        if valid, index < bytes.count, bytes[index] == UInt8(ascii: ".") { index += 1 }
        while index < bytes.count, bytes[index].isASCIIDigit { index += 1 }
        if index < bytes.count, !(index == bytes.count - 1 && bytes[index] == UInt8(ascii: "\n")) { valid = false }
        if !valid {
            log(.invalidFloat, "\(name) must be a decimal number such as 12.5, not \"\(text.prefix(40))\"")
        }
    }
}

/// Letters and digits only, white space around allowed (service: `alphanumeric`): `InvalidAlphanum`.
class Alphanumeric: TextValue {
    override func validate() {
        let core = value.trimmedWhitespace
        if core.isEmpty || !core.utf8.allSatisfy(\.isASCIIAlphanumeric) {
            log(.invalidAlphanum, "\(name) must be letters and digits only, not \"\(value.prefix(40))\"")
        }
    }
}

/// A number from 0 to 100 (service: `percentType`): `InvalidPercentage`.
class Percentage: TextValue {
    override func validate() {
        guard let number = PythonNumbers.float(value), !(number < 0 || number > 100) else {
            log(.invalidPercentage, "\(name) must be a number from 0 to 100, not \"\(value.prefix(40))\"")
            return
        }
    }
}

/// Degrees from -90 to 90 (service: `latitude`): `InvalidLatitude`.
class Latitude: TextValue {
    override func validate() {
        guard let number = PythonNumbers.float(value), !(number > 90 || number < -90) else {
            log(.invalidLatitude, "\(name) must be a latitude in degrees from -90 to 90, not \"\(value.prefix(40))\"")
            return
        }
    }
}

/// Degrees from -180 to 180 (service: `longitude`): `InvalidLongitude`.
class Longitude: TextValue {
    override func validate() {
        guard let number = PythonNumbers.float(value), !(number > 180 || number < -180) else {
            log(.invalidLongitude, "\(name) must be a longitude in degrees from -180 to 180, not \"\(value.prefix(40))\"")
            return
        }
    }
}

/// Integers separated by commas and optional white space (service: `commaSeparatedIntegers`).
class CommaSeparatedIntegers: TextValue {
    override func validate() {
        let scalars = Array(value.unicodeScalars)
        var index = 0
        func digits() -> Bool {
            let start = index
            while index < scalars.count, scalars[index].properties.numericType == .decimal { index += 1 }
            return index > start
        }
        var valid = digits()
        while valid, index < scalars.count, scalars[index] == "," {
            index += 1
            while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
            valid = digits()
        }
        if !valid || index != scalars.count {
            log(.invalidCommaSeparatedIntegers, "\(name) must be whole numbers separated by commas, not \"\(value.prefix(40))\"")
        }
    }
}
