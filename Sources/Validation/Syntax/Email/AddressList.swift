/// Reads the addresses of an RFC 2822 address list (`Name <a@example.com>`, `a@example.com (Name)`,
/// groups, comments, quoted strings), with the same leniency as Python's `email.utils.getaddresses`, which the
/// W3C service uses to find the address inside an RSS `author` or `managingEditor`.
struct AddressList {
    private let field: [Unicode.Scalar]
    private var position = 0
    private var comments: [String] = []

    private static let specials: Set<Unicode.Scalar> = ["(", ")", "<", ">", "@", ",", ":", ";", ".", "\"", "[", "]"]
    private static let atomEnds: Set<Unicode.Scalar> = specials.union([" ", "\t", "\r", "\n"])
    private static let phraseEnds: Set<Unicode.Scalar> = atomEnds.subtracting(["."])

    /// The (name, address) pairs of a field; a part that cannot be read gives an empty pair.
    static func addresses(in field: String) -> [(name: String, address: String)] {
        var list = AddressList(field: Array(field.unicodeScalars))
        var result: [(name: String, address: String)] = []
        while list.position < list.field.count {
            let found = list.address()
            result += found.isEmpty ? [("", "")] : found
        }
        return result
    }

    private init(field: [Unicode.Scalar]) {
        self.field = field
    }

    private var current: Unicode.Scalar? { position < field.count ? field[position] : nil }

    /// Skips white space and collects comments; returns the spaces and tabs skipped.
    @discardableResult
    private mutating func skipSpace() -> String {
        var spaces = ""
        while let character = current {
            if character == " " || character == "\t" || character == "\n" || character == "\r" {
                if character == " " || character == "\t" { spaces.unicodeScalars.append(character) }
                position += 1
            } else if character == "(" {
                comments.append(delimited(by: "(", ending: [")", "\r"], allowingComments: true))
            } else {
                break
            }
        }
        return spaces
    }

    private mutating func address() -> [(name: String, address: String)] {
        comments = []
        skipSpace()
        let start = position
        let startComments = comments
        let phrase = phraseList()
        skipSpace()
        var result: [(name: String, address: String)] = []
        if let character = current {
            if character == "." || character == "@" {
                position = start
                comments = startComments
                let spec = addressSpec()
                result = [(comments.joined(separator: " "), spec)]
            } else if character == ":" {
                position += 1
                while position < field.count {
                    skipSpace()
                    if current == ";" {
                        position += 1
                        break
                    }
                    result += address()
                }
            } else if character == "<" {
                let route = routeAddress()
                let name = phrase.joined(separator: " ")
                result = [(comments.isEmpty ? name : name + " (" + comments.joined(separator: " ") + ")", route)]
            } else if let first = phrase.first {
                result = [(comments.joined(separator: " "), first)]
            } else if Self.specials.contains(character) {
                position += 1
            }
        } else if let first = phrase.first {
            result = [(comments.joined(separator: " "), first)]
        }
        skipSpace()
        if current == "," { position += 1 }
        return result
    }

    private mutating func routeAddress() -> String {
        guard current == "<" else { return "" }
        var expectRoute = false
        position += 1
        skipSpace()
        var address = ""
        while let character = current {
            if expectRoute {
                _ = domain()
                expectRoute = false
            } else if character == ">" {
                position += 1
                break
            } else if character == "@" {
                position += 1
                expectRoute = true
            } else if character == ":" {
                position += 1
            } else {
                address = addressSpec()
                position += 1
                break
            }
            skipSpace()
        }
        return address
    }

    private mutating func addressSpec() -> String {
        var parts: [String] = []
        skipSpace()
        while let character = current {
            var keepSpace = true
            if character == "." {
                if let last = parts.last, last.trimmedWhitespace.isEmpty { parts.removeLast() }
                parts.append(".")
                position += 1
                keepSpace = false
            } else if character == "\"" {
                let quoted = delimited(by: "\"", ending: ["\"", "\r"], allowingComments: false)
                parts.append("\"" + quoted.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\"")
            } else if Self.atomEnds.contains(character) {
                if let last = parts.last, last.trimmedWhitespace.isEmpty { parts.removeLast() }
                break
            } else {
                parts.append(atom(ending: Self.atomEnds))
            }
            let spaces = skipSpace()
            if keepSpace && !spaces.isEmpty { parts.append(spaces) }
        }
        guard current == "@" else { return parts.joined() }
        parts.append("@")
        position += 1
        skipSpace()
        let found = domain()
        return found.isEmpty ? "" : parts.joined() + found
    }

    private mutating func domain() -> String {
        var parts: [String] = []
        while let character = current {
            if character == " " || character == "\t" {
                position += 1
            } else if character == "(" {
                comments.append(delimited(by: "(", ending: [")", "\r"], allowingComments: true))
            } else if character == "[" {
                parts.append("[" + delimited(by: "[", ending: ["]", "\r"], allowingComments: false) + "]")
            } else if character == "." {
                position += 1
                parts.append(".")
            } else if character == "@" {
                return ""
            } else if Self.atomEnds.contains(character) {
                break
            } else {
                parts.append(atom(ending: Self.atomEnds))
            }
        }
        return parts.joined()
    }

    private mutating func delimited(by begin: Unicode.Scalar, ending: Set<Unicode.Scalar>, allowingComments: Bool) -> String {
        guard current == begin else { return "" }
        var text = ""
        var quoted = false
        position += 1
        while let character = current {
            if quoted {
                text.unicodeScalars.append(character)
                quoted = false
            } else if ending.contains(character) {
                position += 1
                break
            } else if allowingComments && character == "(" {
                text += delimited(by: "(", ending: [")", "\r"], allowingComments: true)
                continue
            } else if character == "\\" {
                quoted = true
            } else {
                text.unicodeScalars.append(character)
            }
            position += 1
        }
        return text
    }

    private mutating func atom(ending: Set<Unicode.Scalar>) -> String {
        var text = ""
        while let character = current, !ending.contains(character) {
            text.unicodeScalars.append(character)
            position += 1
        }
        return text
    }

    private mutating func phraseList() -> [String] {
        var phrase: [String] = []
        while let character = current {
            if character == " " || character == "\t" || character == "\r" || character == "\n" {
                position += 1
            } else if character == "\"" {
                phrase.append(delimited(by: "\"", ending: ["\"", "\r"], allowingComments: false))
            } else if character == "(" {
                comments.append(delimited(by: "(", ending: [")", "\r"], allowingComments: true))
            } else if Self.phraseEnds.contains(character) {
                break
            } else {
                phrase.append(atom(ending: Self.phraseEnds))
            }
        }
        return phrase
    }
}

extension String {
    /// The text with every occurrence of `target` replaced (no Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
