//! `documents(answers, options)`: the templates for JavaScript, the same as the CLI's
//! `assess --document …` (to be moved into `src/bindings/` with the other exports).
//!
//! Options (all optional): `lang` ("de" | "en", default "de"), `blanks` (blank id to text,
//! e.g. `{ company: "Müller GmbH" }`), `format` ("json", the default: the structured
//! documents; "markdown" or "html": `{ id, lang, title, format, text }` with the text the CLI
//! prints). A bad option throws an `Error` that names it.
use engine::documents::{self, render, Blanks};
use engine::{answers_from_value, Catalog, Lang};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const OPTIONS: [&str; 3] = ["lang", "blanks", "format"];

fn err(msg: impl std::fmt::Display) -> JsError {
    JsError::new(&format!("messenger-check: documents: {msg}"))
}

fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(err)
}

/// A template written out: what `format: "markdown" | "html"` returns for each document.
#[derive(serde::Serialize)]
struct Written {
    id: documents::DocId,
    lang: Lang,
    title: String,
    format: &'static str,
    text: String,
}

/// The templates that fit `answers` (none while no messenger is chosen; the consent template
/// only with customers in the audience), in the order policy, consent, record, checklist.
#[wasm_bindgen]
pub fn documents(answers: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let mut lang = Lang::De;
    let mut blanks = Blanks::default();
    let mut format = "json".to_string();
    if !options.is_undefined() && !options.is_null() {
        if !options.is_object() || js_sys::Array::is_array(&options) {
            return Err(err("options must be an object like { lang: \"en\", blanks: { company: \"…\" } }"));
        }
        for k in js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>()).iter() {
            let k = k.as_string().unwrap_or_default();
            if !OPTIONS.contains(&k.as_str()) {
                return Err(err(format!("unknown option `{k}` (known: {})", OPTIONS.join(", "))));
            }
        }
        let get = |name: &str| js_sys::Reflect::get(&options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        let present = |v: &JsValue| !v.is_undefined() && !v.is_null();
        let v = get("lang");
        if present(&v) {
            let code = v.as_string().unwrap_or_default();
            lang = Lang::from_code(&code)
                .ok_or_else(|| err(format!("option `lang`: unknown language `{code}` (use {})", Lang::codes_or())))?;
        }
        let v = get("blanks");
        if present(&v) {
            blanks = serde_wasm_bindgen::from_value(v)
                .map_err(|_| err("option `blanks`: must be an object of blank id to text, e.g. { company: \"…\" }"))?;
        }
        let v = get("format");
        if present(&v) {
            format = v.as_string().unwrap_or_default();
            if !["json", "markdown", "html"].contains(&format.as_str()) {
                return Err(err(format!("option `format`: unknown format `{format}` (use json, markdown or html)")));
            }
        }
    }
    let cat = Catalog::embedded();
    let value: serde_json::Value = if answers.is_undefined() || answers.is_null() {
        serde_json::Value::Object(Default::default())
    } else {
        serde_wasm_bindgen::from_value(answers).map_err(|_| err(engine::AnswerError::NotAnObject))?
    };
    let answers = answers_from_value(&value, cat).map_err(|e| err(format!("`answers`: {e}")))?;
    let docs = documents::documents(&answers, cat, lang, &blanks).map_err(|e| match e {
        documents::DocError::UnknownBlank { .. } => err(format!("option `blanks`: {e}")),
        e => err(e),
    })?;
    match format.as_str() {
        "json" => to_js(&docs),
        f => {
            let html = f == "html";
            let written: Vec<Written> = docs
                .iter()
                .map(|d| Written {
                    id: d.id,
                    lang,
                    title: documents::plain(&d.title),
                    format: if html { "html" } else { "markdown" },
                    text: if html { render::html(d) } else { render::markdown(d) },
                })
                .collect();
            to_js(&written)
        }
    }
}
