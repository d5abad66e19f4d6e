//! The options of `mount()`, `evaluate()` and `documents()`, the arguments of the `Widget` methods and the
//! custom element's attributes: each is checked here, and a bad one is an `Error` whose
//! message names it. The one place for these checks and their texts: the npm package's
//! JavaScript forwards what it is given and only adds what needs the DOM (the element to mount
//! on, adopting the stylesheet).
use std::collections::BTreeMap;

use engine::documents::{render::Format, Blanks, DocError, TemplateOverrides};
use engine::overrides::{AlternativeOverrides, CtaOverride};
use engine::{answers_from_raw, Answers, Catalog, Lang, Overrides, RawValue};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::location::read_hash;
use super::theme::{self, Theme};
use super::{err, Config};
use crate::app::Cat;

/// The options `mount()` knows, in the order the error message lists them. `styles` is read by
/// the npm package (it adopts the stylesheet), but checked here like the others.
const MOUNT_OPTIONS: [&str; 7] = ["lang", "answers", "catalog", "theme", "onChange", "styles", "shareLink"];
/// The options `evaluate()` knows.
const EVALUATE_OPTIONS: [&str; 1] = ["lang"];
/// The options `documents()` knows.
const DOCUMENTS_OPTIONS: [&str; 3] = ["lang", "blanks", "format"];
/// The fields of the `catalog` option (`engine::overrides`).
const CATALOG_FIELDS: [&str; 4] = ["texts", "alternatives", "call_to_action", "templates"];

/// What a value is, for an error message: "a string", "an array", "null", …
pub(super) fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if value.is_undefined() {
        "undefined".into()
    } else if js_sys::Array::is_array(value) {
        "an array".into()
    } else if value.is_function() {
        "a function".into()
    } else if value.is_object() {
        "an object".into()
    } else {
        let kind = value.js_typeof().as_string().unwrap_or_default();
        format!("a {kind}")
    }
}

/// Not undefined and not null: the option was given.
fn present(value: &JsValue) -> bool {
    !value.is_undefined() && !value.is_null()
}

/// An object, not an array or a function.
pub(super) fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && !js_sys::Array::is_array(value) && !value.is_function()
}

fn get(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// The own keys of an object.
fn keys(object: &JsValue) -> Vec<String> {
    js_sys::Object::keys(object.unchecked_ref::<js_sys::Object>()).iter().filter_map(|k| k.as_string()).collect()
}

/// Fails on the first key not in `known`.
fn known_keys(object: &JsValue, known: &[&str], context: &str) -> Result<(), JsError> {
    match keys(object).into_iter().find(|k| !known.contains(&k.as_str())) {
        Some(k) => Err(err(format!("{context}unknown option `{k}` (known: {})", known.join(", ")))),
        None => Ok(()),
    }
}

/// The language of a code, or the message that says which codes there are.
pub(super) fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| format!("unknown language `{code}` (use {})", Lang::codes_or()))
}

/// `where`: e.g. "option `lang`". The language of a JavaScript value, or an error naming `where`.
pub(super) fn read_lang(value: &JsValue, place: &str) -> Result<Lang, JsError> {
    let codes: Vec<String> = Lang::ALL.iter().map(|l| format!("\"{}\"", l.code())).collect();
    let code = value
        .as_string()
        .ok_or_else(|| err(format!("{place}: must be a string: {} (got {})", codes.join(" or "), describe(value))))?;
    parse_lang(&code).map_err(|e| err(format!("{place}: {e}")))
}

/// `true` or `false`, or an error naming `place`.
fn read_bool(value: &JsValue, place: &str) -> Result<bool, JsError> {
    value.as_bool().ok_or_else(|| err(format!("{place}: must be true or false (got {})", describe(value))))
}

/// Answers as JavaScript gives them (question id to option id(s)), checked against `cat`.
pub(super) fn read_answers(value: &JsValue, cat: &Catalog, place: &str) -> Result<Answers, JsError> {
    if !is_plain_object(value) {
        return Err(err(format!(
            "{place}: must be an object of question id to option id(s) (got {})",
            describe(value)
        )));
    }
    let raw = keys(value).into_iter().map(|k| {
        let v = get(value, &k);
        let raw = if !present(&v) {
            RawValue::Null
        } else if let Some(s) = v.as_string() {
            RawValue::Str(s)
        } else if js_sys::Array::is_array(&v) {
            RawValue::List(
                v.unchecked_ref::<js_sys::Array>().iter().map(|x| x.as_string().ok_or_else(|| describe(&x))).collect(),
            )
        } else {
            RawValue::Other(describe(&v))
        };
        (k, raw)
    });
    answers_from_raw(raw, cat).map_err(|e| err(format!("{place}: {e}")))
}

/// The catalog with an embedder's overrides (`catalog` option).
fn read_catalog(value: &JsValue, place: &str) -> Result<Cat, JsError> {
    if !is_plain_object(value) {
        return Err(err(format!(
            "{place}: must be an object with {} (got {})",
            CATALOG_FIELDS.join(", "),
            describe(value)
        )));
    }
    let overrides = read_overrides(value).map_err(|e| err(format!("{place}: catalog override, {e}")))?;
    let custom = crate::catalog().with_overrides(&overrides).map_err(|e| err(format!("{place}: {e}")))?;
    Ok(Cat::custom(custom))
}

/// An embedder's overrides as JavaScript gives them (`engine::overrides` documents them),
/// read field by field: an error names the field, like the engine's own reader of JSON text.
fn read_overrides(value: &JsValue) -> Result<Overrides, String> {
    let mut o = Overrides::default();
    for key in keys(value) {
        let v = get(value, &key);
        if !present(&v) {
            continue;
        }
        match key.as_str() {
            "texts" => {
                for lang in object_keys(&v, "texts")? {
                    let texts = get(&v, &lang);
                    let mut map = BTreeMap::new();
                    for k in object_keys(&texts, &format!("texts.{lang}"))? {
                        map.insert(k.clone(), string(&get(&texts, &k), &format!("texts.{lang}.{k}"))?);
                    }
                    o.texts.insert(lang, map);
                }
            }
            "alternatives" => {
                let mut alt = AlternativeOverrides::default();
                for k in object_keys(&v, "alternatives")? {
                    let x = get(&v, &k);
                    match k.as_str() {
                        "recommend" if !present(&x) => {}
                        "recommend" => alt.recommend = Some(strings(&x, "alternatives.recommend")?),
                        "hide" if !present(&x) => {}
                        "hide" => alt.hide = strings(&x, "alternatives.hide")?,
                        _ => return Err(unknown_field(&format!("alternatives.{k}"), &["recommend", "hide"])),
                    }
                }
                o.alternatives = Some(alt);
            }
            "call_to_action" => {
                let (mut label, mut url) = (None, None);
                for k in object_keys(&v, "call_to_action")? {
                    let x = get(&v, &k);
                    match k.as_str() {
                        "label" => {
                            let mut map = BTreeMap::new();
                            for lang in object_keys(&x, "call_to_action.label")? {
                                map.insert(
                                    lang.clone(),
                                    string(&get(&x, &lang), &format!("call_to_action.label.{lang}"))?,
                                );
                            }
                            label = Some(map);
                        }
                        "url" => url = Some(string(&x, "call_to_action.url")?),
                        _ => return Err(unknown_field(&format!("call_to_action.{k}"), &["label", "url"])),
                    }
                }
                let label = label.ok_or("field `call_to_action`: missing field `label`")?;
                let url = url.ok_or("field `call_to_action`: missing field `url`")?;
                o.call_to_action = Some(CtaOverride { label, url });
            }
            "templates" => {
                let mut t = TemplateOverrides::default();
                for k in object_keys(&v, "templates")? {
                    let x = get(&v, &k);
                    match k.as_str() {
                        "hide" if !present(&x) => {}
                        "hide" => t.hide = strings(&x, "templates.hide")?,
                        "note" if !present(&x) => {}
                        "note" => {
                            let mut map = BTreeMap::new();
                            for lang in object_keys(&x, "templates.note")? {
                                map.insert(lang.clone(), string(&get(&x, &lang), &format!("templates.note.{lang}"))?);
                            }
                            t.note = Some(map);
                        }
                        _ => return Err(unknown_field(&format!("templates.{k}"), &["hide", "note"])),
                    }
                }
                o.templates = Some(t);
            }
            _ => return Err(unknown_field(&key, &CATALOG_FIELDS)),
        }
    }
    Ok(o)
}

fn unknown_field(field: &str, known: &[&str]) -> String {
    let name = field.rsplit('.').next().unwrap_or(field);
    format!("field `{field}`: unknown field `{name}`, expected one of `{}`", known.join("`, `"))
}

/// The keys of an object at `field`, or an error naming it.
fn object_keys(value: &JsValue, field: &str) -> Result<Vec<String>, String> {
    if is_plain_object(value) {
        Ok(keys(value))
    } else {
        Err(format!("field `{field}`: must be an object (got {})", describe(value)))
    }
}

fn string(value: &JsValue, field: &str) -> Result<String, String> {
    value.as_string().ok_or_else(|| format!("field `{field}`: must be a string (got {})", describe(value)))
}

fn strings(value: &JsValue, field: &str) -> Result<Vec<String>, String> {
    if !js_sys::Array::is_array(value) {
        return Err(format!("field `{field}`: must be a list of ids (got {})", describe(value)));
    }
    value
        .unchecked_ref::<js_sys::Array>()
        .iter()
        .enumerate()
        .map(|(i, x)| string(&x, &format!("{field}[{i}]")))
        .collect()
}

/// The options of `mount()`, all checked before anything renders.
pub(super) fn read_options(options: &JsValue) -> Result<(Config, Theme), JsError> {
    let mut config = Config::default();
    if !present(options) {
        return Ok((config, Theme::default()));
    }
    if !is_plain_object(options) {
        return Err(err(format!("mount: options must be an object (got {})", describe(options))));
    }
    known_keys(options, &MOUNT_OPTIONS, "")?;

    let catalog = get(options, "catalog");
    if present(&catalog) {
        config.catalog = read_catalog(&catalog, "option `catalog`")?;
    }
    let lang = get(options, "lang");
    if present(&lang) {
        config.lang = read_lang(&lang, "option `lang`")?;
    }
    let answers = get(options, "answers");
    if present(&answers) {
        config.answers = read_answers(&answers, &config.catalog, "option `answers`")?;
    }
    let theme = theme::read(&get(options, "theme"), "option `theme`")?;
    let on_change = get(options, "onChange");
    if present(&on_change) {
        let f = on_change
            .dyn_into::<js_sys::Function>()
            .map_err(|v| err(format!("option `onChange`: must be a function (got {})", describe(&v))))?;
        config.on_change = Some(f);
    }
    let styles = get(options, "styles");
    if present(&styles) {
        read_bool(&styles, "option `styles`")?;
    }
    let share = get(options, "shareLink");
    if present(&share) {
        config.share_link = read_bool(&share, "option `shareLink`")?;
        if config.share_link {
            let (answers, notice) = read_hash(&config.catalog);
            if !answers.is_empty() || notice.is_some() {
                config.answers = answers;
                config.notice = notice;
            }
        }
    }
    Ok((config, theme))
}

/// The options of `evaluate()`: its language.
pub(super) fn read_evaluate_options(options: &JsValue) -> Result<Lang, JsError> {
    if !present(options) {
        return Ok(Lang::default());
    }
    if !is_plain_object(options) {
        return Err(err(format!(
            "evaluate: options must be an object like {{ lang: \"en\" }} (got {})",
            describe(options)
        )));
    }
    known_keys(options, &EVALUATE_OPTIONS, "evaluate: ")?;
    let lang = get(options, "lang");
    if present(&lang) {
        read_lang(&lang, "evaluate: option `lang`")
    } else {
        Ok(Lang::default())
    }
}

/// The answers `evaluate()` or `documents()` (`call`) is given (none: no answers yet).
pub(super) fn read_call_answers(answers: &JsValue, cat: &Catalog, call: &str) -> Result<Answers, JsError> {
    if !present(answers) {
        return Ok(Answers::new());
    }
    if !is_plain_object(answers) {
        return Err(err(format!(
            "{call}: `answers` must be an object of question id to option id(s) (got {})",
            describe(answers)
        )));
    }
    read_answers(answers, cat, &format!("{call}: `answers`"))
}

/// What `documents()` is asked for: the language, the blanks and the format (`None`: the
/// structured documents, JSON).
pub(super) struct DocumentsOptions {
    pub lang: Lang,
    pub blanks: Blanks,
    pub format: Option<Format>,
}

/// The options of `documents()`, checked against the templates of `cat` (the blanks).
pub(super) fn read_documents_options(options: &JsValue, cat: &Catalog) -> Result<DocumentsOptions, JsError> {
    let mut out = DocumentsOptions { lang: Lang::default(), blanks: Blanks::default(), format: None };
    if !present(options) {
        return Ok(out);
    }
    if !is_plain_object(options) {
        return Err(err(format!(
            "documents: options must be an object like {{ lang: \"en\", blanks: {{ company: \"…\" }} }} (got {})",
            describe(options)
        )));
    }
    known_keys(options, &DOCUMENTS_OPTIONS, "documents: ")?;
    let lang = get(options, "lang");
    if present(&lang) {
        out.lang = read_lang(&lang, "documents: option `lang`")?;
    }
    let blanks = get(options, "blanks");
    if present(&blanks) {
        let place =
            "documents: option `blanks`: must be an object of blank id to text, e.g. { company: \"Müller GmbH\" }";
        if !is_plain_object(&blanks) {
            return Err(err(format!("{place} (got {})", describe(&blanks))));
        }
        let templates = cat.templates();
        for id in keys(&blanks) {
            if templates.blank(&id).is_none() {
                let known = templates.blanks.iter().map(|(k, _)| k.to_string()).collect();
                return Err(err(format!("documents: option `blanks`: {}", DocError::UnknownBlank { id, known })));
            }
            let v = get(&blanks, &id);
            if !present(&v) {
                continue;
            }
            let text = v.as_string().ok_or_else(|| err(format!("{place} (`{id}` is {})", describe(&v))))?;
            out.blanks.0.insert(id, text);
        }
    }
    let format = get(options, "format");
    if present(&format) {
        let id = format.as_string().ok_or_else(|| {
            err(format!(
                "documents: option `format`: must be a string: \"json\", \"markdown\" or \"html\" (got {})",
                describe(&format)
            ))
        })?;
        out.format = match id.as_str() {
            "json" => None,
            "markdown" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            _ => {
                return Err(err(format!(
                    "documents: option `format`: unknown format `{id}` (use json, markdown or html)"
                )))
            }
        };
    }
    Ok(out)
}

/// The attributes of `<messenger-check>`: `lang` and `theme` (a scheme). Returns the value to
/// use, or an error naming the attribute.
pub(super) fn check_attribute(name: &str, value: &JsValue) -> Result<(), JsError> {
    match name {
        "lang" => read_lang(value, "attribute `lang`").map(|_| ()),
        "theme" => theme::read_scheme(value, "attribute `theme`").map(|_| ()),
        _ => Err(err(format!("unknown attribute `{name}` (known: lang, theme)"))),
    }
}
