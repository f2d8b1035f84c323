/// Escaping of plain text for HTML written by hand (plain-text articles, the daemon's index page).
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"`, so text can go in an element or a double-quoted attribute; every other
    /// character is kept as it is.
    public static func escaped(_ text: String) -> String {
        // Most text has none of the four: one pass over the bytes returns it untouched.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }
}
