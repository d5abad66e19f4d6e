//! The placeholders of the assessment's texts: `{key}` for a value of the visitor's sector
//! profile (`sectors.json`) or `{messenger}` for the chosen messenger's name, and
//! `sector:key` in a source list for that value's sources. Every name must be known, so a text
//! never shows a raw brace.
use super::{err, PROFILE_SOURCES};
use crate::catalog::{BandDef, CatalogError, Meta, Profile};
use crate::text::{Lang, Text};

/// The names a text of the assessment may use.
pub(crate) struct Keys(Vec<String>);

/// The value names beside the profile's keys.
pub(crate) const VALUES: [&str; 1] = ["messenger"];

impl Keys {
    pub fn of(profiles: &[Profile]) -> Keys {
        let mut keys: Vec<String> =
            profiles.first().map(|p| p.values.iter().map(|(k, _)| k.to_string()).collect()).unwrap_or_default();
        keys.extend(VALUES.iter().map(|s| s.to_string()));
        Keys(keys)
    }

    /// Whether a name is a profile key (not `messenger`).
    pub fn is_profile_key(&self, name: &str) -> bool {
        self.0.iter().any(|k| k == name) && !VALUES.contains(&name)
    }

    /// Whether `{name}` may stand in a text.
    pub fn knows(&self, name: &str) -> bool {
        self.0.iter().any(|k| k == name)
    }

    /// Every `{placeholder}` of both languages is known; braces are for placeholders only.
    pub fn check(&self, file: &str, entry: &str, field: &str, t: &Text) -> Result<(), CatalogError> {
        for lang in Lang::ALL {
            let f = if field.is_empty() { lang.code().to_string() } else { format!("{field}.{lang}") };
            for name in names(t.get(lang)).map_err(|m| err(file, entry, &f, m))? {
                if !self.knows(name) {
                    return Err(err(
                        file,
                        entry,
                        &f,
                        format!("unknown placeholder `{{{name}}}` (a key of sectors.json, or `{{messenger}}`)"),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Every `sector:key` of a source list names a profile key.
    pub fn check_sources(&self, file: &str, entry: &str, field: &str, ids: &[String]) -> Result<(), CatalogError> {
        for (i, id) in ids.iter().enumerate() {
            if let Some(k) = id.strip_prefix(PROFILE_SOURCES) {
                if !self.is_profile_key(k) {
                    return Err(err(file, entry, format!("{field}[{i}]"), format!("unknown profile key `{k}`")));
                }
            }
        }
        Ok(())
    }

    /// The band advice and the disclaimer may use profile values too.
    pub fn check_meta(&self, meta: &Meta) -> Result<(), CatalogError> {
        for BandDef { id, label, advice, .. } in meta.bands.iter() {
            let entry = format!("band `{id}`");
            self.check("meta.json", &entry, "label", label)?;
            self.check("meta.json", &entry, "advice", advice)?;
        }
        self.check("meta.json", "", "disclaimer", &meta.disclaimer)?;
        self.check("meta.json", "", "formula", &meta.formula)
    }
}

/// The placeholder names of a text, in order; an error for a stray brace.
pub(crate) fn names(s: &str) -> Result<Vec<&str>, String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err("a `}` without `{`".into());
        }
        let close = rest[open..].find('}').ok_or("a `{` without `}`")? + open;
        out.push(&rest[open + 1..close]);
        rest = &rest[close + 1..];
    }
    Ok(out)
}
