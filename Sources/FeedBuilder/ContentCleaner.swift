import Foundation
import XML

/// Cleans an article's HTML body for embedding in a feed: absolute links, no active content, no entity a
/// strict XML reader cannot resolve.
///
/// The body is parsed with libxml2's HTML parser (so `&nbsp;` and friends become characters) and serialised
/// back with `innerHTML`. Readers ignore `xml:base` (NetNewsWire, Feedly), so relative `href`/`src` are made
/// absolute against the entry's own link. Scripts, frames, plugins, forms and `on*` handlers are removed
/// because readers that render HTML in a web view would otherwise run them. One pass over the tree: linear in
/// the size of the body.
public struct ContentCleaner: Sendable {
    /// Elements removed with everything inside them.
    static let removedElements: Set<String> = [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "param",
        "form", "input", "button", "select", "textarea", "option", "optgroup", "datalist", "keygen",
        "base", "link", "meta", "template", "title", "head",
    ]
    /// Elements replaced by their children: their content is ordinary article text.
    static let unwrappedElements: Set<String> = ["noscript", "html", "body"]
    /// Attributes that hold a single URL.
    static let urlAttributes: Set<String> = [
        "href", "src", "poster", "cite", "action", "formaction", "background", "longdesc", "data", "xlink:href",
    ]

    /// The cleaned body.
    public struct Result: Sendable, Hashable {
        /// Cleaned HTML, safe to put in `content:encoded`, Atom `content type="html"` and `content_html`.
        public var html: String
        /// The body's text with runs of white space collapsed; used where a plain-text excerpt is needed.
        public var plainText: String
    }

    /// Creates a cleaner.
    public init() {}

    /// Cleans an HTML fragment.
    /// - Parameters:
    ///   - html: the article body.
    ///   - baseURL: the entry's absolute link; relative URLs are resolved against it.
    /// - Returns: the cleaned HTML and its plain text.
    public func clean(_ html: String, baseURL: String) -> Result {
        let base = URL(string: baseURL)
        guard let wrapper = try? XMLDocument.htmlFragment(html) else {
            // htmlFragment only fails when libxml2 returns no document at all; fall back to escaped text so
            // the entry is still published and nothing active slips through.
            let text = Self.collapsedWhitespace(html)
            return Result(html: Self.escapedText(text), plainText: text)
        }
        clean(children: wrapper, base: base)
        return Result(html: wrapper.innerHTML, plainText: Self.collapsedWhitespace(wrapper.textContent))
    }

    private func clean(children parent: XMLNode, base: URL?) {
        for child in parent.children where child.kind == .element {
            let name = child.name.lowercased()
            if Self.removedElements.contains(name) {
                child.remove()
                continue
            }
            cleanAttributes(of: child, base: base)
            clean(children: child, base: base)
            if Self.unwrappedElements.contains(name) {
                child.unwrap()
            }
        }
    }

    private func cleanAttributes(of element: XMLNode, base: URL?) {
        for attribute in element.attributes {
            let name = attribute.name.lowercased()
            if name.hasPrefix("on") {
                element.removeAttribute(attribute.name)
            } else if Self.urlAttributes.contains(name) {
                if let safe = Self.safeURL(attribute.value, base: base, allowsImageData: name != "href") {
                    if safe != attribute.value { element.setAttribute(attribute.name, safe) }
                } else {
                    element.removeAttribute(attribute.name)
                }
            } else if name == "srcset" {
                element.setAttribute(attribute.name, Self.cleanedSourceSet(attribute.value, base: base))
            } else if name == "style" {
                // Old IE ran `expression(...)` and `url(javascript:...)` from inline styles.
                let lowered = Self.withoutControlsAndSpaces(attribute.value).lowercased()
                if lowered.contains("expression(") || lowered.contains("script:") || lowered.contains("behavior:") {
                    element.removeAttribute(attribute.name)
                }
            }
        }
    }

    /// An absolute, harmless version of a URL attribute, or nil when the attribute must go.
    static func safeURL(_ value: String, base: URL?, allowsImageData: Bool) -> String? {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        // Browsers drop tabs and newlines inside a scheme (`java\tscript:`), so the check must too.
        let probe = withoutControlsAndSpaces(trimmed).lowercased()
        if probe.hasPrefix("javascript:") || probe.hasPrefix("vbscript:") || probe.hasPrefix("livescript:") {
            return nil
        }
        if probe.hasPrefix("data:") {
            return allowsImageData && probe.hasPrefix("data:image/") ? trimmed : nil
        }
        guard !trimmed.isEmpty, let base else { return trimmed }
        guard let resolved = URL(string: trimmed, relativeTo: base) else { return trimmed }
        return resolved.absoluteString
    }

    /// Resolves each candidate of a `srcset` (`url descriptor, url descriptor`) and drops unsafe ones.
    static func cleanedSourceSet(_ value: String, base: URL?) -> String {
        var candidates: [String] = []
        for candidate in value.split(separator: ",") {
            let parts = candidate.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            guard let first = parts.first,
                  let url = safeURL(String(first), base: base, allowsImageData: true) else { continue }
            candidates.append(([url] + parts.dropFirst().map(String.init)).joined(separator: " "))
        }
        return candidates.joined(separator: ", ")
    }

    static func withoutControlsAndSpaces(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value > 0x20 }))
    }

    static func collapsedWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func escapedText(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            default: output.append(character)
            }
        }
        return output
    }
}
