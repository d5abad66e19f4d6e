//! The options of `mount()`, `evaluate()`, `documents()` and `start()`, the arguments of the
//! `Widget` methods and the custom element's attributes, decoded into the contract's types
//! (`engine::contract`, serde) and then checked against the catalog: a bad one is an `Error`
//! whose `message` names it and whose `field` is its path (`decode`). The npm package's
//! JavaScript forwards what it is given and only adds what needs the DOM (the element to mount
//! on, adopting the stylesheet).
use engine::contract::{
    decode, AnswersInput, DocumentsOptions as DocumentsInput, EvaluateOptions, Input, InputError, Language,
    MountOptions, Scheme, StartOptions,
};
use engine::documents::{render::Format, Blanks, DocError};
use engine::limits::excerpt;
use engine::{answers_from_raw, AnswerError, Answers, Catalog, CatalogError, Lang};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::config::Config;
use super::decode::{self, describe, error, get, is_plain_object, option_error, present, Limits};
use super::location::read_hash;
use super::theme::{self, Theme};
use crate::env::Cat;

/// Reads `value` (with `limits`, without the keys in `skip`) and decodes it as a `T`; an error
/// is worded by `option_error(call, option, base, …)`.
fn decode_with<T: for<'de> Deserialize<'de>>(
    value: &JsValue,
    skip: &[&str],
    limits: Limits,
    (call, option, base): (&str, &str, &str),
) -> Result<T, JsValue> {
    let input: Input = decode::read_with(value, skip, limits).map_err(|e| option_error(call, option, base, &e))?;
    decode(&input).map_err(|e: InputError| option_error(call, option, base, &e))
}

/// `decode_with` the options' limits.
fn decode_as<T: for<'de> Deserialize<'de>>(
    value: &JsValue,
    skip: &[&str],
    place: (&str, &str, &str),
) -> Result<T, JsValue> {
    decode_with(value, skip, Limits::OPTIONS, place)
}

/// Answers decoded with the answers' limits (`decode::Limits::answers`).
fn decode_answers(value: &JsValue, cat: &Catalog, place: (&str, &str, &str)) -> Result<AnswersInput, JsValue> {
    decode_with(value, &[], Limits::answers(cat.questions().len()), place)
}

/// One value of an argument or attribute (`place`: "setLang: `lang`", "attribute `theme`"),
/// its error naming `field`.
fn decode_value<T: for<'de> Deserialize<'de>>(value: &JsValue, place: &str, field: &str) -> Result<T, JsValue> {
    let fail = |e: InputError| error(Some(field), format!("{place}: {}", e.message()));
    let input = decode::read(value, &[]).map_err(fail)?;
    decode(&input).map_err(fail)
}

/// A function among the options, or an error naming it.
fn function(options: &JsValue, name: &str, call: &str) -> Result<Option<js_sys::Function>, JsValue> {
    let v = get(options, name);
    if !present(&v) {
        return Ok(None);
    }
    v.dyn_into::<js_sys::Function>()
        .map(Some)
        .map_err(|v| error(Some(name), format!("{call}option `{name}`: must be a function (got {})", describe(&v))))
}

/// The options object itself: absent, or an object (`like`: an example for the message).
fn options_object(options: &JsValue, call: &str, like: &str) -> Result<bool, JsValue> {
    if !present(options) {
        return Ok(false);
    }
    if !is_plain_object(options) {
        return Err(error(None, format!("{call}: options must be an object{like} (got {})", describe(options))));
    }
    Ok(true)
}

/// The answers of a decoded `AnswersInput`, checked against `cat`; an error names the question
/// under `field` (`answers`), and `place` says where in the message ("option `answers`").
fn check_answers(raw: AnswersInput, cat: &Catalog, field: &str, place: &str) -> Result<Answers, JsValue> {
    answers_from_raw(raw.0, cat).map_err(|e| {
        let question = match &e {
            AnswerError::UnknownQuestion(q) => Some(q),
            AnswerError::UnknownOption { question, .. }
            | AnswerError::WrongShape { question, .. }
            | AnswerError::NotAnId { question, .. }
            | AnswerError::ListItem { question, .. }
            | AnswerError::ListTooLong { question, .. }
            | AnswerError::TooFew { question, .. } => Some(question),
            AnswerError::Json(_) | AnswerError::NotAnObject => None,
        };
        let field = match question {
            Some(q) => format!("{field}.{}", excerpt(q)),
            None => field.to_string(),
        };
        error(Some(&field), format!("{place}: {e}"))
    })
}

/// Answers as JavaScript gives them (question id to option id(s)), checked against `cat`.
/// `call` and `name` place it in messages: `("setAnswers: ", "answers")` gives "setAnswers:
/// `answers`: …". Not given (`undefined`, `null`): no answers.
pub(super) fn read_answers(value: &JsValue, cat: &Catalog, call: &str) -> Result<Answers, JsValue> {
    if !present(value) {
        return Ok(Answers::new());
    }
    if !is_plain_object(value) {
        return Err(error(
            Some("answers"),
            format!("{call}`answers` must be an object of question id to option id(s) (got {})", describe(value)),
        ));
    }
    let raw: AnswersInput = decode_answers(value, cat, (call, "", "answers"))?;
    check_answers(raw, cat, "answers", &format!("{call}`answers`"))
}

/// The language of an argument or attribute (`place`: "setLang: `lang`", "attribute `lang`").
pub(super) fn read_lang(value: &JsValue, place: &str, field: &str) -> Result<Lang, JsValue> {
    decode_value::<Language>(value, place, field).map(|l| l.0)
}

/// The catalog with an embedder's overrides applied; a bad one names its field under
/// `catalog`.
fn with_overrides(overrides: &engine::Overrides) -> Result<Cat, JsValue> {
    crate::catalog().with_overrides(overrides).map(Cat::custom).map_err(|e: CatalogError| {
        let field = ["catalog", e.entry.as_str(), e.field.as_str()]
            .iter()
            .filter(|p| !p.is_empty())
            .copied()
            .collect::<Vec<_>>();
        error(Some(&field.join(".")), format!("option `catalog`: {e}"))
    })
}

/// The options of `mount()`, all checked before anything renders.
pub(super) fn read_options(options: &JsValue) -> Result<(Config, Theme), JsValue> {
    let mut config = Config::default();
    if !options_object(options, "mount", "")? {
        return Ok((config, Theme::default()));
    }
    // The answers are decoded after the overrides are checked: they are checked against the
    // catalog the overrides make, and a bad override is reported before them.
    let o: MountOptions = decode_as(options, &["onChange", "answers"], ("", "option", ""))?;
    if let Some(overrides) = &o.catalog {
        config.catalog = with_overrides(overrides)?;
    }
    if let Some(Language(lang)) = o.lang {
        config.lang = lang;
    }
    let answers = get(options, "answers");
    if present(&answers) {
        let raw: AnswersInput = decode_answers(&answers, &config.catalog, ("", "option", "answers"))?;
        config.answers = check_answers(raw, &config.catalog, "answers", "option `answers`")?;
    }
    let theme = match &o.theme {
        Some(t) => theme::resolve(t, "", "option", "theme")?,
        None => Theme::default(),
    };
    config.on_change = function(options, "onChange", "")?;
    if o.share_link == Some(true) {
        config.share_link = true;
        let (answers, notice) = read_hash(&config.catalog);
        if !answers.is_empty() || notice.is_some() {
            config.answers = answers;
            config.notice = notice;
        }
    }
    Ok((config, theme))
}

/// The options of `start()`: offline use, if the page offers it (`offline`, `onOffline`).
pub(super) fn read_start_options(options: &JsValue) -> Result<Option<(bool, js_sys::Function)>, JsValue> {
    if !options_object(options, "start", "")? {
        return Ok(None);
    }
    let o: StartOptions = decode_as(options, &["onOffline"], ("start: ", "option", ""))?;
    Ok(function(options, "onOffline", "start: ")?.map(|f| (o.offline.unwrap_or(false), f)))
}

/// The options of `evaluate()`: its language.
pub(super) fn read_evaluate_options(options: &JsValue) -> Result<Lang, JsValue> {
    if !options_object(options, "evaluate", " like { lang: \"en\" }")? {
        return Ok(Lang::default());
    }
    let o: EvaluateOptions = decode_as(options, &[], ("evaluate: ", "option", ""))?;
    Ok(o.lang.map(|l| l.0).unwrap_or_default())
}

/// What `documents()` is asked for: the language, the blanks and the format (`None`: the
/// structured documents, JSON).
pub(super) struct DocumentsOptions {
    pub lang: Lang,
    pub blanks: Blanks,
    pub format: Option<Format>,
}

/// The options of `documents()`, checked against the templates of `cat` (the blanks).
pub(super) fn read_documents_options(options: &JsValue, cat: &Catalog) -> Result<DocumentsOptions, JsValue> {
    let mut out = DocumentsOptions { lang: Lang::default(), blanks: Blanks::default(), format: None };
    let like = " like { lang: \"en\", blanks: { company: \"…\" } }";
    if !options_object(options, "documents", like)? {
        return Ok(out);
    }
    let o: DocumentsInput = decode_as(options, &[], ("documents: ", "option", ""))?;
    out.lang = o.lang.map(|l| l.0).unwrap_or_default();
    let templates = cat.templates();
    for (id, text) in o.blanks.unwrap_or_default() {
        if templates.blank(&id).is_none() {
            let known = templates.blanks.iter().map(|(k, _)| k.to_string()).collect();
            let e = DocError::UnknownBlank { id: excerpt(&id), known };
            return Err(error(Some(&format!("blanks.{}", excerpt(&id))), format!("documents: option `blanks`: {e}")));
        }
        if let Some(text) = text {
            out.blanks.0.insert(id, text);
        }
    }
    out.format = o.format.map(|f| f.0).filter(|f| *f != Format::Json);
    Ok(out)
}

/// The attributes of `<messenger-check>`: `lang` and `theme` (a scheme); an error names the
/// attribute.
pub(super) fn check_attribute(name: &str, value: &JsValue) -> Result<(), JsValue> {
    match name {
        "lang" => read_lang(value, "attribute `lang`", "lang").map(|_| ()),
        "theme" => decode_value::<Scheme>(value, "attribute `theme`", "theme").map(|_| ()),
        _ => Err(error(None, format!("unknown attribute `{}` (known: lang, theme)", excerpt(name)))),
    }
}
