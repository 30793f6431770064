//! Finding positions in a file's text: line and column of a byte, and where an id or field is written.

/// A file's text with its line starts, for turning byte offsets into `line:column`.
#[derive(Debug)]
pub struct SourceText<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

/// A 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// Line number, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl<'a> SourceText<'a> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { text, line_starts }
    }

    /// The whole text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The line and column of byte `offset`.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line.saturating_sub(1)];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |before| before.chars().count() + 1);
        Position { line, column }
    }

    /// The text of line `line` (1-based) without its line break.
    pub fn line(&self, line: usize) -> Option<&'a str> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let rest = &self.text[start..];
        let end = rest.find('\n').unwrap_or(rest.len());
        Some(rest[..end].trim_end_matches('\r'))
    }

    /// Byte offset of the first `key: "value"` at or after `from`, pointing at the key.
    pub fn find_key_value(&self, from: usize, key: &str, value: &str) -> Option<usize> {
        self.find_nth_key_value(from, key, value, 0)
    }

    /// Byte offset of the `nth` (0-based) `key: "value"` at or after `from`, pointing at the key.
    pub fn find_nth_key_value(
        &self,
        from: usize,
        key: &str,
        value: &str,
        nth: usize,
    ) -> Option<usize> {
        let quoted = format!("\"{value}\"");
        let mut search = from.min(self.text.len());
        let mut skip = nth;
        while let Some(found) = self.text[search..].find(&quoted) {
            let at = search + found;
            search = at + quoted.len();
            if let Some(key_at) = self.key_before(at, key) {
                if skip == 0 {
                    return Some(key_at);
                }
                skip -= 1;
            }
        }
        None
    }

    /// Byte offset of the first field `key:` at or after `from`.
    pub fn find_field(&self, from: usize, key: &str) -> Option<usize> {
        let mut search = from.min(self.text.len());
        while let Some(found) = self.text[search..].find(key) {
            let at = search + found;
            let before_ok = self.text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !is_ident(c));
            let after = self.text[at + key.len()..].trim_start();
            if before_ok && after.starts_with(':') && !after.starts_with("::") {
                return Some(at);
            }
            search = at + key.len();
        }
        None
    }

    /// If the text just before `at` (skipping white space) is `key:`, the offset of `key`.
    fn key_before(&self, at: usize, key: &str) -> Option<usize> {
        let before = self.text[..at].trim_end();
        let before = before.strip_suffix(':')?.trim_end();
        let key_at = before.strip_suffix(key).map(str::len)?;
        let boundary = before[..key_at]
            .chars()
            .next_back()
            .is_none_or(|c| !is_ident(c));
        boundary.then_some(key_at)
    }
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let source = SourceText::new("(\n  title: \"Дети\", id: \"q1\",\n)");
        let at = source.find_key_value(0, "id", "q1").unwrap();
        assert_eq!(
            source.position(at),
            Position {
                line: 2,
                column: 18
            }
        );
        assert_eq!(source.line(2), Some("  title: \"Дети\", id: \"q1\","));
        assert_eq!(source.line(9), None);
    }

    #[test]
    fn finds_keys_only_at_word_boundaries() {
        let source = SourceText::new("(quiz_id: \"a\", id: \"a\", xid : \"b\")");
        let at = source.find_key_value(0, "id", "a").unwrap();
        assert_eq!(source.position(at).column, 16);
        assert_eq!(source.find_key_value(0, "id", "b"), None);
        assert_eq!(source.find_field(0, "id"), Some(15));
    }
}
