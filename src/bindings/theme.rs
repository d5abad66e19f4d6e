//! The theme of a widget mounted with `mount()`: a colour scheme ("light", "dark", "auto") and
//! values for the documented CSS custom properties, set on the widget's root through the CSSOM
//! (`style.setProperty` and a `data-mc-scheme` attribute), which a `style-src 'self'` policy
//! allows.
//!
//! Privacy Invariant: a theme value is resolved, not trusted. A custom property takes any
//! text, and the widget's stylesheet puts these into properties that load images (`background:`
//! shorthands), so `var(--x, red) url(//other.example/p)`, which `CSS.supports` accepts, would
//! make the browser ask another origin. So each value is set on a hidden probe element for a
//! property of its kind (`color`, `font-family`, a corner radius, a padding) and what the
//! browser computed is read back: an `rgb(…)` colour, a list of font names, a length. Only
//! that is set; a value the browser drops, or one that refers to something else (`var()`,
//! `env()`, `attr()`, CSS escapes), is an error naming the field.
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use engine::limits::excerpt;

use super::err;
use super::options::{describe, is_plain_object, own_keys};

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

/// The longest theme value read, in characters.
const MAX_VALUE: usize = 200;

#[wasm_bindgen]
extern "C" {
    /// An element with an inline style (the CSSOM).
    type Styled;
    #[wasm_bindgen(method, getter)]
    fn style(this: &Styled) -> Declarations;

    type Declarations;
    #[wasm_bindgen(method, js_name = setProperty)]
    fn set_property(this: &Declarations, name: &str, value: &str);
    #[wasm_bindgen(method, js_name = setProperty)]
    fn set_property_with_priority(this: &Declarations, name: &str, value: &str, priority: &str);
    #[wasm_bindgen(method, js_name = removeProperty)]
    fn remove_property(this: &Declarations, name: &str) -> String;
    #[wasm_bindgen(method, js_name = getPropertyValue)]
    fn get_property_value(this: &Declarations, name: &str) -> String;

    /// `getComputedStyle(element)`.
    #[wasm_bindgen(js_name = getComputedStyle, catch)]
    fn computed_style(element: &Element) -> Result<Declarations, JsValue>;
}

/// The property a value of `kind` is resolved with: a longhand, whose computed value every
/// browser serialises.
fn probe_property(kind: &str) -> &'static str {
    match kind {
        "color" => "color",
        "font-family" => "font-family",
        "border-radius" => "border-top-left-radius",
        _ => "padding-top",
    }
}

/// What the browser computes for `value` as a `kind`, or `None` if it drops the value.
fn resolve(kind: &str, value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    // References to something else: an error, not a silent fallback.
    if value.contains('\\') || ["var(", "env(", "attr(", "url(", "image", "element("].iter().any(|f| lower.contains(f))
    {
        return None;
    }
    let doc = web_sys::window()?.document()?;
    let parent = doc.body().map(Element::from).or_else(|| doc.document_element())?;
    let probe = doc.create_element("span").ok()?;
    let style = probe.unchecked_ref::<Styled>().style();
    // Hidden, and not styled by the page: its own declarations are `!important`.
    style.set_property_with_priority("display", "none", "important");
    let property = probe_property(kind);
    style.set_property_with_priority(property, value, "important");
    if style.get_property_value(property).is_empty() {
        return None;
    }
    parent.append_child(&probe).ok()?;
    let computed = computed_style(&probe).ok().map(|c| c.get_property_value(property));
    probe.remove();
    computed.filter(|c| !c.is_empty() && !c.to_ascii_lowercase().contains("url("))
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
    // A scheme is a short word: a longer string is not copied, only its start is quoted.
    let text = value.dyn_ref::<js_sys::JsString>().map(|s| String::from(s.substring(0, 48)));
    match text.as_deref().and_then(|s| SCHEMES.iter().find(|k| **k == s)) {
        Some(s) => Ok(s),
        None => Err(err(match text {
            Some(s) => format!("{place}: unknown scheme `{}` (use light, dark or auto)", excerpt(&s)),
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
    // A theme has a handful of fields: an object with more than that has an unknown one among
    // its first keys, so no more are read.
    let keys = own_keys(value).map_err(|_| err(format!("{place}: its keys cannot be read")))?;
    for key in keys.iter().take(FIELDS.len() + 2).filter_map(|k| k.as_string()) {
        let v = js_sys::Reflect::get(value, &JsValue::from_str(&key)).unwrap_or(JsValue::UNDEFINED);
        if v.is_undefined() || v.is_null() {
            continue;
        }
        if key == "scheme" {
            let s = read_scheme(&v, &field("scheme"));
            theme.scheme = Some(s.map_err(|_| {
                let got = v
                    .dyn_ref::<js_sys::JsString>()
                    .map(|s| format!("`{}`", excerpt(&String::from(s.substring(0, 48)))))
                    .unwrap_or_else(|| describe(&v));
                err(format!("{}: must be \"light\", \"dark\" or \"auto\" (got {got})", field("scheme")))
            })?);
            continue;
        }
        let Some((_, property, kind)) = FIELDS.iter().find(|(name, _, _)| *name == key) else {
            let known: Vec<&str> = std::iter::once("scheme").chain(FIELDS.iter().map(|f| f.0)).collect();
            return Err(err(format!("{place}: unknown field `{}` (known: {})", excerpt(&key), known.join(", "))));
        };
        let text = match v.dyn_ref::<js_sys::JsString>() {
            Some(s) if s.length() as usize > MAX_VALUE => {
                return Err(err(format!("{}: at most {MAX_VALUE} characters (got {})", field(&key), s.length())))
            }
            Some(s) => String::from(s),
            // A number as JavaScript writes it (no float formatting code in the wasm for this).
            None => match v.dyn_ref::<js_sys::Number>() {
                Some(n) => n.to_string_with_radix(10).map(String::from).unwrap_or_default(),
                None => return Err(err(format!("{}: must be a string (got {})", field(&key), describe(&v)))),
            },
        };
        let text = text.trim().to_string();
        // No way out of the declaration; and a value the browser would drop is an error.
        if text.is_empty() || text.contains([';', '{', '}', '<', '>']) {
            return Err(err(format!("{}: `{}` is not a valid CSS value", field(&key), excerpt(&text))));
        }
        let Some(resolved) = resolve(kind, &text) else {
            return Err(err(format!("{}: `{}` is not a valid CSS {kind} value", field(&key), excerpt(&text))));
        };
        theme.vars.push((property, resolved));
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
