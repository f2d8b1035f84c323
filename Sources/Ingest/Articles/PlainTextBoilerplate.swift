/// Recognises the page furniture that trails articles saved from web pages: comment forms, share links,
/// related-post lists, newsletter and cookie notices.
enum PlainTextBoilerplate {
    /// Lower-case beginnings of trailing paragraphs that are not part of the article.
    static let prefixes = [
        "leave a reply", "leave a comment", "cancel reply", "your email address will not be published",
        "required fields are marked", "save my name, email", "comments", "no comments", "comment", "share this",
        "share on", "share:", "click to share", "like this:", "related posts", "related articles", "related",
        "you may also like", "posted in", "filed under", "tags:", "tagged", "categories:", "post navigation",
        "previous post", "next post", "« previous", "subscribe", "sign up", "newsletter", "join our newsletter",
        "follow us", "we use cookies", "this site uses cookies", "this website uses cookies", "accept cookies",
        "cookie", "read more", "advertisement", "print", "email this",
    ]

    /// Words that mark a short trailing paragraph as a notice even when they are not at its start.
    static let keywords = ["newsletter", "subscribe", "cookies", "all rights reserved"]

    /// Removes boilerplate paragraphs from the end backwards, stopping at the first real one.
    static func trimmed(_ paragraphs: [PlainTextArticle.Paragraph]) -> [PlainTextArticle.Paragraph] {
        var result = paragraphs
        while let last = result.last, isBoilerplate(last.text) {
            result.removeLast()
        }
        return result
    }

    static func isBoilerplate(_ text: String) -> Bool {
        let lower = PlainTextArticle.collapse(text).lowercased()
        guard lower.count <= 300 else { return false }
        if prefixes.contains(where: { lower.hasPrefix($0) }) { return true }
        if lower.count <= 160 && keywords.contains(where: { lower.contains($0) }) { return true }
        // "12 comments", "3 Responses to ..."
        let words = lower.split(separator: " ")
        if words.count <= 6, let first = words.first, Int(first) != nil,
            words.count > 1, ["comments", "comment", "responses", "response", "replies", "reply", "thoughts"].contains(String(words[1]))
        {
            return true
        }
        return false
    }
}
