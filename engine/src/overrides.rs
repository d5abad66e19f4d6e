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
use crate::limits::{excerpt, one_line, MAX_ENTRIES, MAX_LIST, MAX_TEXT};
use crate::text::{Lang, Text};

/// The longest label of the call to action, in characters (a button, not a paragraph).
pub const MAX_LABEL: usize = 120;
/// The longest address of the call to action.
pub const MAX_URL: usize = 2_000;

/// An embedder's changes to the catalog. A bad override throws an Error naming the field;
/// nothing is half-applied.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS), ts(rename = "CatalogOverrides"))]
pub struct Overrides {
    /// Language to text key to text. Keys: `ui.<key>`, `disclaimer`, `formula`,
    /// `section.<id>`, `question.<id>.title|why`, `option.<question>.<option>.label|hint`,
    /// `rule.<id>.title|text`, `measure.<id>.title|text`, `messenger.<id>.summary|operator|cost`,
    /// `band.<id>.label|advice`; every one of them in docs/text-keys.md.
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional = nullable, type = "Partial<Record<Lang, Partial<Record<TextKey, string>>>>"))]
    pub texts: BTreeMap<String, BTreeMap<String, String>>,
    /// Which alternatives are recommended.
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub alternatives: Option<AlternativeOverrides>,
    /// A link such as "Beratung anfragen" to the embedder's contact page.
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub call_to_action: Option<CtaOverride>,
    /// The templates (`documents()`, the widget's section): switch some or `"all"` off, or add
    /// a note under each template's title.
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub templates: Option<crate::documents::TemplateOverrides>,
}

/// Which alternatives are recommended.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct AlternativeOverrides {
    /// Exactly these are recommended (in the catalog's order of fit).
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional, type = "MessengerId[]"))]
    pub recommend: Option<Vec<String>>,
    /// These are never recommended.
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional = nullable, type = "MessengerId[]"))]
    pub hide: Vec<String>,
}

/// A call to action: a link to the embedder's contact page.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct CtaOverride {
    /// The link's text; one language is enough, it stands in for the other.
    #[cfg_attr(feature = "cli", ts(type = "LangTexts"))]
    pub label: BTreeMap<String, String>,
    /// https://, http://, mailto: or a path starting with /
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
            // serde's message repeats unknown keys at any length: cut it.
            let message = one_line(&inner.to_string(), 200);
            bad("", if path == "." { String::new() } else { excerpt(&path) }, message).caused_by(inner)
        })
    }
}

impl Catalog {
    /// A copy of this catalog with an embedder's overrides applied (their own texts, which
    /// alternatives to recommend, a call to action), or an error naming the bad field.
    pub fn with_overrides(&self, overrides: &Overrides) -> Result<Catalog, CatalogError> {
        apply(self, overrides)
    }
}

/// A copy of `catalog` with the overrides applied, or an error naming the bad field; nothing is
/// half-applied. (`Catalog::with_overrides` calls this.)
pub(crate) fn apply(catalog: &Catalog, o: &Overrides) -> Result<Catalog, CatalogError> {
    apply_checked(catalog, o).map_err(tidy)
}

/// An error about an embedder's input, whichever check raised it (here or in the templates'
/// overrides), as short as any other: entry and field cut, the message on one line.
fn tidy(mut e: CatalogError) -> CatalogError {
    e.entry = one_line(&e.entry, 80);
    e.field = one_line(&e.field, 80);
    e.message = one_line(&e.message, 240);
    e
}

fn apply_checked(catalog: &Catalog, o: &Overrides) -> Result<Catalog, CatalogError> {
    let mut copy = catalog.clone();
    {
        let cat = copy.data_mut();
        for (code, texts) in &o.texts {
            let lang = Lang::from_code(code)
                .ok_or_else(|| bad("texts", excerpt(code), format!("unknown language (use {})", Lang::codes_or())))?;
            if texts.len() > MAX_ENTRIES {
                return Err(bad("texts", code.clone(), format!("at most {MAX_ENTRIES} texts (got {})", texts.len())));
            }
            for (key, value) in texts {
                if value.trim().is_empty() {
                    return Err(bad(format!("texts.{code}"), excerpt(key), "text is empty"));
                }
                if value.chars().count() > MAX_TEXT {
                    return Err(bad(format!("texts.{code}"), excerpt(key), format!("at most {MAX_TEXT} characters")));
                }
                let slot = text_slot(cat, key)
                    .ok_or_else(|| bad(format!("texts.{code}"), excerpt(key), "unknown text key"))?;
                *slot.get_mut(lang) = value.clone();
            }
        }
        if let Some(alt) = &o.alternatives {
            let ids: Vec<String> = cat.messengers.iter().map(|m| m.id.to_string()).collect();
            let known = |id: &String| ids.contains(id);
            for (field, list) in
                [("recommend", alt.recommend.as_deref().unwrap_or_default()), ("hide", alt.hide.as_slice())]
            {
                if list.len() > MAX_LIST {
                    return Err(bad("alternatives", field, format!("at most {MAX_LIST} ids (got {})", list.len())));
                }
            }
            if let Some(list) = &alt.recommend {
                if let Some((i, id)) = list.iter().enumerate().find(|(_, id)| !known(id)) {
                    let id = excerpt(id);
                    return Err(bad("alternatives", format!("recommend[{i}]"), format!("unknown messenger `{id}`")));
                }
                for m in cat.messengers.to_mut().iter_mut() {
                    m.recommend = list.iter().any(|id| *id == m.id.as_ref());
                }
            }
            if let Some((i, id)) = alt.hide.iter().enumerate().find(|(_, id)| !known(id)) {
                let id = excerpt(id);
                return Err(bad("alternatives", format!("hide[{i}]"), format!("unknown messenger `{id}`")));
            }
            for m in cat.messengers.to_mut().iter_mut().filter(|m| alt.hide.iter().any(|id| *id == m.id.as_ref())) {
                m.recommend = false;
            }
        }
        if let Some(cta) = &o.call_to_action {
            let url = cta_url(&cta.url)?;
            let mut label = Text::new("", "");
            for (code, text) in &cta.label {
                let lang = Lang::parse(code).filter(|_| code.len() == 2).ok_or_else(|| {
                    bad(
                        "call_to_action",
                        format!("label.{}", excerpt(code)),
                        format!("unknown language (use {})", Lang::codes_or()),
                    )
                })?;
                if text.chars().count() > MAX_LABEL {
                    return Err(bad(
                        "call_to_action",
                        format!("label.{code}"),
                        format!("at most {MAX_LABEL} characters"),
                    ));
                }
                *label.get_mut(lang) = text.trim().to_string();
            }
            // One language is enough: it stands in for the others.
            if !label.fill_missing() {
                return Err(bad("call_to_action", "label", format!("needs a text in {}", Lang::codes_or())));
            }
            cat.call_to_action = Some(CallToAction { label, url: url.to_string().into() });
        }
        if let Some(t) = &o.templates {
            t.apply(cat)?;
        }
    }
    Ok(copy)
}

/// The call to action's address, checked: `https://…`, `http://…`, `mailto:…`, or a path on the
/// widget's own site (`/kontakt`). Browsers read `//other.example` and `/\other.example` as
/// another site, and drop tabs and line breaks inside an address (so `/\t/other.example` is
/// `//other.example`): a path must not start with two slashes or a backslash, and no address
/// may hold a control character, a space or a backslash.
pub fn cta_url(url: &str) -> Result<String, CatalogError> {
    let url = url.trim();
    let field = |message: String| bad("call_to_action", "url", message);
    if url.chars().count() > MAX_URL {
        return Err(field(format!("at most {MAX_URL} characters")));
    }
    if let Some(c) = url.chars().find(|c| c.is_control() || c.is_whitespace() || *c == '\\') {
        let what =
            if c == '\\' { "a backslash".to_string() } else { format!("the character {}", excerpt(&c.to_string())) };
        return Err(field(format!("`{}` holds {what}, which browsers read unpredictably", excerpt(url))));
    }
    let lower = url.to_ascii_lowercase();
    let scheme_ok = ["https://", "http://"].iter().any(|p| lower.starts_with(p) && url.len() > p.len())
        || (lower.starts_with("mailto:") && url.len() > "mailto:".len());
    let path_ok = url.starts_with('/') && !url.starts_with("//");
    if !(scheme_ok || path_ok) {
        return Err(field(format!(
            "`{}` must start with https://, http://, mailto: or a single / (a path on this site)",
            excerpt(url)
        )));
    }
    Ok(url.to_string())
}

/// Every text an embedder can override (`texts.<lang>.<key>`), by key, with the catalog's own
/// text: the list `docs/text-keys.md` and the `TextKey` type of the npm package are generated
/// from (`assess --schema text-keys`). `text_slot` below resolves exactly these keys; the engine's
/// tests check the two agree (`engine/tests/text_keys.rs`).
pub fn text_keys(catalog: &Catalog) -> Vec<(String, &Text)> {
    let mut out: Vec<(String, &Text)> =
        vec![("disclaimer".into(), catalog.disclaimer()), ("formula".into(), catalog.formula())];
    out.extend(catalog.ui_keys().filter_map(|k| catalog.ui_text(k).map(|t| (format!("ui.{k}"), t))));
    out.extend(catalog.sections().iter().map(|s| (format!("section.{}", s.id), &s.title)));
    for q in catalog.questions() {
        out.push((format!("question.{}.title", q.id), &q.title));
        out.push((format!("question.{}.why", q.id), &q.why));
        for o in q.options.iter() {
            out.push((format!("option.{}.{}.label", q.id, o.id), &o.label));
            if let Some(hint) = &o.hint {
                out.push((format!("option.{}.{}.hint", q.id, o.id), hint));
            }
        }
    }
    for r in catalog.rules() {
        out.push((format!("rule.{}.title", r.id), &r.title));
        out.push((format!("rule.{}.text", r.id), &r.text));
    }
    for m in catalog.measures() {
        out.push((format!("measure.{}.title", m.id), &m.title));
        out.push((format!("measure.{}.text", m.id), &m.text));
    }
    for m in catalog.messengers() {
        for (field, text) in [("summary", &m.summary), ("operator", &m.operator), ("cost", &m.cost)] {
            out.push((format!("messenger.{}.{field}", m.id), text));
        }
    }
    for b in catalog.bands() {
        out.push((format!("band.{}.label", b.id), &b.label));
        out.push((format!("band.{}.advice", b.id), &b.advice));
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_call_to_action_goes_to_this_site_or_a_named_one() {
        for ok in [
            "https://example.org/kontakt",
            "HTTPS://example.org",
            "http://x.de",
            "mailto:info@example.org",
            "/kontakt",
            "/",
            "/a/b?c=d#e",
        ] {
            assert!(cta_url(ok).is_ok(), "{ok}");
        }
        // Another site in disguise: browsers read these as //other.example.
        for bad in [
            "//other.example/p",
            "/\\other.example",
            "\\\\other.example",
            "/\t/other.example",
            "/\n/other.example",
            "/ /other.example",
            "javascript:alert(1)",
            "data:text/html,x",
            "https://",
            "mailto:",
            "other.example",
            "",
        ] {
            assert!(cta_url(bad).is_err(), "{bad:?} was accepted");
        }
        let e = cta_url(&format!("//{}", "x".repeat(100_000))).unwrap_err().to_string();
        assert!(e.len() < 300, "a short message: {e}");
        let e = cta_url("\u{1b}[31m//evil").unwrap_err().to_string();
        assert!(!e.contains('\u{1b}'), "{e}");
    }
}
