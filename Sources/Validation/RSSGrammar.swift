/// RSS 2.0 (the RSS Advisory Board's specification, 2009 revision) written as a RELAX NG grammar in XML
/// syntax, plus the extension elements Crier writes: `atom:link`, `content:encoded`, `dc:creator` and RFC
/// 5005's `fh:complete` / `fh:archive`.
///
/// The specification has no official grammar; this one follows its element tables. Other elements are
/// allowed when they are in a namespace ("A RSS feed may contain elements and attributes not described on
/// this page, only if those elements and attributes are defined in a namespace"). Shipped as a string
/// constant for the same reason as `AtomGrammar`.
enum RSSGrammar {
    /// The grammar in RELAX NG's XML syntax (libxml2 reads only that syntax, not the compact one).
    static let source = """
<?xml version="1.0" encoding="UTF-8"?>
<grammar xmlns="http://relaxng.org/ns/structure/1.0"
         datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start>
    <element name="rss">
      <attribute name="version"><value>2.0</value></attribute>
      <ref name="foreignAttributes"/>
      <interleave>
        <ref name="channel"/>
        <zeroOrMore><ref name="extensionElement"/></zeroOrMore>
      </interleave>
    </element>
  </start>

  <!-- RSS 2.0 elements have no attributes of their own beyond those named below; namespaced attributes
       (xml:base, xml:lang, extension attributes) are allowed, as the spec allows extension by namespace. -->
  <define name="foreignAttributes">
    <zeroOrMore>
      <attribute><anyName><except><nsName ns=""/></except></anyName></attribute>
    </zeroOrMore>
  </define>

  <define name="plain">
    <ref name="foreignAttributes"/>
    <text/>
  </define>

  <define name="channel">
    <element name="channel">
      <ref name="foreignAttributes"/>
      <interleave>
        <element name="title"><ref name="plain"/></element>
        <element name="link"><ref name="plain"/></element>
        <element name="description"><ref name="plain"/></element>
        <optional><element name="language"><ref name="plain"/></element></optional>
        <optional><element name="copyright"><ref name="plain"/></element></optional>
        <optional><element name="managingEditor"><ref name="plain"/></element></optional>
        <optional><element name="webMaster"><ref name="plain"/></element></optional>
        <optional><element name="pubDate"><ref name="plain"/></element></optional>
        <optional><element name="lastBuildDate"><ref name="plain"/></element></optional>
        <zeroOrMore><ref name="category"/></zeroOrMore>
        <optional><element name="generator"><ref name="plain"/></element></optional>
        <optional><element name="docs"><ref name="plain"/></element></optional>
        <optional><ref name="cloud"/></optional>
        <optional><element name="ttl"><ref name="foreignAttributes"/><data type="nonNegativeInteger"/></element></optional>
        <optional><ref name="image"/></optional>
        <optional><element name="rating"><ref name="plain"/></element></optional>
        <optional><ref name="textInput"/></optional>
        <optional><ref name="skipHours"/></optional>
        <optional><ref name="skipDays"/></optional>
        <optional><ref name="fhComplete"/></optional>
        <optional><ref name="fhArchive"/></optional>
        <zeroOrMore><ref name="atomLink"/></zeroOrMore>
        <zeroOrMore><ref name="extensionElement"/></zeroOrMore>
        <zeroOrMore><ref name="item"/></zeroOrMore>
      </interleave>
    </element>
  </define>

  <!-- The spec makes every item element optional but requires title or description; the "or" is
       checked in Swift (MissingElement), where the message can say which item. -->
  <define name="item">
    <element name="item">
      <ref name="foreignAttributes"/>
      <interleave>
        <optional><element name="title"><ref name="plain"/></element></optional>
        <optional><element name="link"><ref name="plain"/></element></optional>
        <optional><element name="description"><ref name="plain"/></element></optional>
        <optional><element name="author"><ref name="plain"/></element></optional>
        <zeroOrMore><ref name="category"/></zeroOrMore>
        <optional><element name="comments"><ref name="plain"/></element></optional>
        <optional><ref name="enclosure"/></optional>
        <optional><ref name="guid"/></optional>
        <optional><element name="pubDate"><ref name="plain"/></element></optional>
        <optional><ref name="source"/></optional>
        <optional><element name="encoded" ns="http://purl.org/rss/1.0/modules/content/"><ref name="plain"/></element></optional>
        <zeroOrMore><element name="creator" ns="http://purl.org/dc/elements/1.1/"><ref name="plain"/></element></zeroOrMore>
        <zeroOrMore><ref name="atomLink"/></zeroOrMore>
        <zeroOrMore><ref name="extensionElement"/></zeroOrMore>
      </interleave>
    </element>
  </define>

  <define name="category">
    <element name="category">
      <ref name="foreignAttributes"/>
      <optional><attribute name="domain"/></optional>
      <text/>
    </element>
  </define>

  <define name="cloud">
    <element name="cloud">
      <ref name="foreignAttributes"/>
      <attribute name="domain"/>
      <attribute name="port"><data type="nonNegativeInteger"/></attribute>
      <attribute name="path"/>
      <attribute name="registerProcedure"/>
      <attribute name="protocol"/>
      <empty/>
    </element>
  </define>

  <define name="image">
    <element name="image">
      <ref name="foreignAttributes"/>
      <interleave>
        <element name="url"><ref name="plain"/></element>
        <element name="title"><ref name="plain"/></element>
        <element name="link"><ref name="plain"/></element>
        <optional><element name="width"><ref name="foreignAttributes"/>
          <data type="nonNegativeInteger"><param name="maxInclusive">144</param></data></element></optional>
        <optional><element name="height"><ref name="foreignAttributes"/>
          <data type="nonNegativeInteger"><param name="maxInclusive">400</param></data></element></optional>
        <optional><element name="description"><ref name="plain"/></element></optional>
        <zeroOrMore><ref name="extensionElement"/></zeroOrMore>
      </interleave>
    </element>
  </define>

  <define name="textInput">
    <element name="textInput">
      <ref name="foreignAttributes"/>
      <interleave>
        <element name="title"><ref name="plain"/></element>
        <element name="description"><ref name="plain"/></element>
        <element name="name"><ref name="plain"/></element>
        <element name="link"><ref name="plain"/></element>
      </interleave>
    </element>
  </define>

  <define name="skipHours">
    <element name="skipHours">
      <ref name="foreignAttributes"/>
      <oneOrMore>
        <element name="hour"><data type="nonNegativeInteger"><param name="maxInclusive">23</param></data></element>
      </oneOrMore>
    </element>
  </define>

  <define name="skipDays">
    <element name="skipDays">
      <ref name="foreignAttributes"/>
      <oneOrMore>
        <element name="day">
          <choice>
            <value>Monday</value><value>Tuesday</value><value>Wednesday</value><value>Thursday</value>
            <value>Friday</value><value>Saturday</value><value>Sunday</value>
          </choice>
        </element>
      </oneOrMore>
    </element>
  </define>

  <define name="enclosure">
    <element name="enclosure">
      <ref name="foreignAttributes"/>
      <attribute name="url"/>
      <attribute name="length"><data type="nonNegativeInteger"/></attribute>
      <attribute name="type"><data type="string"><param name="pattern">.+/.+</param></data></attribute>
      <empty/>
    </element>
  </define>

  <define name="guid">
    <element name="guid">
      <ref name="foreignAttributes"/>
      <optional><attribute name="isPermaLink"><choice><value>true</value><value>false</value></choice></attribute></optional>
      <text/>
    </element>
  </define>

  <define name="source">
    <element name="source">
      <ref name="foreignAttributes"/>
      <attribute name="url"/>
      <text/>
    </element>
  </define>

  <!-- RFC 5005 section 2 and 4 markers: empty elements. -->
  <define name="fhComplete">
    <element name="complete" ns="http://purl.org/syndication/history/1.0"><empty/></element>
  </define>
  <define name="fhArchive">
    <element name="archive" ns="http://purl.org/syndication/history/1.0"><empty/></element>
  </define>

  <!-- atom:link as RSS feeds use it (rel="self", "hub", RFC 5005 archive links): any attributes. -->
  <define name="atomLink">
    <element name="link" ns="http://www.w3.org/2005/Atom">
      <zeroOrMore><attribute><anyName/></attribute></zeroOrMore>
      <ref name="anyContent"/>
    </element>
  </define>

  <!-- "A RSS feed may contain elements and attributes not described on this page, only if those elements
       and attributes are defined in a namespace": any namespaced element except the ones defined above. -->
  <define name="extensionElement">
    <element>
      <anyName>
        <except>
          <nsName ns=""/>
          <name ns="http://purl.org/rss/1.0/modules/content/">encoded</name>
          <name ns="http://purl.org/dc/elements/1.1/">creator</name>
          <nsName ns="http://purl.org/syndication/history/1.0"/>
          <name ns="http://www.w3.org/2005/Atom">link</name>
        </except>
      </anyName>
      <zeroOrMore><attribute><anyName/></attribute></zeroOrMore>
      <ref name="anyContent"/>
    </element>
  </define>

  <define name="anyContent">
    <zeroOrMore>
      <choice>
        <text/>
        <element>
          <anyName/>
          <zeroOrMore><attribute><anyName/></attribute></zeroOrMore>
          <ref name="anyContent"/>
        </element>
      </choice>
    </zeroOrMore>
  </define>
</grammar>
"""
}
