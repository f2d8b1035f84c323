/// URI schemes the W3C service knows as registered with IANA (its list, from the IANA registry of its time);
/// a URI with another scheme made of letters only is `SchemeNotIANARegistered`.
enum URISchemes {
    static let registered: Set<String> = [
        "ftp", "http", "gopher", "mailto", "news", "nntp", "telnet", "wais", "file", "prospero", "z39.50s", "z39.50r",
        "cid", "mid", "vemmi", "service", "imap", "nfs", "acap", "rtsp", "tip", "pop", "data", "dav", "opaquelocktoken",
        "sip", "sips", "tel", "fax", "modem", "ldap", "https", "soap.beep", "soap.beeps", "xmlrpc.beep", "xmlrpc.beeps",
        "urn", "go", "h323", "ipp", "tftp", "mupdate", "pres", "im", "mtqp", "iris.beep", "dict", "snmp", "crid", "tag",
        "dns", "info", "aaa", "aaas", "cap", "iax", "icap", "iris", "iris.xpc", "iris.xpcs", "iris.lwz", "msrp", "msrps",
        "shttp", "thismessage", "tv", "xmpp",
    ]
}
