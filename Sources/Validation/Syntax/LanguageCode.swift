/// Language tags (`xml:lang`, RSS `language`, `dc:language`). (Placeholder: the syntax family fills this in.)
enum LanguageCode {
    /// Logs `InvalidLanguage` on `handler` when `value` is not a language tag the service accepts.
    static func check(_ value: String, attribute: String, element: String, in handler: ElementHandler) {}
}
