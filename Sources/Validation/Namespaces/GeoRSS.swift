/// Where an entry is about: GeoRSS Simple and GML (`georss:`, `gml:`, georss.org "GeoRSS Encodings"), the
/// W3C Basic Geo vocabulary (`geo:`, "Basic Geo (WGS84 lat/long) Vocabulary"), and the older GeoURL and ICBM
/// modules.
enum GeoRSS {
    /// The handlers for a child of this vocabulary where `element` says it appears; nil when the element
    /// is not one of it or not allowed there.
    static func elements(_ element: ExtensionElement, prefix: Substring) -> [ElementHandler]? {
        guard element.scope.contains(.everywhere) else { return nil }
        switch prefix {
        case "geo":
            switch element.local {
            case "Point": return [GeoPoint()]
            case "lat": return [Latitude()]
            case "long": return [Longitude()]
            case "alt": return [DecimalValue()]
            default: return nil
            }
        case "georss":
            switch element.local {
            case "where": return [GeoWhere()]
            case "point": return [CoordinatePair()]
            case "line", "polygon": return [CoordinateList()]
            case "featureTypeTag", "relationshipTag", "featureName": return [TextValue()]
            case "elev": return [DecimalValue()]
            case "floor": return [IntegerValue()]
            case "radius": return [FloatValue()]
            default: return nil
            }
        default:
            // geourl:latitude/longitude and icbm:latitude/longitude.
            switch element.local {
            case "latitude": return [Latitude()]
            case "longitude": return [Longitude()]
            default: return nil
            }
        }
    }
}

/// `geo:Point`: a WGS84 position given by `geo:lat` and `geo:long` children, both required.
final class GeoPoint: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "geo:lat": [Latitude()]
        case "geo:long": [Longitude()]
        default: nil
        }
    }

    override func validate() {
        for part in ["geo:lat", "geo:long"] where !children.contains(part) {
            log(.missingElement, "\(name) has no \(part)")
        }
    }
}

/// `georss:where`: one GML geometry (point, line string, polygon or envelope).
final class GeoWhere: ElementHandler {
    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "gml:Point": [GMLGeometry(.point)]
        case "gml:LineString": [GMLGeometry(.line)]
        case "gml:Polygon": [GMLGeometry(.polygon)]
        case "gml:Envelope": [GMLGeometry(.envelope)]
        default: nil
        }
    }
}

/// The parts of GeoRSS GML: each geometry may name its reference system (`srsName`) and holds positions.
final class GMLGeometry: ElementHandler {
    /// Which GML element this is.
    enum Kind {
        case point, line, polygon, exterior, ring, envelope
    }

    private let kind: Kind

    /// - Parameter kind: the GML element handled.
    init(_ kind: Kind) {
        self.kind = kind
    }

    override var expectedAttributes: [AttributeName]? { kind == .exterior ? nil : [AttributeName("srsName")] }

    override func child(_ name: String) -> [ElementHandler]? {
        switch (kind, name) {
        case (.point, "gml:pos"), (.envelope, "gml:lowerCorner"), (.envelope, "gml:upperCorner"): [CoordinatePair()]
        case (.line, "gml:posList"), (.ring, "gml:posList"): [CoordinateList()]
        case (.polygon, "gml:exterior"): [GMLGeometry(.exterior)]
        case (.exterior, "gml:LinearRing"): [GMLGeometry(.ring)]
        default: nil
        }
    }
}

/// One position, `latitude longitude` (GeoRSS Simple `georss:point`, GML `gml:pos`): two decimal numbers
/// separated by a space; a comma instead draws `CoordComma`.
final class CoordinatePair: TextValue {
    override func validate() {
        let scalars = value.unicodeScalars
        let first = ExtensionSyntax.decimalPrefix(scalars[...], signed: true)
        var valid = first > 0
        var comma = false
        if valid {
            let separator = scalars.index(scalars.startIndex, offsetBy: first)
            if separator < scalars.endIndex, scalars[separator] == " " || scalars[separator] == "," {
                comma = scalars[separator] == ","
                let rest = Substring(scalars[scalars.index(after: separator)...])
                valid = ExtensionSyntax.isDecimal(rest)
            } else {
                valid = false
            }
        }
        if !valid {
            log(.invalidCoord, "\(name) must be a latitude and a longitude separated by a space, not \"\(value.prefix(80))\"")
        } else if comma {
            log(.coordComma, "\(name) separates latitude and longitude with a comma; GeoRSS uses a space")
        }
    }
}

/// A list of positions (`georss:line`, `georss:polygon`, `gml:posList`): an even number of decimal numbers,
/// at least two pairs, separated by spaces.
final class CoordinateList: TextValue {
    override func validate() {
        var text = value
        if text.contains(",") {
            // Commas are tolerated only between the two numbers of each pair.
            guard Self.isCommaPairList(text) else {
                log(.invalidCoordList, "\(name) must be pairs of numbers separated by spaces")
                return
            }
            log(.coordComma, "\(name) separates latitude and longitude with commas; GeoRSS uses spaces")
            text = text.replacing(",", with: " ")
        }
        let numbers = text.split(whereSeparator: { $0.isWhitespace })
        guard numbers.count >= 3, numbers.count % 2 == 0 else {
            log(.invalidCoordList, "\(name) must hold at least two pairs of numbers, not \(numbers.count) numbers")
            return
        }
        if let bad = numbers.first(where: { !ExtensionSyntax.isDecimal($0) }) {
            log(.invalidCoordList, "\(name) holds \"\(bad.prefix(40))\", which is not a number")
        }
    }

    /// `[-+.0-9]+[, ][-+.0-9]( [-+.0-9]+[, ][-+.0-9])+`: the service's pattern for a list with commas, which
    /// (as written there) reads one character after each separator.
    static func isCommaPairList(_ text: String) -> Bool {
        let scalars = Array(text.trimmedWhitespace.unicodeScalars)
        func isNumberCharacter(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "-" || scalar == "+" || scalar == "." || ("0"..."9").contains(scalar)
        }
        var index = 0
        var pairs = 0
        while true {
            if pairs > 0 {
                guard index < scalars.count, scalars[index] == " " else { break }
                index += 1
            }
            let start = index
            while index < scalars.count, isNumberCharacter(scalars[index]) { index += 1 }
            guard index > start, index < scalars.count, scalars[index] == "," || scalars[index] == " " else {
                return false
            }
            index += 1
            guard index < scalars.count, isNumberCharacter(scalars[index]) else { return false }
            index += 1
            pairs += 1
        }
        return pairs >= 2 && index == scalars.count
    }
}

/// A signed decimal number with optional trailing white space (`geo:alt`, `georss:elev`).
final class DecimalValue: TextValue {
    override func validate() {
        guard !ExtensionSyntax.isDecimal(value[...]) else { return }
        log(.invalidFloatUnit, "\(name) must be a decimal number, not \"\(value.prefix(80))\"")
    }
}
