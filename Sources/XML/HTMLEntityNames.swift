internal import CLibXML2

/// The named character references of HTML 4 (`&nbsp;`, `&eacute;`), as libxml2's HTML parser knows them.
public enum HTMLEntityNames {
    /// Whether `name` (without `&` and `;`) is an HTML 4 named character reference.
    public static func contains(_ name: String) -> Bool {
        LibXML.ensureInitialized()
        return htmlEntityLookup(name) != nil
    }
}
