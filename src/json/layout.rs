//! How Vigil lays out JSON: indented like serde_json's pretty printer, except that an array of numbers,
//! booleans and nulls stays on one line (`[1.0, 0.0, 0.5]`). A report's rows carry a score, an option mask and
//! a time per question; one number to a line made most of a large report whitespace.

use std::io::{self, Write};

use serde_json::ser::{CompactFormatter, Formatter};

/// The indentation of one level.
const INDENT: &[u8] = b"  ";

/// How an open array is laid out; decided by its first element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Arrangement {
    /// No element yet.
    Undecided,
    /// Scalars on the array's own line.
    Inline,
    /// One element to a line.
    Block,
}

/// A [`Formatter`] that indents like serde_json's pretty printer but keeps arrays of non-string scalars on one
/// line.
#[derive(Debug, Default)]
pub struct Layout {
    /// How deep the value being written is nested.
    depth: usize,
    /// Whether the innermost open object has a member yet.
    has_value: bool,
    /// The arrangement of each open array, innermost last.
    arrays: Vec<Arrangement>,
    /// An array's first element has begun and its arrangement waits for what the element is.
    first_pending: bool,
}

impl Layout {
    /// The next value is a number, boolean or null: an array waiting on its first element is laid out inline.
    fn scalar(&mut self) {
        if std::mem::take(&mut self.first_pending)
            && let Some(arrangement) = self.arrays.last_mut()
        {
            *arrangement = Arrangement::Inline;
        }
    }

    /// The next value is a string, object or array: an array waiting on its first element is laid out one
    /// element to a line, starting now.
    fn block<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        if std::mem::take(&mut self.first_pending) {
            if let Some(arrangement) = self.arrays.last_mut() {
                *arrangement = Arrangement::Block;
            }
            self.new_line(writer)?;
        }
        Ok(())
    }

    /// A line break and the indentation of the current depth.
    fn new_line<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b"\n")?;
        for _ in 0..self.depth {
            writer.write_all(INDENT)?;
        }
        Ok(())
    }
}

/// Scalar writers: each settles a waiting array as inline, then writes as serde_json's compact formatter does.
macro_rules! scalars {
    ($($name:ident($type:ty)),* $(,)?) => {
        $(
            fn $name<W: ?Sized + Write>(&mut self, writer: &mut W, value: $type) -> io::Result<()> {
                self.scalar();
                CompactFormatter.$name(writer, value)
            }
        )*
    };
}

impl Formatter for Layout {
    scalars!(
        write_bool(bool),
        write_i8(i8),
        write_i16(i16),
        write_i32(i32),
        write_i64(i64),
        write_i128(i128),
        write_u8(u8),
        write_u16(u16),
        write_u32(u32),
        write_u64(u64),
        write_u128(u128),
        write_f32(f32),
        write_f64(f64),
        write_number_str(&str),
    );

    fn write_null<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.scalar();
        CompactFormatter.write_null(writer)
    }

    fn write_raw_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        self.block(writer)?;
        writer.write_all(fragment.as_bytes())
    }

    fn begin_string<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.block(writer)?;
        writer.write_all(b"\"")
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.block(writer)?;
        self.depth += 1;
        self.arrays.push(Arrangement::Undecided);
        writer.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth -= 1;
        self.first_pending = false;
        if self.arrays.pop() == Some(Arrangement::Block) {
            self.new_line(writer)?;
        }
        writer.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        match self.arrays.last() {
            _ if first => {
                self.first_pending = true;
                Ok(())
            }
            Some(Arrangement::Inline) => writer.write_all(b", "),
            _ => {
                writer.write_all(b",")?;
                self.new_line(writer)
            }
        }
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.block(writer)?;
        self.depth += 1;
        self.has_value = false;
        writer.write_all(b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(writer)?;
        }
        writer.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.new_line(writer)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn laid_out(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        let mut serializer = serde_json::Serializer::with_formatter(&mut out, Layout::default());
        serde::Serialize::serialize(value, &mut serializer).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn arrays_of_numbers_stay_on_one_line_and_everything_else_is_indented() {
        let value = json!({
            "scores": [1.0, 0.5, 0],
            "empty": [],
            "flags": [true, null],
            "tags": ["a", "b"],
            "rows": [{"id": "q1", "times": [3, 4]}, {}],
            "nested": [[1, 2], []],
            "object": {}
        });
        let expected = r#"{
  "empty": [],
  "flags": [true, null],
  "nested": [
    [1, 2],
    []
  ],
  "object": {},
  "rows": [
    {
      "id": "q1",
      "times": [3, 4]
    },
    {}
  ],
  "scores": [1.0, 0.5, 0],
  "tags": [
    "a",
    "b"
  ]
}"#;
        assert_eq!(laid_out(&value), expected);
    }

    #[test]
    fn laid_out_json_reads_back_the_same() {
        let value = json!([{"a": [1, [2, "x"], {"b": [null]}], "c": "d"}, 5, "e", [[]]]);
        let back: serde_json::Value = serde_json::from_str(&laid_out(&value)).unwrap();
        assert_eq!(back, value);
    }

    #[test]
    fn a_top_level_scalar_is_written_alone() {
        assert_eq!(laid_out(&json!(3)), "3");
        assert_eq!(laid_out(&json!([])), "[]");
    }
}
