/// Escaping of plain text for HTML.
enum HTMLText {
    /// Escapes `&`, `<`, `>` and `"`, so text can go in an element or a quoted attribute.
    static func escaped(_ text: String) -> String {
        if FastText.needsNoHTMLEscaping(text) { return text }
        var output = ""
        output.reserveCapacity(text.utf8.count)
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
