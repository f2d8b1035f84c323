/// The element, attribute and CSS vocabularies the W3C service judges embedded HTML by.
enum HTMLVocabulary {
    /// Element names of HTML (HTML 4, HTML5 and common legacy ones): any other name in escaped HTML is
    /// `NotHtml`.
    static let elements: Set<String> = [
        "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base", "basefont",
        "bdi", "bdo", "big", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col",
        "colgroup", "command", "comment", "data", "datagrid", "datalist", "dd", "del", "details", "dfn", "dialog",
        "dir", "div", "dl", "dt", "em", "embed", "eventsource", "fieldset", "figcaption", "figure", "font", "footer",
        "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i",
        "iframe", "img", "input", "ins", "isindex", "kbd", "label", "legend", "li", "link", "listing", "m", "main",
        "map", "mark", "menu", "meta", "meter", "nav", "noframes", "noscript", "object", "ol", "optgroup", "option",
        "output", "p", "param", "picture", "plaintext", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp",
        "script", "section", "select", "slot", "small", "source", "span", "strike", "strong", "style", "sub", "summary",
        "sup", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track",
        "tt", "u", "ul", "var", "video", "wbr", "xmp",
    ]

    /// Elements readers display without risk; an HTML element outside this list (script, iframe, object, embed,
    /// style, form controls that submit...) is `SecurityRisk`.
    static let safeElements: Set<String> = [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "bdi", "big", "blockquote", "br",
        "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "command", "data", "datagrid",
        "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "eventsource", "fieldset",
        "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "i", "img", "input", "ins", "kbd", "keygen", "label", "legend", "li", "m", "main", "map", "mark", "menu",
        "meter", "multicol", "nav", "nextid", "noscript", "ol", "optgroup", "option", "output", "p", "picture", "pre",
        "progress", "q", "rp", "rt", "ruby", "s", "samp", "section", "select", "small", "sound", "source", "spacer",
        "span", "strike", "strong", "sub", "summary", "sup", "table", "tbody", "td", "template", "textarea", "tfoot",
        "th", "thead", "time", "tr", "track", "tt", "u", "ul", "var", "video", "wbr",
    ]

    /// CSS properties a reader can apply without risk; any other in a `style` attribute is `DangerousStyleAttr`.
    static let safeCSSProperties: Set<String> = [
        "azimuth", "background", "background-color", "border", "border-bottom", "border-bottom-color",
        "border-bottom-style", "border-bottom-width", "border-collapse", "border-color", "border-left",
        "border-left-color", "border-left-style", "border-left-width", "border-right", "border-right-color",
        "border-right-style", "border-right-width", "border-spacing", "border-style", "border-top", "border-top-color",
        "border-top-style", "border-top-width", "border-width", "clear", "color", "cursor", "direction", "display",
        "elevation", "float", "font", "font-family", "font-size", "font-style", "font-variant", "font-weight", "height",
        "letter-spacing", "line-height", "list-style-type", "margin", "margin-bottom", "margin-left", "margin-right",
        "margin-top", "overflow", "padding", "padding-bottom", "padding-left", "padding-right", "padding-top", "pause",
        "pause-after", "pause-before", "pitch", "pitch-range", "richness", "speak", "speak-header", "speak-numeral",
        "speak-punctuation", "speech-rate", "stress", "text-align", "text-decoration", "text-indent", "unicode-bidi",
        "vertical-align", "voice-family", "volume", "white-space", "width",
    ]

    /// Keywords accepted in the values of `background`, `border`, `margin` and `padding` properties.
    static let safeCSSKeywords: Set<String> = [
        "!important", "aqua", "auto", "black", "block", "blue", "bold", "both", "bottom", "brown", "center", "collapse",
        "dashed", "dotted", "fuchsia", "gray", "green", "italic", "left", "lime", "maroon", "medium", "navy", "none",
        "normal", "nowrap", "olive", "pointer", "purple", "red", "right", "silver", "solid", "teal", "top",
        "transparent", "underline", "white", "yellow",
    ]

    /// SVG Tiny elements allowed in Atom XHTML content.
    static let svgElements: Set<String> = [
        "a", "animate", "animateColor", "animateMotion", "animateTransform", "circle", "defs", "desc", "ellipse",
        "font-face", "font-face-name", "font-face-src", "g", "glyph", "hkern", "line", "linearGradient", "marker",
        "metadata", "missing-glyph", "mpath", "path", "polygon", "polyline", "radialGradient", "rect", "set", "stop",
        "svg", "switch", "text", "title", "tspan", "use",
    ]

    /// Attributes allowed on SVG elements.
    static let svgAttributes: Set<String> = [
        "accent-height", "accumulate", "additive", "alphabetic", "arabic-form", "ascent", "attributeName",
        "attributeType", "baseProfile", "bbox", "begin", "by", "calcMode", "cap-height", "class", "color",
        "color-rendering", "content", "cx", "cy", "d", "descent", "display", "dur", "dx", "dy", "end", "fill",
        "fill-opacity", "fill-rule", "font-family", "font-size", "font-stretch", "font-style", "font-variant",
        "font-weight", "from", "fx", "fy", "g1", "g2", "glyph-name", "gradientUnits", "hanging", "height",
        "horiz-adv-x", "horiz-origin-x", "id", "ideographic", "k", "keyPoints", "keySplines", "keyTimes", "lang",
        "marker-end", "marker-mid", "marker-start", "markerHeight", "markerUnits", "markerWidth", "mathematical", "max",
        "min", "name", "offset", "opacity", "orient", "origin", "overline-position", "overline-thickness", "panose-1",
        "path", "pathLength", "points", "preserveAspectRatio", "r", "refX", "refY", "repeatCount", "repeatDur",
        "requiredExtensions", "requiredFeatures", "restart", "rotate", "rx", "ry", "slope", "stemh", "stemv",
        "stop-color", "stop-opacity", "strikethrough-position", "strikethrough-thickness", "stroke", "stroke-dasharray",
        "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-opacity", "stroke-width",
        "style", "systemLanguage", "target", "text-anchor", "to", "transform", "type", "u1", "u2", "underline-position",
        "underline-thickness", "unicode", "unicode-range", "units-per-em", "values", "version", "viewBox", "visibility",
        "width", "widths", "x", "x-height", "x1", "x2", "xlink:actuate", "xlink:arcrole", "xlink:href", "xlink:role",
        "xlink:show", "xlink:title", "xlink:type", "xml:base", "xml:lang", "xml:space", "xmlns", "xmlns:xlink", "y",
        "y1", "y2", "zoomAndPan",
    ]

    /// MathML presentation elements allowed in Atom XHTML content.
    static let mathMLElements: Set<String> = [
        "annotation", "annotation-xml", "maction", "math", "merror", "mfrac", "mi", "mmultiscripts", "mn", "mo",
        "mover", "mpadded", "mphantom", "mprescripts", "mroot", "mrow", "mspace", "msqrt", "mstyle", "msub", "msubsup",
        "msup", "mtable", "mtd", "mtext", "mtr", "munder", "munderover", "none", "semantics",
    ]

    /// Attributes allowed on MathML elements.
    static let mathMLAttributes: Set<String> = [
        "actiontype", "align", "columnalign", "columnlines", "columnspacing", "columnspan", "depth", "display",
        "displaystyle", "encoding", "equalcolumns", "equalrows", "fence", "fontstyle", "fontweight", "frame", "height",
        "linethickness", "lspace", "mathbackground", "mathcolor", "mathvariant", "maxsize", "minsize", "other",
        "rowalign", "rowlines", "rowspacing", "rowspan", "rspace", "scriptlevel", "selection", "separator", "stretchy",
        "width", "xlink:href", "xlink:show", "xlink:type", "xmlns", "xmlns:xlink",
    ]
}
