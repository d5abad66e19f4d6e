//! The theme of a widget mounted with `mount()`: a colour scheme ("light", "dark", "auto") and
//! values for the documented CSS custom properties. Checked here (each value with the browser's
//! own `CSS.supports`), and set on the widget's root through the CSSOM (`style.setProperty` and
//! a `data-mc-scheme` attribute), which a `style-src 'self'` policy allows.
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::err;
use super::options::{describe, is_plain_object};

/// The colour schemes; "auto" follows the host page's `color-scheme` (www/npm/theme.css).
const SCHEMES: [&str; 3] = ["light", "dark", "auto"];

/// The theme fields, the custom property each sets, and the CSS property a value must be
/// valid for.
pub(super) const FIELDS: [(&str, &str, &str); 6] = [
    ("accent", "--mc-accent", "color"),
    ("text", "--mc-text", "color"),
    ("background", "--mc-bg", "color"),
    ("font", "--mc-font", "font-family"),
    ("radius", "--mc-radius", "border-radius"),
    ("spacing", "--mc-space", "padding"),
];

#[wasm_bindgen]
extern "C" {
    /// `CSS.supports(property, value)`; an error where there is no `CSS` (outside a browser).
    #[wasm_bindgen(js_namespace = CSS, js_name = supports, catch)]
    fn css_supports(property: &str, value: &str) -> Result<bool, JsValue>;

    /// An element with an inline style (the CSSOM).
    type Styled;
    #[wasm_bindgen(method, getter)]
    fn style(this: &Styled) -> Declarations;

    type Declarations;
    #[wasm_bindgen(method, js_name = setProperty)]
    fn set_property(this: &Declarations, name: &str, value: &str);
    #[wasm_bindgen(method, js_name = removeProperty)]
    fn remove_property(this: &Declarations, name: &str) -> String;
}

/// A checked theme.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Theme {
    pub scheme: Option<&'static str>,
    /// (custom property, value)
    pub vars: Vec<(&'static str, String)>,
}

/// A scheme: "light", "dark" or "auto".
pub(super) fn read_scheme(value: &JsValue, place: &str) -> Result<&'static str, JsError> {
    let text = value.as_string();
    match text.as_deref().and_then(|s| SCHEMES.iter().find(|k| **k == s)) {
        Some(s) => Ok(s),
        None => Err(err(match text {
            Some(s) => format!("{place}: unknown scheme `{s}` (use light, dark or auto)"),
            None => format!("{place}: must be \"light\", \"dark\" or \"auto\" (got {})", describe(value)),
        })),
    }
}

/// Reads the `theme` option: "light" | "dark" | "auto", or an object of `FIELDS` plus `scheme`.
/// `place` names it in errors: "option `theme`", "setTheme: `theme`".
pub(super) fn read(value: &JsValue, place: &str) -> Result<Theme, JsError> {
    let mut theme = Theme::default();
    if value.is_undefined() || value.is_null() {
        return Ok(theme);
    }
    if value.is_string() {
        theme.scheme = Some(read_scheme(value, place)?);
        return Ok(theme);
    }
    if !is_plain_object(value) {
        return Err(err(format!(
            "{place}: must be an object or \"light\", \"dark\", \"auto\" (got {})",
            describe(value)
        )));
    }
    // `option `theme`` -> `option `theme.accent``
    let field = |key: &str| format!("{}.{key}`", place.trim_end_matches('`'));
    let object: &js_sys::Object = value.unchecked_ref();
    for key in js_sys::Object::keys(object).iter().filter_map(|k| k.as_string()) {
        let v = js_sys::Reflect::get(value, &JsValue::from_str(&key)).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() || v.is_null() {
            continue;
        }
        if key == "scheme" {
            let s = read_scheme(&v, &field("scheme"));
            theme.scheme = Some(s.map_err(|_| {
                let got = v.as_string().map(|s| format!("`{s}`")).unwrap_or_else(|| describe(&v));
                err(format!("{}: must be \"light\", \"dark\" or \"auto\" (got {got})", field("scheme")))
            })?);
            continue;
        }
        let Some((_, property, kind)) = FIELDS.iter().find(|(name, _, _)| *name == key) else {
            let known: Vec<&str> = std::iter::once("scheme").chain(FIELDS.iter().map(|f| f.0)).collect();
            return Err(err(format!("{place}: unknown field `{key}` (known: {})", known.join(", "))));
        };
        let text = match v.as_string() {
            Some(s) => s,
            // A number as JavaScript writes it (no float formatting code in the wasm for this).
            None => match v.dyn_ref::<js_sys::Number>() {
                Some(n) => n.to_string_with_radix(10).map(String::from).unwrap_or_default(),
                None => return Err(err(format!("{}: must be a string (got {})", field(&key), describe(&v)))),
            },
        };
        let text = text.trim().to_string();
        // No way out of the declaration; and a value the browser would drop is an error.
        if text.is_empty() || text.contains([';', '{', '}', '<', '>']) {
            return Err(err(format!("{}: `{text}` is not a valid CSS value", field(&key))));
        }
        if let Ok(false) = css_supports(kind, &text) {
            return Err(err(format!("{}: `{text}` is not a valid CSS {kind} value", field(&key))));
        }
        theme.vars.push((property, text));
    }
    Ok(theme)
}

/// Sets `theme` on `root`, after taking `previous` off.
pub(super) fn apply(root: &Element, theme: &Theme, previous: &Theme) {
    clear(root, previous);
    let style = root.unchecked_ref::<Styled>().style();
    for (property, value) in &theme.vars {
        style.set_property(property, value);
    }
    if let Some(scheme) = theme.scheme {
        let _ = root.set_attribute("data-mc-scheme", scheme);
    }
}

/// Takes `theme` off `root`.
pub(super) fn clear(root: &Element, theme: &Theme) {
    if !theme.vars.is_empty() {
        let style = root.unchecked_ref::<Styled>().style();
        for (property, _) in &theme.vars {
            style.remove_property(property);
        }
    }
    if theme.scheme.is_some() {
        let _ = root.remove_attribute("data-mc-scheme");
    }
    if root.get_attribute("style").as_deref() == Some("") {
        let _ = root.remove_attribute("style");
    }
}
