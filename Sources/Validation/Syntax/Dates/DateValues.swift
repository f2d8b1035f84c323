import FeedModel

// Date value rules. Each is one of the W3C Feed Validation Service's date classes; the scanners behind them
// are in `RFC822Text` and `ISO8601Text`.

/// An RFC 822 date-time as RSS 2.0 uses it (service: `rfc822`): the RFC 2822 shape is valid, the looser
/// RFC 822 shape (lower case, comments, one-letter zones, two-digit years) is `ProblematicalRFC822Date`, a
/// weekday that is not the date's is `IncorrectDOW`. RSS 2.0 specification, "Elements of <item>", and RFC 822
/// section 5.
class RFC822Date: TextValue {
    override func validate() {
        RFC822Text.check(value, in: self)
    }
}

/// An ISO 8601 date-time of any year (service: `unbounded_iso8601`): `YYYY[-MM[-DD[Thh:mm[:ss[.s]][zone]]]]`.
class UnboundedISO8601Date: TextValue {
    /// The shape the text must have (W3C-DTF and RFC 3339 are stricter profiles).
    var profile: ISO8601Text.Profile { .iso8601 }
    /// The finding for a value of the wrong shape.
    var invalidRule: Rule { .invalidISO8601DateTime }
    /// Whether dates before 1990 or in the future are `ImplausibleDate`.
    var bounded: Bool { false }

    override func validate() {
        _ = checkDate()
    }

    /// Checks the value; true when it has the profile's shape and its fields are in range.
    func checkDate() -> Bool {
        ISO8601Text.check(value, profile: profile, rule: invalidRule, bounded: bounded, in: self)
    }
}

/// An ISO 8601 date-time of a plausible year (service: `iso8601`).
class ISO8601Date: UnboundedISO8601Date {
    override var bounded: Bool { true }
}

/// A W3C-DTF date-time (service: `w3cdtf`): ISO 8601 where a time needs a zone (W3C NOTE-datetime).
class W3CDTFDate: ISO8601Date {
    override var profile: ISO8601Text.Profile { .w3cdtf }
    override var invalidRule: Rule { .invalidW3CDTFDate }
}

/// A W3C-DTF date-time of any year (service: `unbounded_w3cdtf`). The service checks nothing here: its class
/// turns the bounded check off, and the bounded check is the only path to the shape check.
class UnboundedW3CDTFDate: W3CDTFDate {
    override func validate() {}
}

/// An RFC 3339 date-time, as Atom uses it (service: `rfc3339`; RFC 4287 section 3.3): a full date, a time with
/// seconds, and a zone.
class RFC3339Date: ISO8601Date {
    override var profile: ISO8601Text.Profile { .rfc3339 }
    override var invalidRule: Rule { .invalidRFC3339Date }
}

/// An ISO 8601 calendar date without a time (service: `iso8601_date`): a date-time is `InvalidISO8601Date`.
class ISO8601DayDate: ISO8601Date {
    override func validate() {
        guard checkDate() else { return }
        if !ISO8601Text.isCalendarDate(value) {
            log(.invalidISO8601Date, "\(name) must be a date (YYYY-MM-DD), not \"\(value.prefix(60))\"")
        }
    }
}
