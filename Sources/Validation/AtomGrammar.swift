/// RFC 4287 appendix B (the normative RELAX NG compact grammar for Atom 1.0), translated to RELAX NG's XML
/// syntax by hand.
///
/// Shipped as a string constant rather than a bundle resource so a `crier` binary copied on its own still
/// validates (`Bundle.module` traps when the bundle is missing). Differences from appendix B: dates are `text`
/// (checked in Swift, see `DateSyntax`), and the embedded Schematron rules, which libxml2 ignores, are
/// checked in Swift too (`AtomRules`).
enum AtomGrammar {
    /// The grammar in RELAX NG's XML syntax (libxml2 reads only that syntax, not the compact one).
    static let source = """
<?xml version="1.0" encoding="UTF-8"?>
<grammar xmlns="http://relaxng.org/ns/structure/1.0"
         xmlns:atom="http://www.w3.org/2005/Atom"
         ns="http://www.w3.org/2005/Atom"
         datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start>
    <choice>
      <ref name="atomFeed"/>
      <ref name="atomEntry"/>
    </choice>
  </start>

  <define name="atomCommonAttributes">
    <optional><attribute name="xml:base" ns="http://www.w3.org/XML/1998/namespace"><ref name="atomUri"/></attribute></optional>
    <optional><attribute name="xml:lang" ns="http://www.w3.org/XML/1998/namespace"><ref name="atomLanguageTag"/></attribute></optional>
    <zeroOrMore><ref name="undefinedAttribute"/></zeroOrMore>
  </define>

  <define name="atomPlainTextConstruct">
    <ref name="atomCommonAttributes"/>
    <optional><attribute name="type" ns=""><choice><value>text</value><value>html</value></choice></attribute></optional>
    <text/>
  </define>

  <define name="atomXHTMLTextConstruct">
    <ref name="atomCommonAttributes"/>
    <attribute name="type" ns=""><value>xhtml</value></attribute>
    <ref name="xhtmlDiv"/>
  </define>

  <define name="atomTextConstruct">
    <choice>
      <ref name="atomPlainTextConstruct"/>
      <ref name="atomXHTMLTextConstruct"/>
    </choice>
  </define>

  <define name="atomPersonConstruct">
    <ref name="atomCommonAttributes"/>
    <interleave>
      <element name="name"><text/></element>
      <optional><element name="uri"><ref name="atomUri"/></element></optional>
      <optional><element name="email"><ref name="atomEmailAddress"/></element></optional>
      <zeroOrMore><ref name="extensionElement"/></zeroOrMore>
    </interleave>
  </define>

  <!-- RFC 4287 uses xsd:dateTime here; Crier checks dates in Swift (InvalidRFC3339Date), which is stricter
       (RFC 3339 requires an offset) and names the problem, so the grammar only asks for text. -->
  <define name="atomDateConstruct">
    <ref name="atomCommonAttributes"/>
    <text/>
  </define>

  <define name="atomFeed">
    <element name="feed">
      <ref name="atomCommonAttributes"/>
      <interleave>
        <zeroOrMore><ref name="atomAuthor"/></zeroOrMore>
        <zeroOrMore><ref name="atomCategory"/></zeroOrMore>
        <zeroOrMore><ref name="atomContributor"/></zeroOrMore>
        <optional><ref name="atomGenerator"/></optional>
        <optional><ref name="atomIcon"/></optional>
        <ref name="atomId"/>
        <zeroOrMore><ref name="atomLink"/></zeroOrMore>
        <optional><ref name="atomLogo"/></optional>
        <optional><ref name="atomRights"/></optional>
        <optional><ref name="atomSubtitle"/></optional>
        <ref name="atomTitle"/>
        <ref name="atomUpdated"/>
        <zeroOrMore><ref name="extensionElement"/></zeroOrMore>
      </interleave>
      <zeroOrMore><ref name="atomEntry"/></zeroOrMore>
    </element>
  </define>

  <define name="atomEntry">
    <element name="entry">
      <ref name="atomCommonAttributes"/>
      <interleave>
        <zeroOrMore><ref name="atomAuthor"/></zeroOrMore>
        <zeroOrMore><ref name="atomCategory"/></zeroOrMore>
        <optional><ref name="atomContent"/></optional>
        <zeroOrMore><ref name="atomContributor"/></zeroOrMore>
        <ref name="atomId"/>
        <zeroOrMore><ref name="atomLink"/></zeroOrMore>
        <optional><ref name="atomPublished"/></optional>
        <optional><ref name="atomRights"/></optional>
        <optional><ref name="atomSource"/></optional>
        <optional><ref name="atomSummary"/></optional>
        <ref name="atomTitle"/>
        <ref name="atomUpdated"/>
        <zeroOrMore><ref name="extensionElement"/></zeroOrMore>
      </interleave>
    </element>
  </define>

  <define name="atomContent">
    <choice>
      <element name="content">
        <ref name="atomCommonAttributes"/>
        <optional><attribute name="type" ns=""><choice><value>text</value><value>html</value></choice></attribute></optional>
        <zeroOrMore><text/></zeroOrMore>
      </element>
      <element name="content">
        <ref name="atomCommonAttributes"/>
        <attribute name="type" ns=""><value>xhtml</value></attribute>
        <ref name="xhtmlDiv"/>
      </element>
      <element name="content">
        <ref name="atomCommonAttributes"/>
        <optional><attribute name="type" ns=""><ref name="atomMediaType"/></attribute></optional>
        <zeroOrMore><choice><text/><ref name="anyElement"/></choice></zeroOrMore>
      </element>
      <element name="content">
        <ref name="atomCommonAttributes"/>
        <optional><attribute name="type" ns=""><ref name="atomMediaType"/></attribute></optional>
        <attribute name="src" ns=""><ref name="atomUri"/></attribute>
        <empty/>
      </element>
    </choice>
  </define>

  <define name="atomAuthor"><element name="author"><ref name="atomPersonConstruct"/></element></define>
  <define name="atomContributor"><element name="contributor"><ref name="atomPersonConstruct"/></element></define>

  <define name="atomCategory">
    <element name="category">
      <ref name="atomCommonAttributes"/>
      <attribute name="term" ns=""><text/></attribute>
      <optional><attribute name="scheme" ns=""><ref name="atomUri"/></attribute></optional>
      <optional><attribute name="label" ns=""><text/></attribute></optional>
      <ref name="undefinedContent"/>
    </element>
  </define>

  <define name="atomGenerator">
    <element name="generator">
      <ref name="atomCommonAttributes"/>
      <optional><attribute name="uri" ns=""><ref name="atomUri"/></attribute></optional>
      <optional><attribute name="version" ns=""><text/></attribute></optional>
      <text/>
    </element>
  </define>

  <define name="atomIcon"><element name="icon"><ref name="atomCommonAttributes"/><ref name="atomUri"/></element></define>
  <define name="atomId"><element name="id"><ref name="atomCommonAttributes"/><ref name="atomUri"/></element></define>
  <define name="atomLogo"><element name="logo"><ref name="atomCommonAttributes"/><ref name="atomUri"/></element></define>

  <define name="atomLink">
    <element name="link">
      <ref name="atomCommonAttributes"/>
      <attribute name="href" ns=""><ref name="atomUri"/></attribute>
      <optional><attribute name="rel" ns=""><choice><ref name="atomNCName"/><ref name="atomUri"/></choice></attribute></optional>
      <optional><attribute name="type" ns=""><ref name="atomMediaType"/></attribute></optional>
      <optional><attribute name="hreflang" ns=""><ref name="atomLanguageTag"/></attribute></optional>
      <optional><attribute name="title" ns=""><text/></attribute></optional>
      <optional><attribute name="length" ns=""><text/></attribute></optional>
      <ref name="undefinedContent"/>
    </element>
  </define>

  <define name="atomPublished"><element name="published"><ref name="atomDateConstruct"/></element></define>
  <define name="atomRights"><element name="rights"><ref name="atomTextConstruct"/></element></define>
  <define name="atomSubtitle"><element name="subtitle"><ref name="atomTextConstruct"/></element></define>
  <define name="atomSummary"><element name="summary"><ref name="atomTextConstruct"/></element></define>
  <define name="atomTitle"><element name="title"><ref name="atomTextConstruct"/></element></define>
  <define name="atomUpdated"><element name="updated"><ref name="atomDateConstruct"/></element></define>

  <define name="atomSource">
    <element name="source">
      <ref name="atomCommonAttributes"/>
      <interleave>
        <zeroOrMore><ref name="atomAuthor"/></zeroOrMore>
        <zeroOrMore><ref name="atomCategory"/></zeroOrMore>
        <zeroOrMore><ref name="atomContributor"/></zeroOrMore>
        <optional><ref name="atomGenerator"/></optional>
        <optional><ref name="atomIcon"/></optional>
        <optional><ref name="atomId"/></optional>
        <zeroOrMore><ref name="atomLink"/></zeroOrMore>
        <optional><ref name="atomLogo"/></optional>
        <optional><ref name="atomRights"/></optional>
        <optional><ref name="atomSubtitle"/></optional>
        <optional><ref name="atomTitle"/></optional>
        <optional><ref name="atomUpdated"/></optional>
        <zeroOrMore><ref name="extensionElement"/></zeroOrMore>
      </interleave>
    </element>
  </define>

  <define name="atomUri"><text/></define>
  <define name="atomNCName">
    <data type="string"><param name="minLength">1</param><param name="pattern">[^:]*</param></data>
  </define>
  <define name="atomMediaType">
    <data type="string"><param name="pattern">.+/.+</param></data>
  </define>
  <define name="atomLanguageTag">
    <data type="string"><param name="pattern">[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*</param></data>
  </define>
  <define name="atomEmailAddress">
    <data type="string"><param name="pattern">.+@.+</param></data>
  </define>

  <!-- Section 6.4: extension elements are any element outside the Atom namespace, including RFC 5005's
       fh:complete and fh:archive. -->
  <define name="extensionElement">
    <choice>
      <ref name="simpleExtensionElement"/>
      <ref name="structuredExtensionElement"/>
    </choice>
  </define>

  <define name="simpleExtensionElement">
    <element>
      <anyName><except><nsName/></except></anyName>
      <text/>
    </element>
  </define>

  <define name="structuredExtensionElement">
    <element>
      <anyName><except><nsName/></except></anyName>
      <choice>
        <group>
          <oneOrMore><attribute><anyName/></attribute></oneOrMore>
          <zeroOrMore><choice><text/><ref name="anyElement"/></choice></zeroOrMore>
        </group>
        <group>
          <zeroOrMore><attribute><anyName/></attribute></zeroOrMore>
          <optional><text/></optional>
          <oneOrMore><ref name="anyElement"/></oneOrMore>
          <zeroOrMore><choice><text/><ref name="anyElement"/></choice></zeroOrMore>
        </group>
      </choice>
    </element>
  </define>

  <define name="undefinedAttribute">
    <attribute>
      <anyName>
        <except>
          <name ns="http://www.w3.org/XML/1998/namespace">base</name>
          <name ns="http://www.w3.org/XML/1998/namespace">lang</name>
          <nsName ns=""/>
        </except>
      </anyName>
    </attribute>
  </define>

  <define name="undefinedContent">
    <zeroOrMore><choice><text/><ref name="anyForeignElement"/></choice></zeroOrMore>
  </define>

  <define name="anyElement">
    <element>
      <anyName/>
      <zeroOrMore>
        <choice><attribute><anyName/></attribute><text/><ref name="anyElement"/></choice>
      </zeroOrMore>
    </element>
  </define>

  <define name="anyForeignElement">
    <element>
      <anyName><except><nsName/></except></anyName>
      <zeroOrMore>
        <choice><attribute><anyName/></attribute><text/><ref name="anyElement"/></choice>
      </zeroOrMore>
    </element>
  </define>

  <define name="xhtmlDiv">
    <element name="div" ns="http://www.w3.org/1999/xhtml">
      <zeroOrMore>
        <choice><attribute><anyName/></attribute><text/><ref name="anyXHTML"/></choice>
      </zeroOrMore>
    </element>
  </define>

  <define name="anyXHTML">
    <element>
      <nsName ns="http://www.w3.org/1999/xhtml"/>
      <zeroOrMore>
        <choice><attribute><anyName/></attribute><text/><ref name="anyXHTML"/></choice>
      </zeroOrMore>
    </element>
  </define>
</grammar>
"""
}
