//! The embedder's say over the templates, part of the catalog overrides (`overrides.rs`,
//! the npm package's `catalog` option):
//!
//! ```json
//! { "templates": { "hide": ["consent", "record"],
//!                  "note": { "de": "Fragen? Wir prüfen Ihre Vorlagen: 030 123456", "en": "…" } } }
//! ```
//! `hide` switches templates off (`"all"` switches off every one, and the widget's section with
//! them); `note` is shown under each template's title (one language is enough; it stands in for
//! the other). A bad value is an error naming the field; nothing is half-applied.
use std::collections::BTreeMap;

use serde::Deserialize;

use super::DocId;
use crate::catalog::{CatalogData, CatalogError};
use crate::text::{Lang, Text};

/// The embedder's say over the templates.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct TemplateOverrides {
    /// Template ids to switch off, or `"all"`.
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional = nullable, type = "(DocumentId | \"all\")[]"))]
    pub hide: Vec<String>,
    /// A note under each template's title (one language is enough; at most 500 characters).
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional, type = "LangTexts"))]
    pub note: Option<BTreeMap<String, String>>,
}

/// The longest note an embedder may add.
const MAX_NOTE: usize = 500;

fn bad(field: impl Into<String>, message: impl Into<String>) -> CatalogError {
    CatalogError::new("catalog override", "templates", field, message)
}

impl TemplateOverrides {
    /// Applies these overrides to the templates of `cat` (a copy; `overrides::apply` makes it),
    /// or names the bad field.
    pub(crate) fn apply(&self, cat: &mut CatalogData) -> Result<(), CatalogError> {
        let mut listed = Vec::new();
        for (i, id) in self.hide.iter().enumerate() {
            match (id.as_str(), DocId::from_id(id)) {
                ("all", _) => listed.extend(DocId::ALL),
                (_, Some(d)) => listed.push(d),
                (_, None) => {
                    return Err(bad(
                        format!("hide[{i}]"),
                        format!("unknown template `{id}` (use {}, or all)", DocId::ids_or()),
                    ))
                }
            }
        }
        let note = match &self.note {
            None => None,
            Some(texts) => {
                let mut t = Text::new("", "");
                for (code, text) in texts {
                    let lang = Lang::from_code(code).ok_or_else(|| {
                        bad(format!("note.{code}"), format!("unknown language (use {})", Lang::codes_or()))
                    })?;
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if text.chars().count() > MAX_NOTE {
                        return Err(bad(format!("note.{code}"), format!("longer than {MAX_NOTE} characters")));
                    }
                    *t.get_mut(lang) = text;
                }
                if !t.fill_missing() {
                    return Err(bad("note", format!("needs a text in {}", Lang::codes_or())));
                }
                Some(t)
            }
        };
        // Once each, in the templates' order.
        let hidden: Vec<DocId> = DocId::ALL.into_iter().filter(|d| listed.contains(d)).collect();
        cat.templates.hidden = hidden.into();
        if note.is_some() {
            cat.templates.note = note;
        }
        Ok(())
    }
}
