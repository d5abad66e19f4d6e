//! The options of `mount()`, `evaluate()` and `documents()`, the arguments of the `Widget` methods and the
//! custom element's attributes: each is checked here, and a bad one is an `Error` whose
//! message names it. The one place for these checks and their texts: the npm package's
//! JavaScript forwards what it is given and only adds what needs the DOM (the element to mount
//! on, adopting the stylesheet).
use std::collections::BTreeMap;

use engine::documents::{render::Format, Blanks, DocError, TemplateOverrides};
use engine::limits::{excerpt, MAX_ENTRIES, MAX_ID, MAX_LIST, MAX_TEXT};
use engine::overrides::{AlternativeOverrides, CtaOverride, MAX_LABEL, MAX_URL};
use engine::{answers_from_raw, AnswerError, Answers, Catalog, Lang, Overrides, RawValue};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::location::read_hash;
use super::theme::{self, Theme};
use super::{err, Config};
use crate::env::Cat;

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
    } else if is_array(value) {
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

// ---------------------------------------------------------------------------------------
// Reading JavaScript values, bounded: every length is checked before anything is read (an
// array of length 2^31, a sparse one of 10^8, a string of a hundred million characters cost
// nothing), and whatever JavaScript can throw while it is read (a getter, a Proxy, a revoked
// Proxy) is an error naming the field, never an exception through the wasm.

#[wasm_bindgen]
extern "C" {
    /// `Object.keys(value)`, which a Proxy's `ownKeys` may make throw.
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    pub(super) fn own_keys(value: &JsValue) -> Result<js_sys::Array, JsValue>;
    /// `Array.isArray(value)`, which throws for a revoked Proxy.
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array_checked(value: &JsValue) -> Result<bool, JsValue>;
}

fn is_array(value: &JsValue) -> bool {
    is_array_checked(value).unwrap_or(false)
}

/// An object, not an array or a function.
pub(super) fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && !is_array(value) && !value.is_function()
}

/// A property; one that cannot be read (a throwing getter) counts as not given.
fn get(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// A string of at most `max` UTF-16 units, copied only then: `Err(length)` for a longer one,
/// `None` for a value that is not a string.
fn bounded_string(value: &JsValue, max: usize) -> Option<Result<String, usize>> {
    let s = value.dyn_ref::<js_sys::JsString>()?;
    let len = s.length() as usize;
    Some(if len > max { Err(len) } else { Ok(String::from(s)) })
}

/// The start of a string, for an error message (a long one is never copied whole).
fn head(value: &JsValue) -> String {
    value.dyn_ref::<js_sys::JsString>().map(|s| String::from(s.substring(0, 48))).unwrap_or_default()
}

/// A list's length, read before any item (a Proxy may make it throw or lie).
fn raw_len(value: &JsValue) -> Result<f64, String> {
    let len = js_sys::Reflect::get(value, &JsValue::from_str("length")).map_err(|_| "its length cannot be read")?;
    Ok(len.as_f64().filter(|n| *n >= 0.0 && n.fract() == 0.0).ok_or("its length is not a count")?)
}

/// A list's length, read before any item: at most `max`, else the message says how long it was.
fn list_len(value: &JsValue, max: usize, what: &str) -> Result<usize, String> {
    let n = raw_len(value)?;
    if n > max as f64 {
        // As an integer: no float formatting code in the wasm for a message.
        return Err(format!("at most {max} {what} (got a list of {})", n as u64));
    }
    Ok(n as usize)
}

/// The own keys of an object, at most `max` (the message says how many there were), each a
/// string of at most `key_len` characters.
fn bounded_keys(object: &JsValue, max: usize, key_len: usize) -> Result<Vec<String>, String> {
    let keys = own_keys(object).map_err(|_| "its keys cannot be read".to_string())?;
    let n = keys.length() as usize;
    if n > max {
        return Err(format!("at most {max} entries (got {n})"));
    }
    let mut out = Vec::with_capacity(n);
    for k in keys.iter() {
        match bounded_string(&k, key_len) {
            Some(Ok(k)) => out.push(k),
            _ => return Err(format!("unknown key `{}`", excerpt(&head(&k)))),
        }
    }
    Ok(out)
}

/// The own keys of an object (of a known, small set: at most `known + 1` are read, so one
/// that is not known is found without reading them all).
fn keys(object: &JsValue) -> Vec<String> {
    let Ok(keys) = own_keys(object) else { return Vec::new() };
    keys.iter()
        .take(64)
        .map(|k| bounded_string(&k, MAX_ID).and_then(Result::ok).unwrap_or_else(|| excerpt(&head(&k))))
        .collect()
}

/// Fails on the first key not in `known`.
fn known_keys(object: &JsValue, known: &[&str], context: &str) -> Result<(), JsError> {
    match keys(object).into_iter().find(|k| !known.contains(&k.as_str())) {
        Some(k) => Err(err(format!("{context}unknown option `{}` (known: {})", excerpt(&k), known.join(", ")))),
        None => Ok(()),
    }
}

/// The language of a code, or the message that says which codes there are.
pub(super) fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| format!("unknown language `{}` (use {})", excerpt(code), Lang::codes_or()))
}

/// `where`: e.g. "option `lang`". The language of a JavaScript value, or an error naming `where`.
pub(super) fn read_lang(value: &JsValue, place: &str) -> Result<Lang, JsError> {
    let codes: Vec<String> = Lang::ALL.iter().map(|l| format!("\"{}\"", l.code())).collect();
    let code = match bounded_string(value, MAX_ID) {
        Some(Ok(code)) => code,
        Some(Err(_)) => excerpt(&head(value)),
        None => {
            return Err(err(format!("{place}: must be a string: {} (got {})", codes.join(" or "), describe(value))))
        }
    };
    parse_lang(&code).map_err(|e| err(format!("{place}: {e}")))
}

/// `true` or `false`, or an error naming `place`.
fn read_bool(value: &JsValue, place: &str) -> Result<bool, JsError> {
    value.as_bool().ok_or_else(|| err(format!("{place}: must be true or false (got {})", describe(value))))
}

/// Answers as JavaScript gives them (question id to option id(s)), checked against `cat`.
/// Bounded: at most one key more than the catalog has questions is read (one of them must be
/// unknown), ids are read only up to `MAX_ID` characters and lists up to `MAX_LIST` items, each
/// checked by its length first.
pub(super) fn read_answers(value: &JsValue, cat: &Catalog, place: &str) -> Result<Answers, JsError> {
    if !is_plain_object(value) {
        return Err(err(format!(
            "{place}: must be an object of question id to option id(s) (got {})",
            describe(value)
        )));
    }
    let keys = own_keys(value).map_err(|_| err(format!("{place}: its keys cannot be read")))?;
    let mut raw = Vec::new();
    for key in keys.iter().take(cat.questions().len() + 1) {
        let id = match bounded_string(&key, MAX_ID) {
            Some(Ok(id)) if cat.question(&id).is_some() => id,
            Some(Ok(id)) => return Err(err(format!("{place}: {}", AnswerError::UnknownQuestion(id)))),
            _ => return Err(err(format!("{place}: {}", AnswerError::UnknownQuestion(head(&key))))),
        };
        let v = js_sys::Reflect::get(value, &key)
            .map_err(|_| err(format!("{place}: question `{id}`: its value cannot be read")))?;
        let raw_value = read_value(&v, &id).map_err(|e| err(format!("{place}: {e}")))?;
        raw.push((id, raw_value));
    }
    answers_from_raw(raw, cat).map_err(|e| err(format!("{place}: {e}")))
}

/// One answer's value, bounded (see `read_answers`).
fn read_value(v: &JsValue, question: &str) -> Result<RawValue, String> {
    let too_long = |v: &JsValue, len: usize| {
        format!(
            "unknown option `{}` for question `{question}` (an id of {len} characters; ids have at most {MAX_ID})",
            excerpt(&head(v))
        )
    };
    if !present(v) {
        return Ok(RawValue::Null);
    }
    if let Some(s) = bounded_string(v, MAX_ID) {
        return s.map(RawValue::Str).map_err(|len| too_long(v, len));
    }
    if !is_array(v) {
        return Ok(RawValue::Other(describe(v)));
    }
    let n = raw_len(v).map_err(|e| format!("question `{question}`: {e}"))?;
    if n > MAX_LIST as f64 {
        return Ok(RawValue::TooLong(n as usize));
    }
    let len = n as usize;
    let mut items = Vec::with_capacity(len);
    for i in 0..len as u32 {
        let item = js_sys::Reflect::get_u32(v, i)
            .map_err(|_| format!("question `{question}`: item {i} of the list cannot be read"))?;
        items.push(match bounded_string(&item, MAX_ID) {
            Some(Ok(id)) => Ok(id),
            Some(Err(len)) => return Err(too_long(&item, len)),
            None => Err(describe(&item)),
        });
    }
    Ok(RawValue::List(items))
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
                    for k in object_keys(&texts, &format!("texts.{}", excerpt(&lang)))? {
                        let field = format!("texts.{}.{}", excerpt(&lang), excerpt(&k));
                        map.insert(k.clone(), string(&get(&texts, &k), &field, MAX_TEXT)?);
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
                                let field = format!("call_to_action.label.{}", excerpt(&lang));
                                map.insert(lang.clone(), string(&get(&x, &lang), &field, MAX_LABEL)?);
                            }
                            label = Some(map);
                        }
                        "url" => url = Some(string(&x, "call_to_action.url", MAX_URL)?),
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
                                let field = format!("templates.note.{}", excerpt(&lang));
                                map.insert(lang.clone(), string(&get(&x, &lang), &field, MAX_TEXT)?);
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
    let field = excerpt(field);
    let name = field.rsplit('.').next().unwrap_or(&field);
    format!("field `{field}`: unknown field `{name}`, expected one of `{}`", known.join("`, `"))
}

/// The keys of an object at `field` (at most `MAX_ENTRIES`), or an error naming it.
fn object_keys(value: &JsValue, field: &str) -> Result<Vec<String>, String> {
    if is_plain_object(value) {
        bounded_keys(value, MAX_ENTRIES, 2 * MAX_ID).map_err(|e| format!("field `{field}`: {e}"))
    } else {
        Err(format!("field `{field}`: must be an object (got {})", describe(value)))
    }
}

/// A string of at most `max` characters at `field`.
fn string(value: &JsValue, field: &str, max: usize) -> Result<String, String> {
    match bounded_string(value, max) {
        Some(Ok(s)) => Ok(s),
        Some(Err(len)) => Err(format!("field `{field}`: at most {max} characters (got {len})")),
        None => Err(format!("field `{field}`: must be a string (got {})", describe(value))),
    }
}

/// A list of at most `MAX_LIST` ids at `field`.
fn strings(value: &JsValue, field: &str) -> Result<Vec<String>, String> {
    if !is_array(value) {
        return Err(format!("field `{field}`: must be a list of ids (got {})", describe(value)));
    }
    let len = list_len(value, MAX_LIST, "ids").map_err(|e| format!("field `{field}`: {e}"))?;
    (0..len as u32)
        .map(|i| {
            let item =
                js_sys::Reflect::get_u32(value, i).map_err(|_| format!("field `{field}[{i}]`: cannot be read"))?;
            match bounded_string(&item, MAX_ID) {
                Some(Err(_)) => Ok(excerpt(&head(&item))),
                _ => string(&item, &format!("{field}[{i}]"), MAX_ID),
            }
        })
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

/// The options of `start()`: offline use, if the page offers it (`offline`, `onOffline`).
pub(super) fn read_start_options(options: &JsValue) -> Result<Option<(bool, js_sys::Function)>, JsError> {
    if !present(options) {
        return Ok(None);
    }
    if !is_plain_object(options) {
        return Err(err(format!("start: options must be an object (got {})", describe(options))));
    }
    known_keys(options, &["offline", "onOffline"], "start: ")?;
    let on = get(options, "onOffline");
    if !present(&on) {
        return Ok(None);
    }
    let f = on
        .dyn_into::<js_sys::Function>()
        .map_err(|v| err(format!("start: option `onOffline`: must be a function (got {})", describe(&v))))?;
    let offline = get(options, "offline");
    let offline = if present(&offline) { read_bool(&offline, "start: option `offline`")? } else { false };
    Ok(Some((offline, f)))
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
                let id = excerpt(&id);
                return Err(err(format!("documents: option `blanks`: {}", DocError::UnknownBlank { id, known })));
            }
            let v = get(&blanks, &id);
            if !present(&v) {
                continue;
            }
            let text = match bounded_string(&v, MAX_TEXT) {
                Some(Ok(text)) => text,
                Some(Err(len)) => {
                    return Err(err(format!(
                        "documents: option `blanks`: `{id}`: at most {MAX_TEXT} characters (got {len})"
                    )))
                }
                None => return Err(err(format!("{place} (`{id}` is {})", describe(&v)))),
            };
            out.blanks.0.insert(id, text);
        }
    }
    let format = get(options, "format");
    if present(&format) {
        let id = bounded_string(&format, MAX_ID).map(|r| r.unwrap_or_else(|_| excerpt(&head(&format)))).ok_or_else(
            || {
                err(format!(
                    "documents: option `format`: must be a string: \"json\", \"markdown\" or \"html\" (got {})",
                    describe(&format)
                ))
            },
        )?;
        out.format = match id.as_str() {
            "json" => None,
            "markdown" => Some(Format::Markdown),
            "html" => Some(Format::Html),
            _ => {
                return Err(err(format!(
                    "documents: option `format`: unknown format `{}` (use json, markdown or html)",
                    excerpt(&id)
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
