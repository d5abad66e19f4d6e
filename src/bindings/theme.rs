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
use engine::contract::{self, Scheme};
use engine::limits::excerpt;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::decode::{self, error, option_error};

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
fn resolve_value(kind: &str, value: &str) -> Option<String> {
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

/// A theme as set: its scheme and each custom property's value as the browser computed it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Theme {
    pub scheme: Option<Scheme>,
    /// (custom property, value)
    pub vars: Vec<(&'static str, String)>,
}

/// A decoded theme with each value resolved by the browser; an error names the field. `call`,
/// `option` and `base` place it in the message as for `decode::option_error` ("option
/// `theme.accent`: …", "setTheme: `theme.font`: …").
pub(super) fn resolve(t: &contract::Theme, call: &str, option: &str, base: &str) -> Result<Theme, JsValue> {
    let mut theme = Theme { scheme: t.scheme, vars: Vec::new() };
    for (field, text) in &t.values {
        let Some(resolved) = resolve_value(field.kind, text) else {
            let name = format!("{base}.{}", field.name);
            let place = if option.is_empty() { format!("`{name}`") } else { format!("{option} `{name}`") };
            let kind = field.kind;
            return Err(error(
                Some(&name),
                format!("{call}{place}: `{}` is not a valid CSS {kind} value", excerpt(text)),
            ));
        };
        theme.vars.push((field.property, resolved));
    }
    Ok(theme)
}

/// Reads a theme argument (`setTheme`): "light" | "dark" | "auto", or an object of the
/// contract's theme fields plus `scheme`; `undefined` or `null`: no theme.
pub(super) fn read(value: &JsValue, call: &str, base: &str) -> Result<Theme, JsValue> {
    let input = decode::read(value, &[]).map_err(|e| option_error(call, "", base, &e))?;
    let t: Option<contract::Theme> = contract::decode(&input).map_err(|e| option_error(call, "", base, &e))?;
    match t {
        Some(t) => resolve(&t, call, "", base),
        None => Ok(Theme::default()),
    }
}

/// Sets `theme` on `root`, after taking `previous` off.
pub(super) fn apply(root: &Element, theme: &Theme, previous: &Theme) {
    clear(root, previous);
    let style = root.unchecked_ref::<Styled>().style();
    for (property, value) in &theme.vars {
        style.set_property(property, value);
    }
    if let Some(scheme) = theme.scheme {
        let _ = root.set_attribute("data-mc-scheme", scheme.id());
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
