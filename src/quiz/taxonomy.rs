//! The tag taxonomy (`tags.ron`): every tag declared once, with its labels in each UI language.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// The newest tag file format this build reads.
pub const TAG_FORMAT: u32 = 1;

/// The name a tag file has in a quiz folder.
pub const TAG_FILE_NAME: &str = "tags.ron";

/// The contents of a `tags.ron` file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagFile {
    /// File format version; see [`TAG_FORMAT`].
    pub format: u32,
    /// The declared tags.
    pub tags: Vec<TagDefinition>,
}

/// One declared tag.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagDefinition {
    /// The slug written in quiz files, such as `documents-withheld`.
    pub id: String,
    /// What sort of tag it is, so reports can group them.
    pub kind: TagKind,
    /// What trainees and trainers read instead of the slug.
    pub label: Labels,
}

/// What sort of thing a tag names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TagKind {
    /// A subject area, such as `definitions` or `child`.
    Topic,
    /// A form of exploitation, such as `labour`.
    Exploitation,
    /// A warning sign, such as `documents-withheld`; used on options.
    Indicator,
    /// A stage of a case, such as `interview`.
    Stage,
    /// Who a question is for, such as `police`.
    Audience,
}

/// A text in each UI language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// English.
    pub en: String,
    /// Russian.
    pub ru: String,
    /// Kazakh (Cyrillic).
    pub kk: String,
}

impl Labels {
    /// The label in `language`, falling back to English.
    pub fn get(&self, language: &str) -> &str {
        match language {
            "ru" => &self.ru,
            "kk" => &self.kk,
            _ => &self.en,
        }
    }
}

/// The declared tags, looked up by id.
#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    tags: HashMap<String, TagDefinition>,
}

impl Taxonomy {
    /// Adds the tags of `file`, later declarations replacing earlier ones.
    pub fn extend(&mut self, file: TagFile) {
        for tag in file.tags {
            self.tags.insert(tag.id.clone(), tag);
        }
    }

    /// Adds the tags of `other`, its declarations replacing ours.
    pub fn merge(&mut self, other: &Taxonomy) {
        for (id, tag) in &other.tags {
            self.tags.insert(id.clone(), tag.clone());
        }
    }

    /// Whether `id` is declared.
    pub fn contains(&self, id: &str) -> bool {
        self.tags.contains_key(id)
    }

    /// What sort of tag `id` is, when it is declared.
    pub fn kind(&self, id: &str) -> Option<TagKind> {
        self.tags.get(id).map(|tag| tag.kind)
    }

    /// The label of `id` in `language`, or the id itself when it is not declared.
    pub fn label<'a>(&'a self, id: &'a str, language: &str) -> &'a str {
        self.tags.get(id).map_or(id, |tag| tag.label.get(language))
    }
}
