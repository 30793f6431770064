//! HTML reduced to plain text for the terminal: tags removed, paragraphs and lists kept as lines, entities
//! decoded, and whatever cannot be shown (images, media) named.

/// How line breaks in the source are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineBreaks {
    /// HTML proper (Moodle's `[html]`): a line break is white space like any other.
    Collapse,
    /// Moodle's auto-format (`[moodle]`, the GIFT default): a line break in the source is one in the text.
    Keep,
}

/// Text reduced from HTML, and what it could not keep.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlainText {
    /// The readable text.
    pub text: String,
    /// What was left out, such as `an image ("map of the route")`.
    pub losses: Vec<String>,
}

/// Elements whose content is not text and is skipped whole.
const SKIPPED_ELEMENTS: [&str; 3] = ["script", "style", "head"];

/// Elements that stand on lines of their own, separated by a blank line.
const PARAGRAPHS: [&str; 13] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dl",
];

/// Elements that start a new line.
const LINES: [&str; 10] = [
    "div",
    "tr",
    "dt",
    "dd",
    "hr",
    "section",
    "article",
    "header",
    "footer",
    "figcaption",
];

/// Elements that embed media a terminal cannot play.
const MEDIA: [&str; 5] = ["audio", "video", "iframe", "object", "embed"];

/// `html` as plain text; `line_breaks` says whether line breaks in the source count.
pub fn to_text(html: &str, line_breaks: LineBreaks) -> PlainText {
    let mut out = TextBuilder::default();
    let mut losses = Vec::new();
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let tag = match Tag::read(rest) {
            TagRead::Tag(tag) => Some(tag),
            TagRead::NotATag => None,
            TagRead::Unclosed => {
                out.text(&decode_entities(rest), line_breaks);
                break;
            }
        };
        if let Some(tag) = tag {
            rest = &rest[tag.length..];
            if tag.closing {
                if PARAGRAPHS.contains(&tag.name.as_str()) {
                    out.end_paragraph();
                } else if LINES.contains(&tag.name.as_str()) || tag.name == "li" {
                    out.end_line();
                }
                continue;
            }
            match tag.name.as_str() {
                name if SKIPPED_ELEMENTS.contains(&name) => rest = after_closing_tag(rest, name),
                name if PARAGRAPHS.contains(&name) => out.end_paragraph(),
                name if LINES.contains(&name) => out.end_line(),
                "br" => out.line_break(),
                "li" => {
                    out.end_line();
                    out.push_marker("- ");
                }
                "td" | "th" => out.cell(),
                "img" => losses.push(match tag.attribute("alt") {
                    Some(alt) if !alt.trim().is_empty() => format!("an image (\"{}\")", alt.trim()),
                    _ => "an image".to_owned(),
                }),
                name if MEDIA.contains(&name) => losses.push(format!("embedded media (<{name}>)")),
                _ => {}
            }
            continue;
        }
        let first = rest.chars().next().map_or(0, char::len_utf8);
        let end = rest[first..].find('<').map_or(rest.len(), |at| at + first);
        out.text(&decode_entities(&rest[..end]), line_breaks);
        rest = &rest[end..];
    }
    PlainText {
        text: out.finish(),
        losses,
    }
}

/// What follows the closing tag of `name` in `rest`, or nothing when it is never closed.
fn after_closing_tag<'a>(rest: &'a str, name: &str) -> &'a str {
    let closes = |at: &usize| {
        rest.get(at + 2..at + 2 + name.len())
            .is_some_and(|found| found.eq_ignore_ascii_case(name))
    };
    match rest.match_indices("</").map(|(at, _)| at).find(closes) {
        Some(at) => rest[at..].find('>').map_or("", |end| &rest[at + end + 1..]),
        None => "",
    }
}

/// One tag: `<name ...>`, `</name>` or `<!...>`.
struct Tag<'a> {
    /// The element's name in lower case; empty for declarations such as `<!DOCTYPE html>`.
    name: String,
    /// Whether it is an end tag.
    closing: bool,
    /// The tag's text between `<` and `>`.
    inside: &'a str,
    /// Its length in bytes, `<` and `>` included.
    length: usize,
}

/// What the text at a `<` holds.
enum TagRead<'a> {
    /// A whole tag.
    Tag(Tag<'a>),
    /// Not a tag: `<` is text here, as in `5 < 6`.
    NotATag,
    /// A tag that the text ends before closing: all that follows is text.
    Unclosed,
}

impl<'a> Tag<'a> {
    /// The tag at the start of `text`, if `text` starts with one.
    fn read(text: &'a str) -> TagRead<'a> {
        let Some(inner) = text.strip_prefix('<') else {
            return TagRead::NotATag;
        };
        let (closing, name_start) = match inner.chars().next() {
            Some('/') => (true, &inner[1..]),
            Some('!') => (false, ""),
            Some(c) if c.is_ascii_alphabetic() => (false, inner),
            _ => return TagRead::NotATag,
        };
        if closing && !name_start.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return TagRead::NotATag;
        }
        let name: String = name_start
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let mut quote = None;
        for (at, c) in inner.char_indices() {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(open), _) if c == open => quote = None,
                (None, '>') => {
                    return TagRead::Tag(Tag {
                        name,
                        closing,
                        inside: &inner[..at],
                        length: at + 2,
                    });
                }
                _ => {}
            }
        }
        TagRead::Unclosed
    }

    /// The value of attribute `wanted`, entities decoded.
    fn attribute(&self, wanted: &str) -> Option<String> {
        let lower = self.inside.to_ascii_lowercase();
        let mut from = 0;
        while let Some(found) = lower[from..].find(wanted) {
            let at = from + found;
            from = at + wanted.len();
            let preceded_by_space = lower[..at].ends_with(|c: char| c.is_ascii_whitespace());
            let value = self.inside[from..].trim_start();
            let Some(value) = value.strip_prefix('=').filter(|_| preceded_by_space) else {
                continue;
            };
            let value = value.trim_start();
            let raw = match value.chars().next() {
                Some(quote @ ('"' | '\'')) => {
                    let value = &value[1..];
                    &value[..value.find(quote).unwrap_or(value.len())]
                }
                _ => value
                    .split(|c: char| c.is_ascii_whitespace() || c == '/')
                    .next()
                    .unwrap_or_default(),
            };
            return Some(decode_entities(raw));
        }
        None
    }
}

/// Builds the text: white space collapsed, lines and paragraphs kept.
#[derive(Default)]
struct TextBuilder {
    out: String,
    pending_space: bool,
}

impl TextBuilder {
    fn at_line_start(&self) -> bool {
        self.out.is_empty() || self.out.ends_with('\n')
    }

    fn text(&mut self, text: &str, line_breaks: LineBreaks) {
        for c in text.chars() {
            if c == '\n' && line_breaks == LineBreaks::Keep {
                self.line_break();
            } else if c.is_whitespace() {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.at_line_start() && !self.out.ends_with(' ') {
                    self.out.push(' ');
                }
                self.pending_space = false;
                self.out.push(c);
            }
        }
    }

    fn line_break(&mut self) {
        self.out.push('\n');
        self.pending_space = false;
    }

    fn end_line(&mut self) {
        if !self.at_line_start() {
            self.out.push('\n');
        }
        self.pending_space = false;
    }

    fn end_paragraph(&mut self) {
        self.end_line();
        if !self.out.is_empty() && !self.out.ends_with("\n\n") {
            self.out.push('\n');
        }
    }

    fn push_marker(&mut self, marker: &str) {
        self.out.push_str(marker);
        self.pending_space = false;
    }

    fn cell(&mut self) {
        if !self.at_line_start() {
            self.out.push_str(" | ");
        }
        self.pending_space = false;
    }

    /// The text with trailing spaces, runs of blank lines and surrounding blank lines removed.
    fn finish(self) -> String {
        let mut lines: Vec<&str> = Vec::new();
        for line in self.out.split('\n').map(str::trim_end) {
            let blank_run = line.is_empty() && lines.last().is_none_or(|last| last.is_empty());
            if !blank_run {
                lines.push(line);
            }
        }
        while lines.last().is_some_and(|last| last.is_empty()) {
            lines.pop();
        }
        lines.join("\n")
    }
}

/// `text` with HTML character references (`&amp;`, `&#233;`, `&#x416;`) replaced by their characters.
///
/// Unknown names are left as written; numbers that name no character become U+FFFD.
pub fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match reference(after) {
            Some((c, length)) => {
                out.push(c);
                rest = &after[length..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The longest character reference name looked for, in bytes (`&CounterClockwiseContourIntegral;` is 31).
const MAX_REFERENCE: usize = 32;

/// The character of the reference at the start of `text` (after its `&`) and the reference's length.
fn reference(text: &str) -> Option<(char, usize)> {
    let end = text
        .bytes()
        .take(MAX_REFERENCE + 1)
        .position(|b| b == b';')?;
    let name = &text[..end];
    let c = match name.strip_prefix('#') {
        Some(number) => {
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) if hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                    u32::from_str_radix(hex, 16).ok()?
                }
                None if number.bytes().all(|b| b.is_ascii_digit()) => number.parse().ok()?,
                _ => return None,
            };
            numbered(code)
        }
        None => named(name)?,
    };
    Some((c, end + 1))
}

/// The character numbered `code`, read as browsers do: 128-159 as Windows-1252, nonsense as U+FFFD.
fn numbered(code: u32) -> char {
    const WINDOWS_1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match code {
        0 => '\u{FFFD}',
        0x80..=0x9F => WINDOWS_1252[(code - 0x80) as usize],
        _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
    }
}

/// The names of the Latin-1 characters U+00A0 to U+00FF, in order.
const LATIN_1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Other named characters that editors write.
const NAMED: [(&str, char); 44] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("bull", '•'),
    ("euro", '€'),
    ("trade", '™'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("minus", '−'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("asymp", '≈'),
    ("infin", '∞'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("alpha", 'α'),
    ("beta", 'β'),
    ("gamma", 'γ'),
    ("delta", 'δ'),
    ("pi", 'π'),
    ("sigma", 'σ'),
    ("mu", 'μ'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200C}'),
];

fn named(name: &str) -> Option<char> {
    if let Some(index) = LATIN_1.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + index as u32);
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(text: &str) -> String {
        to_text(text, LineBreaks::Collapse).text
    }

    #[test]
    fn tags_go_and_paragraphs_stay() {
        assert_eq!(
            html("<p>Is <b>Aibek</b>\n  at risk?</p><p>Think&nbsp;again.</p>"),
            "Is Aibek at risk?\n\nThink again."
        );
        assert_eq!(html("one<br>two<br/>three"), "one\ntwo\nthree");
        assert_eq!(
            html("<ul><li>debt</li><li> documents </li></ul>after"),
            "- debt\n- documents\n\nafter"
        );
        assert_eq!(
            html("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>"),
            "a | b\n1 | 2"
        );
    }

    #[test]
    fn line_breaks_count_only_in_moodle_auto_format() {
        assert_eq!(
            to_text("one\ntwo", LineBreaks::Keep).text,
            "one\ntwo".to_owned()
        );
        assert_eq!(html("one\ntwo"), "one two");
    }

    #[test]
    fn entities_are_decoded_once() {
        assert_eq!(
            decode_entities("&lt;b&gt; &amp;amp; &#233;&#x416;&#150; &eacute; &bogus; & AT&T"),
            "<b> &amp; éЖ– é &bogus; & AT&T"
        );
        assert_eq!(
            decode_entities("&#0;&#xD800;&#99999999999;"),
            "\u{FFFD}\u{FFFD}&#99999999999;"
        );
        assert_eq!(html("&lt;p&gt; is a tag"), "<p> is a tag");
    }

    #[test]
    fn what_is_not_a_tag_stays_text() {
        assert_eq!(html("5 < 6 and 7 > 3"), "5 < 6 and 7 > 3");
        assert_eq!(html("a <b"), "a <b");
        assert_eq!(html("a <b c=\"d> e <i>f</i>"), "a <b c=\"d> e <i>f</i>");
        assert_eq!(html("<3 x"), "<3 x");
    }

    #[test]
    fn scripts_comments_and_media_are_dropped_and_images_named() {
        let text = to_text(
            "<script>alert('<p>')</SCRIPT ><!-- note -->Look: <img src=\"map.png\" alt=\"the route\"> \
             <img src='x.png'><video src=v.mp4></video><style>p{}</style>done",
            LineBreaks::Collapse,
        );
        assert_eq!(text.text, "Look: done");
        assert_eq!(
            text.losses,
            [
                "an image (\"the route\")",
                "an image",
                "embedded media (<video>)"
            ]
        );
    }

    #[test]
    fn quoted_greater_than_signs_stay_inside_the_tag() {
        assert_eq!(html("<a title=\"x > y\" href='#'>link</a>"), "link");
    }
}
