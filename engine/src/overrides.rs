//! Embedder overrides: their own wording, their own list of recommended tools, and a call to
//! action, without forking. Given as JSON (the npm package's `catalog` option):
//!
//! ```json
//! { "texts": { "de": { "ui.title": "Unser Messenger-Check", "messenger.threema_work.cost": "…" } },
//!   "alternatives": { "recommend": ["threema_work", "wire"], "hide": ["signal"] },
//!   "call_to_action": { "label": { "de": "Beratung anfragen", "en": "Ask for advice" },
//!                       "url": "https://example.org/kontakt" },
//!   "templates": { "hide": ["consent"], "note": { "de": "Fragen? Wir prüfen Ihre Vorlagen." } } }
//! ```
//! Text keys: `ui.<key>`, `disclaimer`, `formula`, `section.<id>`, `question.<id>.title|why`,
//! `option.<question>.<option>.label|hint`, `rule.<id>.title|text`, `measure.<id>.title|text`,
//! `messenger.<id>.summary|operator|cost`, `band.<id>.label|advice`.
//! A bad override is an error naming the field; nothing is half-applied.
use std::collections::BTreeMap;

use serde::Deserialize;

use crate::catalog::{CallToAction, Catalog, CatalogData, CatalogError};
use crate::text::{Lang, Text};

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overrides {
    /// Language code to text key to text.
    #[serde(default)]
    pub texts: BTreeMap<String, BTreeMap<String, String>>,
    #[serde(default)]
    pub alternatives: Option<AlternativeOverrides>,
    #[serde(default)]
    pub call_to_action: Option<CtaOverride>,
    /// Templates to switch off and a note for them (`documents::TemplateOverrides`).
    #[serde(default)]
    pub templates: Option<crate::documents::TemplateOverrides>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlternativeOverrides {
    /// Exactly these are recommended (in the catalog's order of fit), if given.
    #[serde(default)]
    pub recommend: Option<Vec<String>>,
    /// These are never shown.
    #[serde(default)]
    pub hide: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CtaOverride {
    pub label: BTreeMap<String, String>,
    pub url: String,
}

const WHERE: &str = "catalog override";

fn bad(entry: impl Into<String>, field: impl Into<String>, message: impl Into<String>) -> CatalogError {
    CatalogError::new(WHERE, entry, field, message)
}

impl Overrides {
    /// Reads overrides from JSON text; errors name the field and keep serde_json's error as
    /// their cause.
    #[cfg(feature = "load")]
    pub fn from_json(json: &str) -> Result<Overrides, CatalogError> {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            bad("", if path == "." { String::new() } else { path }, inner.to_string()).caused_by(inner)
        })
    }
}

/// A copy of `catalog` with the overrides applied, or an error naming the bad field; nothing is
/// half-applied. (`Catalog::with_overrides` calls this.)
pub(crate) fn apply(catalog: &Catalog, o: &Overrides) -> Result<Catalog, CatalogError> {
    let mut copy = catalog.clone();
    {
        let cat = copy.data_mut();
        for (code, texts) in &o.texts {
            let lang = Lang::from_code(code)
                .ok_or_else(|| bad("texts", code.clone(), format!("unknown language (use {})", Lang::codes_or())))?;
            for (key, value) in texts {
                if value.trim().is_empty() {
                    return Err(bad(format!("texts.{code}"), key.clone(), "text is empty"));
                }
                let slot =
                    text_slot(cat, key).ok_or_else(|| bad(format!("texts.{code}"), key.clone(), "unknown text key"))?;
                *slot.get_mut(lang) = value.clone();
            }
        }
        if let Some(alt) = &o.alternatives {
            let ids: Vec<String> = cat.messengers.iter().map(|m| m.id.to_string()).collect();
            let known = |id: &String| ids.contains(id);
            if let Some(list) = &alt.recommend {
                if let Some((i, id)) = list.iter().enumerate().find(|(_, id)| !known(id)) {
                    return Err(bad("alternatives", format!("recommend[{i}]"), format!("unknown messenger `{id}`")));
                }
                for m in cat.messengers.to_mut().iter_mut() {
                    m.recommend = list.iter().any(|id| *id == m.id.as_ref());
                }
            }
            if let Some((i, id)) = alt.hide.iter().enumerate().find(|(_, id)| !known(id)) {
                return Err(bad("alternatives", format!("hide[{i}]"), format!("unknown messenger `{id}`")));
            }
            for m in cat.messengers.to_mut().iter_mut().filter(|m| alt.hide.iter().any(|id| *id == m.id.as_ref())) {
                m.recommend = false;
            }
        }
        if let Some(cta) = &o.call_to_action {
            let url = cta.url.trim();
            if !(url.starts_with("https://")
                || url.starts_with("http://")
                || url.starts_with("mailto:")
                || url.starts_with('/'))
            {
                return Err(bad("call_to_action", "url", "must start with https://, http://, mailto: or /"));
            }
            let mut label = Text::new("", "");
            for (code, text) in &cta.label {
                let lang = Lang::parse(code)
                    .filter(|_| code.len() == 2)
                    .ok_or_else(|| bad("call_to_action", format!("label.{code}"), "unknown language (use de or en)"))?;
                *label.get_mut(lang) = text.trim().to_string();
            }
            // One language is enough: it stands in for the other.
            match (label.de.is_empty(), label.en.is_empty()) {
                (true, true) => return Err(bad("call_to_action", "label", "needs a text in de or en")),
                (true, false) => label.de = label.en.clone(),
                (false, true) => label.en = label.de.clone(),
                _ => {}
            }
            cat.call_to_action = Some(CallToAction { label, url: url.to_string().into() });
        }
        if let Some(t) = &o.templates {
            t.apply(cat)?;
        }
    }
    Ok(copy)
}

/// The text a key names, for overriding (the list it sits in becomes a copy of its own).
fn text_slot<'a>(cat: &'a mut CatalogData, key: &str) -> Option<&'a mut Text> {
    let parts: Vec<&str> = key.split('.').collect();
    match parts.as_slice() {
        ["disclaimer"] => Some(&mut cat.meta.disclaimer),
        ["formula"] => Some(&mut cat.meta.formula),
        ["ui", rest @ ..] => {
            let key = rest.join(".");
            cat.ui.to_mut().iter_mut().find(|(k, _)| *k == key.as_str()).map(|(_, t)| t)
        }
        ["section", id] => cat.sections.to_mut().iter_mut().find(|s| s.id == *id).map(|s| &mut s.title),
        ["question", id, field] => {
            let q = cat.questions.to_mut().iter_mut().find(|q| q.id == *id)?;
            match *field {
                "title" => Some(&mut q.title),
                "why" => Some(&mut q.why),
                _ => None,
            }
        }
        ["option", qid, oid, field] => {
            let o = cat
                .questions
                .to_mut()
                .iter_mut()
                .find(|q| q.id == *qid)?
                .options
                .to_mut()
                .iter_mut()
                .find(|o| o.id == *oid)?;
            match *field {
                "label" => Some(&mut o.label),
                "hint" => o.hint.as_mut(),
                _ => None,
            }
        }
        ["rule", id, field] => {
            let r = cat.rules.to_mut().iter_mut().find(|r| r.id == *id)?;
            match *field {
                "title" => Some(&mut r.title),
                "text" => Some(&mut r.text),
                _ => None,
            }
        }
        ["measure", id, field] => {
            let m = cat.measures.to_mut().iter_mut().find(|m| m.id == *id)?;
            match *field {
                "title" => Some(&mut m.title),
                "text" => Some(&mut m.text),
                _ => None,
            }
        }
        ["messenger", id, field] => {
            let m = cat.messengers.to_mut().iter_mut().find(|m| m.id == *id)?;
            match *field {
                "summary" => Some(&mut m.summary),
                "operator" => Some(&mut m.operator),
                "cost" => Some(&mut m.cost),
                _ => None,
            }
        }
        ["band", id, field] => {
            let b = cat.meta.bands.to_mut().iter_mut().find(|b| b.id == *id)?;
            match *field {
                "label" => Some(&mut b.label),
                "advice" => Some(&mut b.advice),
                _ => None,
            }
        }
        _ => None,
    }
}
