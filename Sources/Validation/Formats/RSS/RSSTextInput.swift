/// `textInput` (RSS 2.0) or `textinput` (RSS 1.0 section 5.6): a form readers may show to send text to a
/// script; `title`, `description`, `name` and `link` are all required.
final class RSSTextInput: ElementHandler {
    override var expectedAttributes: [AttributeName]? { [.rdf("about")] }

    override func child(_ name: String) -> [ElementHandler]? {
        switch name {
        case "title": [NonHTML(), NoDuplicates()]
        case "description": [TextValue(), NoDuplicates()]
        case "name": [FormName(), NoDuplicates()]
        case "link": [FullURI(), NoDuplicates()]
        default: ExtensionElements.handlers(for: name, in: .everywhere, parent: self)
        }
    }

    override func validate() {
        if !children.contains("title") { log(.missingTitle, "\(name) must contain a title element") }
        if !children.contains("link") { log(.missingLink, "\(name) must contain a link element") }
        if !children.contains("description") { log(.missingDescription, "\(name) must contain a description element") }
        if !children.contains("name") { log(.missingElement, "\(name) must contain a name element (the form field's name)") }
    }
}
