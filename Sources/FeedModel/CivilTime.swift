/// A calendar date and wall-clock time in the proleptic Gregorian calendar, without a zone.
///
/// Conversions use Howard Hinnant's days-from-civil algorithm, so they need no Foundation calendar, no
/// locale and no time-zone database, and give the same answer on every machine.
public struct CivilTime: Sendable, Hashable {
    public var year: Int
    /// 1...12
    public var month: Int
    /// 1...31
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    /// Creates a civil time; use `isValid` to check the fields.
    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// True when every field is in range, including the day for the month (leap years counted).
    /// A leap second (`:60`) is accepted as RFC 3339 allows it.
    public var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= Self.daysIn(month: month, year: year)
            && (0...23).contains(hour) && (0...59).contains(minute) && (0...60).contains(second)
    }

    /// The number of days in a month of a year.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// True for Gregorian leap years.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01 for this date.
    public var daysSinceEpoch: Int64 {
        let y = Int64(month <= 2 ? year - 1 : year)
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = Int64(month)
        let dayOfYear = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Seconds since the epoch if this wall-clock time is read at the given UTC offset.
    public func secondsSinceEpoch(utcOffsetSeconds: Int) -> Int64 {
        daysSinceEpoch * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59)) - Int64(utcOffsetSeconds)
    }

    /// The civil time of a day count since the epoch (time fields zero).
    public init(daysSinceEpoch days: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
        self.init(year: Int(y), month: Int(m), day: Int(d))
    }

    /// The day of the week, 0 = Sunday ... 6 = Saturday.
    public var weekday: Int {
        let d = daysSinceEpoch
        // 1970-01-01 was a Thursday (4).
        return Int(((d % 7) + 7 + 4) % 7)
    }
}

extension Timestamp {
    /// Creates a timestamp from a wall-clock time read at a UTC offset.
    public init(_ civil: CivilTime, utcOffsetSeconds: Int = 0) {
        self.init(secondsSinceEpoch: civil.secondsSinceEpoch(utcOffsetSeconds: utcOffsetSeconds), utcOffsetSeconds: utcOffsetSeconds)
    }

    /// The wall-clock time at this timestamp's own UTC offset.
    public var localCivilTime: CivilTime {
        let local = secondsSinceEpoch + Int64(utcOffsetSeconds)
        var days = local / 86_400
        var rest = local % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        var civil = CivilTime(daysSinceEpoch: days)
        civil.hour = Int(rest / 3600)
        civil.minute = Int(rest % 3600 / 60)
        civil.second = Int(rest % 60)
        return civil
    }
}
