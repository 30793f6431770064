//! Text that thousands of report rows repeat (session, group, quiz id, language, content hash), held once and
//! shared between them.

use std::borrow::Borrow;
use std::collections::HashSet;
use std::fmt;
use std::ops::Deref;
use std::sync::{Arc, Mutex, PoisonError};

use serde::{Serialize, Serializer};

/// A text shared by every row that repeats it; reads as a `str`. Held through one thin pointer (8 bytes, where
/// an `Arc<str>` takes 16), as every row keeps several.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedText(Arc<Box<str>>);

impl SharedText {
    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for SharedText {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for SharedText {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedText {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<&str> for SharedText {
    fn from(text: &str) -> Self {
        Self(Arc::new(Box::from(text)))
    }
}

impl From<String> for SharedText {
    fn from(text: String) -> Self {
        Self(Arc::new(text.into_boxed_str()))
    }
}

impl PartialEq<str> for SharedText {
    fn eq(&self, other: &str) -> bool {
        **self.0 == *other
    }
}

impl PartialEq<&str> for SharedText {
    fn eq(&self, other: &&str) -> bool {
        **self.0 == **other
    }
}

impl PartialEq<String> for SharedText {
    fn eq(&self, other: &String) -> bool {
        **self.0 == **other
    }
}

impl PartialEq<SharedText> for str {
    fn eq(&self, other: &SharedText) -> bool {
        *self == **other.0
    }
}

impl PartialEq<SharedText> for &str {
    fn eq(&self, other: &SharedText) -> bool {
        **self == **other.0
    }
}

impl PartialEq<SharedText> for String {
    fn eq(&self, other: &SharedText) -> bool {
        **self == **other.0
    }
}

impl fmt::Display for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&**self.0, f)
    }
}

impl fmt::Debug for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self.0, f)
    }
}

impl Serialize for SharedText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Hands out one shared copy of each text, to rows made on any thread.
#[derive(Debug, Default)]
pub struct Interner(Mutex<HashSet<SharedText>>);

impl Interner {
    /// The shared copy of `text`, made on its first request.
    pub fn get(&self, text: &str) -> SharedText {
        let mut texts = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(shared) = texts.get(text) {
            return shared.clone();
        }
        let shared = SharedText::from(text);
        texts.insert(shared.clone());
        shared
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_text_is_held_once() {
        let interner = Interner::default();
        let first = interner.get("police");
        let again = interner.get(&String::from("police"));
        assert!(Arc::ptr_eq(&first.0, &again.0));
        assert!(!Arc::ptr_eq(&first.0, &interner.get("ngo").0));
    }

    #[test]
    fn a_shared_text_is_one_pointer() {
        assert_eq!(
            std::mem::size_of::<SharedText>(),
            std::mem::size_of::<usize>()
        );
    }

    #[test]
    fn reads_compares_and_serialises_as_its_text() {
        let text = SharedText::from("ngo");
        assert_eq!(text, "ngo");
        assert_eq!(text.to_uppercase(), "NGO");
        assert_eq!(format!("{text} {text:?}"), "ngo \"ngo\"");
        assert_eq!(serde_json::to_string(&text).unwrap_or_default(), "\"ngo\"");
    }
}
