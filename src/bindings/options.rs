//! The options of `mount()`: each is checked here, and a bad one is an `Error` that names it.
use engine::{answers_from_value, Catalog, Lang, Overrides};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::location::read_hash;
use super::{err, Config};
use crate::app::Cat;

pub(super) fn parse_lang(code: &str) -> Result<Lang, String> {
    Lang::from_code(code).ok_or_else(|| format!("unknown language `{code}` (use {})", Lang::codes_or()))
}

const OPTIONS: [&str; 5] = ["lang", "answers", "catalog", "onChange", "shareLink"];

pub(super) fn read_options(options: &JsValue) -> Result<Config, JsError> {
    let mut config = Config::default();
    if options.is_undefined() || options.is_null() {
        return Ok(config);
    }
    if !options.is_object() {
        return Err(err("options must be an object"));
    }
    let keys = js_sys::Object::keys(options.unchecked_ref::<js_sys::Object>());
    for k in keys.iter() {
        let k = k.as_string().unwrap_or_default();
        if !OPTIONS.contains(&k.as_str()) {
            return Err(err(format!("unknown option `{k}` (known: {})", OPTIONS.join(", "))));
        }
    }
    let get = |name: &str| js_sys::Reflect::get(options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let present = |v: &JsValue| !v.is_undefined() && !v.is_null();

    let catalog = get("catalog");
    if present(&catalog) {
        let json = js_sys::JSON::stringify(&catalog)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| err("option `catalog`: must be an object"))?;
        let overrides = Overrides::from_json(&json).map_err(|e| err(format!("option `catalog`: {e}")))?;
        let custom =
            Catalog::embedded().with_overrides(&overrides).map_err(|e| err(format!("option `catalog`: {e}")))?;
        config.catalog = Cat::custom(custom);
    }
    let lang = get("lang");
    if present(&lang) {
        let code = lang.as_string().ok_or_else(|| err("option `lang`: must be a string, \"de\" or \"en\""))?;
        config.lang = parse_lang(&code).map_err(|e| err(format!("option `lang`: {e}")))?;
    }
    let answers = get("answers");
    if present(&answers) {
        let value: serde_json::Value =
            serde_wasm_bindgen::from_value(answers).map_err(|e| err(format!("option `answers`: {e}")))?;
        config.answers =
            answers_from_value(&value, &config.catalog).map_err(|e| err(format!("option `answers`: {e}")))?;
    }
    let on_change = get("onChange");
    if present(&on_change) {
        let f = on_change.dyn_into::<js_sys::Function>().map_err(|_| err("option `onChange`: must be a function"))?;
        config.on_change = Some(f);
    }
    let share = get("shareLink");
    if present(&share) {
        config.share_link = share.as_bool().ok_or_else(|| err("option `shareLink`: must be true or false"))?;
        if config.share_link {
            let (answers, notice) = read_hash(&config.catalog);
            if !answers.is_empty() || notice.is_some() {
                config.answers = answers;
                config.notice = notice;
            }
        }
    }
    Ok(config)
}
