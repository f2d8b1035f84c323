/// Google Base attributes (`http://base.google.com/ns/1.0`, "Google Base attributes" reference, 2007): item
/// properties of listings, products, recipes, jobs, events... Most are plain text; numbers may carry a unit
/// (`12.5 kg`), enumerations have fixed values, and at most ten labels and images are allowed.
enum GoogleBase {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement) -> [ElementHandler]? {
        guard element.scope.contains(.item) else { return nil }
        switch element.local {
        case "actor", "agent", "area", "apparel_type", "artist", "author", "brand", "color", "condition", "course", "course_number",
            "course_times", "cuisine", "delivery_notes", "education", "employer", "ethnicity", "format", "id",
            "immigration_status", "interested_in", "isbn", "job_function", "job_industry", "job_type", "main_ingredient",
            "make", "manufacturer", "manufacturer_id", "meal_type", "model", "model_number", "name_of_item_being_reviewed",
            "news_source", "occupation", "payment_notes", "product_type", "property_type", "publication_name",
            "publication_volume", "review_type", "school_district", "service_type", "sexual_orientation", "size", "subject",
            "subject_area", "tax_region", "university", "upc", "vehicle_type", "vin":
            return [NonHTML(), NoDuplicates()]
        case "age", "bathrooms", "bedrooms": return [NonNegativeInteger(), NoDuplicates()]
        case "calories", "cholesterol", "cooking_time", "fiber", "hoa_dues", "salary", "saturated_fat", "servings", "sodium",
            "total_carbs", "total_fat":
            return [LeadingNumber(), NoDuplicates()]
        case "delivery_radius", "megapixels", "memory", "preparation_time", "price", "processor_speed", "protein", "weight":
            return [NumberWithUnit(), NoDuplicates()]
        case "course_date_range", "event_date_range", "travel_date_range": return [DateTimeRange(), NoDuplicates()]
        case "currency": return [CurrencyCode(), NoDuplicates()]
        case "expiration_date", "publish_date": return [ISO8601DayDate(), NoDuplicates()]
        case "expiration_date_time": return [ISO8601Date(), NoDuplicates()]
        case "from_location", "to_location": return [PlaceName(), NoDuplicates()]
        case "location": return [FullAddress(), NoDuplicates()]
        case "gender": return [EnumeratedValue(["Male", "M", "Female", "F"], rule: .invalidGender), NoDuplicates()]
        case "marital_status":
            return [
                EnumeratedValue(
                    ["single", "divorced", "separated", "widowed", "married", "in relationship"],
                    rule: .invalidMaritalStatus), NoDuplicates(),
            ]
        case "payment_accepted":
            return [
                EnumeratedValue(
                    ["Cash", "Check", "Visa", "MasterCard", "AmericanExpress", "Discover", "WireTransfer"],
                    rule: .invalidPaymentMethod)
            ]
        case "price_type": return [EnumeratedValue(["negotiable", "starting"], rule: .invalidPriceType), NoDuplicates()]
        case "rating": return [EnumeratedValue(["1", "2", "3", "4", "5"], rule: .invalidRatingType), NoDuplicates()]
        case "reviewer_type": return [EnumeratedValue(["editorial", "user"], rule: .invalidReviewerType), NoDuplicates()]
        case "salary_type": return [EnumeratedValue(["starting", "negotiable"], rule: .invalidSalaryType), NoDuplicates()]
        case "image_link": return [FullURI(), AtMostTen()]
        case "label": return [Label(), AtMostTen()]
        case "listing_type", "pickup": return [TrueFalse(), NoDuplicates()]
        case "mileage": return [IntegerWithUnit(), NoDuplicates()]
        case "pages": return [PositiveInteger(), NonBlank(), NoDuplicates()]
        case "quantity": return [NonNegativeInteger(), NonBlank(), NoDuplicates()]
        case "shipping": return [Shipping(), NoDuplicates()]
        case "tax_percent": return [Percentage(), NoDuplicates()]
        case "url_of_item_being_reviewed": return [FullURI(), NoDuplicates()]
        case "year": return [Year(), NoDuplicates()]
        default: return nil
        }
    }
}

/// A number, possibly followed by anything (a unit, a range): `g:calories`, `g:salary`... (`InvalidFloat`).
final class LeadingNumber: TextValue {
    override func validate() {
        if !ExtensionSyntax.startsWithNumber(value[...]) {
            log(.invalidFloat, "\(name) must start with a number, not \"\(value.prefix(80))\"")
        }
    }
}

/// A number and an optional unit word: `12.5 kg`, `2 GB` (`InvalidFloatUnit`).
final class NumberWithUnit: TextValue {
    override func validate() {
        let scalars = value.unicodeScalars
        var index = scalars.index(scalars.startIndex, offsetBy: ExtensionSyntax.decimalPrefix(scalars[...], signed: false))
        var valid = index != scalars.startIndex
        while valid, index < scalars.endIndex, ExtensionSyntax.isSpace(scalars[index]) { index = scalars.index(after: index) }
        while valid, index < scalars.endIndex, ExtensionSyntax.isWordCharacter(scalars[index]) { index = scalars.index(after: index) }
        valid = valid && index == scalars.endIndex
        if !valid {
            log(.invalidFloatUnit, "\(name) must be a number and an optional unit, not \"\(value.prefix(80))\"")
        }
    }
}

/// An integer, possibly with thousands commas and followed by a unit: `20,000 miles` (`InvalidIntUnit`).
final class IntegerWithUnit: TextValue {
    override func validate() {
        let number = value.split(separator: " ", omittingEmptySubsequences: false).first.map { String($0).replacing(",", with: "") } ?? ""
        var digits = Substring(number.trimmedWhitespace)
        if digits.hasPrefix("+") { digits.removeFirst() }
        if digits.isEmpty || !digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            log(.invalidIntUnit, "\(name) must be a whole number, optionally with a unit, not \"\(value.prefix(80))\"")
        }
    }
}

/// A year between 1900 and a few years ahead (`g:year` of a vehicle); the upper bound needs the clock, so it
/// is left out when the validator runs without one.
final class Year: TextValue {
    override func validate() {
        guard let year = Int(value.trimmedWhitespace), year >= 1900 else {
            log(.invalidYear, "\(name) must be a year from 1900, not \"\(value.prefix(80))\"")
            return
        }
        // Years since 1970 of the Gregorian mean length: off by a day at most near New Year, which does
        // not matter for a bound four years ahead.
        if let now = walker.now, year > 1970 + Int(now.secondsSinceEpoch / 31_556_952) + 4 {
            log(.invalidYear, "\(name) \(year) is too far in the future")
        }
    }
}

/// A label (`g:label`): one keyword, so no commas (`InvalidLabel`).
final class Label: TextValue {
    override func validate() {
        if value.contains(",") {
            log(.invalidLabel, "\(name) must be one label; give several as separate \(name) elements")
        }
    }
}

/// A place as `city, state` or `city, state, country` (`g:from_location`, `g:to_location`).
final class PlaceName: TextValue {
    override func validate() {
        let parts = value.split(separator: ",", omittingEmptySubsequences: false).count
        if parts != 2, parts != 3 {
            log(.invalidLocation, "\(name) must be two or three parts separated by commas, not \"\(value.prefix(80))\"")
        }
    }
}

/// A full address as `street, city, state, postal code, country`, no part empty (`g:location`).
final class FullAddress: TextValue {
    override func validate() {
        let parts = value.split(separator: ",", omittingEmptySubsequences: false)
        if parts.count != 5 || parts.contains(where: { $0.allSatisfy(\.isWhitespace) }) {
            log(.invalidFullLocation, "\(name) must be street, city, state, postal code and country, separated by commas")
        }
    }
}

/// At most ten of this element in one item (`g:image_link`, `g:label`): the eleventh is `TooMany`.
final class AtMostTen: ElementHandler {
    override func textOK() {}

    override func prevalidate() {
        if let parent, parent.children.lazy.filter({ $0 == self.name }).count == 10 {
            log(.tooMany, "\(parent.name) has more than ten \(name)")
        }
    }
}

/// An element of Google Base made of Google Base elements; `rdf:parseType` is allowed in RSS 1.0.
class GoogleBaseGroup: ElementHandler {
    override var expectedAttributes: [AttributeName]? { feedKind == .rss1 ? [.rdf("parseType")] : [] }
}

/// `g:shipping`: a shipping option, its service, country and price.
final class Shipping: GoogleBaseGroup {
    /// The shipping services Google Base names.
    static let services = ["FedEx", "UPS", "DHL", "Mail", "Other", "Overnight", "Standard"]

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "g:service": [EnumeratedValue(Self.services, rule: .invalidServiceType), NoDuplicates()]
        case "g:country": [CountryCode(), NoDuplicates()]
        case "g:price": [NumberWithUnit(), NoDuplicates()]
        default: nil
        }
    }
}

/// `g:event_date_range` and the other ranges: a start and an end, ISO 8601 date-times.
final class DateTimeRange: GoogleBaseGroup {
    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "g:start", "g:end": [ISO8601Date(), NoDuplicates()]
        default: nil
        }
    }
}
