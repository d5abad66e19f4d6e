//! `documents(answers, options)`: the templates for JavaScript, the same as the CLI's
//! `assess --document …` (`engine::documents`).
//!
//! Options (all optional; checked in `options`): `lang` ("de" | "en", default "de"), `blanks`
//! (blank id to text, e.g. `{ company: "Müller GmbH" }`), `format` ("json", the default: the
//! structured documents; "markdown" or "html": `{ id, lang, title, format, text }` with the
//! text the CLI prints). A bad option throws an `Error` that names it.
use engine::documents::{self, render, render::Format, DocId};
use engine::Lang;
use wasm_bindgen::prelude::*;

use super::decode::{err, to_js};
use super::options::{read_answers, read_documents_options};

/// A template written out: what `format: "markdown" | "html"` returns for each document.
#[derive(serde::Serialize)]
struct Written {
    id: DocId,
    lang: Lang,
    title: String,
    format: &'static str,
    text: String,
}

/// The templates that fit `answers` (none while no messenger is chosen; the consent template
/// only with customers in the audience), in the order policy, consent, record, checklist.
#[wasm_bindgen]
pub fn documents(answers: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let cat = crate::catalog();
    let o = read_documents_options(&options, cat)?;
    let answers = read_answers(&answers, cat, "documents: ")?;
    let docs = documents::documents(&answers, cat, o.lang, &o.blanks).map_err(|e| err(format!("documents: {e}")))?;
    match o.format {
        None => to_js(&docs),
        Some(format) => {
            let html = format == Format::Html;
            let written: Vec<Written> = docs
                .iter()
                .map(|d| Written {
                    id: d.id,
                    lang: o.lang,
                    title: documents::plain(&d.title),
                    format: if html { "html" } else { "markdown" },
                    text: if html { render::html(d) } else { render::markdown(d) },
                })
                .collect();
            to_js(&written)
        }
    }
}
