//! `ui.json`: every interface text in both languages, sorted by key for lookups. Which keys the
//! front-ends use is checked by a test that reads the code (`engine/tests/ui_keys.rs`), and the
//! property labels here.
use std::collections::BTreeMap;

use super::{check_text, err};
use crate::catalog::{CatalogError, List, Str, PROPERTIES};
use crate::text::Text;

pub(crate) fn check(ui: BTreeMap<String, Text>) -> Result<List<(Str, Text)>, CatalogError> {
    for (k, t) in &ui {
        check_text("ui.json", &format!("text `{k}`"), "", t)?;
    }
    for p in PROPERTIES {
        let key = format!("prop.{p}");
        if !ui.contains_key(&key) {
            return Err(err("ui.json", format!("text `{key}`"), "", "is missing"));
        }
    }
    // A BTreeMap iterates sorted by key, as the lookup's binary search needs.
    Ok(ui.into_iter().map(|(k, t)| (Str::from(k), t)).collect::<Vec<_>>().into())
}
