//! A fast reader for records in the compact form Vigil itself writes.
//!
//! Reports read thousands of records at once, and ron's general parser spends most of its time on syntax a
//! written record never uses: whitespace and comments, struct names, raw strings, extensions. This reader takes
//! only the compact form ron's serializer produces for a record (`(field:value,...)`, tuples, lists, strings with
//! ron's escapes, numbers, booleans, enum variants and implicit options, nothing between the tokens) and gives up
//! on anything else, so the caller falls back to ron, which reads every other valid file and words the errors. It
//! drives the same serde implementations as ron, and accepts a subset of what ron accepts, so a record reads the
//! same either way.

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Visitor};

/// Reads `text` as a `T` in the compact form, or `None` if it is anything else (ron then decides).
pub fn from_str<'de, T: Deserialize<'de>>(text: &'de str) -> Option<T> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    let value = T::deserialize(&mut reader).ok()?;
    reader.bytes[reader.pos..]
        .iter()
        .all(u8::is_ascii_whitespace)
        .then_some(value)
}

/// The text is not in the compact form (or not a valid `T`); the reason does not matter, ron is asked next.
#[derive(Debug)]
struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not in the compact record form")
    }
}

impl std::error::Error for Unsupported {}

impl de::Error for Unsupported {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

type Result<T> = std::result::Result<T, Unsupported>;

struct Reader<'de> {
    text: &'de str,
    bytes: &'de [u8],
    pos: usize,
}

fn is_ident_start(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || byte == b'_'
}

fn is_ident_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_'
}

impl<'de> Reader<'de> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> Result<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Unsupported)
        }
    }

    /// Runs of bytes matching `test`, from the cursor.
    fn span(&self, test: fn(u8) -> bool) -> usize {
        self.bytes[self.pos..]
            .iter()
            .position(|&b| !test(b))
            .unwrap_or(self.bytes.len() - self.pos)
    }

    fn ident(&mut self) -> Result<&'de str> {
        if !self.peek().is_some_and(is_ident_start) {
            return Err(Unsupported);
        }
        let len = self.span(is_ident_byte);
        let ident = &self.text[self.pos..self.pos + len];
        self.pos += len;
        Ok(ident)
    }

    /// A keyword such as `None` or `true`, only where it is a whole identifier.
    fn keyword(&mut self, word: &str) -> bool {
        let end = self.pos + word.len();
        let matches = self.bytes[self.pos..].starts_with(word.as_bytes())
            && !self.bytes.get(end).copied().is_some_and(is_ident_byte);
        if matches {
            self.pos = end;
        }
        matches
    }

    fn string(&mut self) -> Result<Cow<'de, str>> {
        self.eat(b'"')?;
        let start = self.pos;
        loop {
            match self.peek().ok_or(Unsupported)? {
                b'"' => {
                    let text = &self.text[start..self.pos];
                    self.pos += 1;
                    return Ok(Cow::Borrowed(text));
                }
                b'\\' => break,
                byte if byte < 0x20 || byte == 0x7f => return Err(Unsupported),
                _ => self.pos += 1,
            }
        }
        let mut owned = self.text[start..self.pos].to_owned();
        loop {
            match self.peek().ok_or(Unsupported)? {
                b'"' => {
                    self.pos += 1;
                    return Ok(Cow::Owned(owned));
                }
                b'\\' => {
                    self.pos += 1;
                    owned.push(self.escape()?);
                }
                byte if byte < 0x20 || byte == 0x7f => return Err(Unsupported),
                _ => {
                    let len = self.span(|b| b != b'"' && b != b'\\' && b >= 0x20 && b != 0x7f);
                    owned.push_str(&self.text[self.pos..self.pos + len]);
                    self.pos += len;
                }
            }
        }
    }

    /// The character of an escape, the backslash already read.
    fn escape(&mut self) -> Result<char> {
        let byte = self.peek().ok_or(Unsupported)?;
        self.pos += 1;
        Ok(match byte {
            b'"' => '"',
            b'\'' => '\'',
            b'\\' => '\\',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'u' => {
                self.eat(b'{')?;
                let len = self.span(|b| b.is_ascii_hexdigit());
                if !(1..=6).contains(&len) {
                    return Err(Unsupported);
                }
                let digits = &self.text[self.pos..self.pos + len];
                self.pos += len;
                self.eat(b'}')?;
                u32::from_str_radix(digits, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or(Unsupported)?
            }
            _ => return Err(Unsupported),
        })
    }

    /// An unsigned integer without sign, leading zeros or suffix.
    fn unsigned(&mut self) -> Result<u64> {
        let len = self.span(|b| b.is_ascii_digit());
        let digits = &self.text[self.pos..self.pos + len];
        if len == 0 || (len > 1 && digits.starts_with('0')) || self.followed_by_number_text(len) {
            return Err(Unsupported);
        }
        self.pos += len;
        digits.parse().map_err(|_| Unsupported)
    }

    /// A float as Rust's `Debug` writes one: `-12.5`, `1e300`, `1.5e-7`.
    fn float(&mut self) -> Result<f64> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let whole = self.span(|b| b.is_ascii_digit());
        if whole == 0 || (whole > 1 && self.peek() == Some(b'0')) {
            return Err(Unsupported);
        }
        self.pos += whole;
        let mut marked = false;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let fraction = self.span(|b| b.is_ascii_digit());
            if fraction == 0 {
                return Err(Unsupported);
            }
            self.pos += fraction;
            marked = true;
        }
        if self.peek() == Some(b'e') {
            self.pos += 1;
            if self.peek() == Some(b'-') {
                self.pos += 1;
            }
            let exponent = self.span(|b| b.is_ascii_digit());
            if exponent == 0 {
                return Err(Unsupported);
            }
            self.pos += exponent;
            marked = true;
        }
        if !marked || self.followed_by_number_text(0) {
            return Err(Unsupported);
        }
        self.text[start..self.pos].parse().map_err(|_| Unsupported)
    }

    /// Whether what follows `len` bytes from the cursor would continue a number in ron (a suffix, `_`, `.`).
    fn followed_by_number_text(&self, len: usize) -> bool {
        self.bytes
            .get(self.pos + len)
            .is_some_and(|&b| is_ident_byte(b) || b == b'.')
    }

    fn comma_or_end(&mut self, first: &mut bool, close: u8) -> Result<bool> {
        if self.peek() == Some(close) {
            return Ok(false);
        }
        if !std::mem::take(first) {
            self.eat(b',')?;
            if self.peek() == Some(close) {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

/// The elements of a list or tuple, up to `close`.
struct Elements<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: u8,
    first: bool,
}

impl<'de> de::SeqAccess<'de> for Elements<'_, 'de> {
    type Error = Unsupported;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>> {
        if !self.reader.comma_or_end(&mut self.first, self.close)? {
            return Ok(None);
        }
        seed.deserialize(&mut *self.reader).map(Some)
    }
}

/// The `field:value` pairs of a struct.
struct Fields<'a, 'de> {
    reader: &'a mut Reader<'de>,
    first: bool,
}

impl<'de> de::MapAccess<'de> for Fields<'_, 'de> {
    type Error = Unsupported;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.reader.comma_or_end(&mut self.first, b')')? {
            return Ok(None);
        }
        let name = self.reader.ident()?;
        seed.deserialize(BorrowedStrDeserializer::new(name))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.reader.eat(b':')?;
        seed.deserialize(&mut *self.reader)
    }
}

impl<'de> de::EnumAccess<'de> for &mut Reader<'de> {
    type Error = Unsupported;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name = self.ident()?;
        let value = seed.deserialize(BorrowedStrDeserializer::<Unsupported>::new(name))?;
        Ok((value, self))
    }
}

impl<'de> de::VariantAccess<'de> for &mut Reader<'de> {
    type Error = Unsupported;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        self.eat(b'(')?;
        let value = seed.deserialize(&mut *self)?;
        self.eat(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn struct_variant<V: Visitor<'de>>(self, _: &'static [&'static str], _: V) -> Result<V::Value> {
        Err(Unsupported)
    }
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Unsupported;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.keyword("true") {
            visitor.visit_bool(true)
        } else if self.keyword("false") {
            visitor.visit_bool(false)
        } else {
            Err(Unsupported)
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let value = u8::try_from(self.unsigned()?).map_err(|_| Unsupported)?;
        visitor.visit_u8(value)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let value = u16::try_from(self.unsigned()?).map_err(|_| Unsupported)?;
        visitor.visit_u16(value)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let value = u32::try_from(self.unsigned()?).map_err(|_| Unsupported)?;
        visitor.visit_u32(value)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_f64(self.float()?)
    }

    fn deserialize_char<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.keyword("None") {
            visitor.visit_none()
        } else if self.keyword("Some") {
            Err(Unsupported)
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, _: V) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: V,
    ) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.eat(b'[')?;
        let value = visitor.visit_seq(Elements {
            reader: &mut *self,
            close: b']',
            first: true,
        })?;
        self.eat(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value> {
        self.eat(b'(')?;
        let value = visitor.visit_seq(Elements {
            reader: &mut *self,
            close: b')',
            first: true,
        })?;
        self.eat(b')')?;
        Ok(value)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Unsupported)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.eat(b'(')?;
        let value = visitor.visit_map(Fields {
            reader: &mut *self,
            first: true,
        })?;
        self.eat(b')')?;
        Ok(value)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_enum(self)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let name = self.ident()?;
        visitor.visit_borrowed_str(name)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value> {
        Err(Unsupported)
    }
}
