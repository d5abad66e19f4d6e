//! JavaScript values in, errors out: a value read into the contract's `Input` (bounded), which
//! the contract's types then deserialize from (`engine::contract`), and every error thrown to
//! JavaScript as an `Error` whose `message` says what is wrong and whose `field` names the
//! option (`catalog.call_to_action.url`), so a caller (the embed builder) can point at it
//! without reading the message.
//!
//! Reading is bounded: every length is checked before anything is read (an array of length
//! 2^31, a sparse one of 10^8, a string of a hundred million characters cost nothing), a value
//! holds at most `MAX_VALUES` values and `MAX_DEPTH` levels, and whatever JavaScript can throw
//! while it is read (a getter, a Proxy, a revoked Proxy) is an error naming the field, never an
//! exception through the wasm.
use engine::contract::{Input, InputError};
use engine::limits::{excerpt, MAX_ENTRIES, MAX_ID, MAX_LIST, MAX_TEXT};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The most values one option value holds in all: every text of an embedder's overrides in
/// every language, and their keys.
const MAX_VALUES: usize = 4 * MAX_ENTRIES;
/// The deepest an option nests (`catalog.texts.de.<key>` is four levels).
const MAX_DEPTH: usize = 6;
/// The longest key read whole; no known key is as long, so a longer one is kept as its start
/// (unknown either way, and quoted short).
const MAX_KEY: usize = 2 * MAX_ID;

#[wasm_bindgen]
extern "C" {
    /// `Object.keys(value)`, which a Proxy's `ownKeys` may make throw.
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn own_keys(value: &JsValue) -> Result<js_sys::Array, JsValue>;
    /// `Array.isArray(value)`, which throws for a revoked Proxy.
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn is_array_checked(value: &JsValue) -> Result<bool, JsValue>;
}

fn is_array(value: &JsValue) -> bool {
    is_array_checked(value).unwrap_or(false)
}

/// Not undefined and not null: the option was given.
pub(super) fn present(value: &JsValue) -> bool {
    !value.is_undefined() && !value.is_null()
}

/// An object, not an array or a function.
pub(super) fn is_plain_object(value: &JsValue) -> bool {
    value.is_object() && !is_array(value) && !value.is_function()
}

/// What a value is, for an error message: "a string", "an array", "null", …
pub(super) fn describe(value: &JsValue) -> &'static str {
    if value.is_null() {
        "null"
    } else if value.is_undefined() {
        "undefined"
    } else if is_array(value) {
        "an array"
    } else if value.is_function() {
        "a function"
    } else if value.is_object() {
        "an object"
    } else if value.is_string() {
        "a string"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.is_bigint() {
        "a bigint"
    } else {
        "a symbol"
    }
}

/// A property; one that cannot be read (a throwing getter) counts as not given.
pub(super) fn get(object: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

/// The start of a string (a long one is never copied whole).
fn head(s: &js_sys::JsString) -> String {
    String::from(s.substring(0, 48))
}

/// How much of an input is read: the most keys an object may have, and the longest string.
#[derive(Clone, Copy)]
pub(super) struct Limits {
    pub entries: usize,
    pub text: usize,
}

impl Limits {
    /// Options: every text an embedder may override.
    pub const OPTIONS: Limits = Limits { entries: MAX_ENTRIES, text: MAX_TEXT };

    /// Answers: one key more than the catalog has questions (one of them is then unknown),
    /// ids of at most `MAX_ID` characters.
    pub fn answers(questions: usize) -> Limits {
        Limits { entries: questions + 1, text: MAX_ID }
    }
}

/// Reads `value` into an `Input` with the `OPTIONS` limits; the own keys in `skip` (functions,
/// which the bindings read themselves) are left out of an object.
pub(super) fn read(value: &JsValue, skip: &[&str]) -> Result<Input, InputError> {
    read_with(value, skip, Limits::OPTIONS)
}

/// Reads `value` into an `Input` with `limits`. An entry whose value is `undefined` or `null`
/// is left out (not given, as JSON and the TypeScript types have it).
pub(super) fn read_with(value: &JsValue, skip: &[&str], limits: Limits) -> Result<Input, InputError> {
    let mut reader = Reader { left: MAX_VALUES, skip, limits };
    reader.value(value, "", 0)
}

struct Reader<'a> {
    /// How many more values may be read.
    left: usize,
    skip: &'a [&'a str],
    limits: Limits,
}

#[wasm_bindgen]
extern "C" {
    /// `Object.getPrototypeOf(value)`, which a Proxy may make throw.
    #[wasm_bindgen(js_namespace = Object, js_name = getPrototypeOf, catch)]
    fn prototype_of(value: &JsValue) -> Result<JsValue, JsValue>;
}

/// A plain object (`{…}`, `Object.create(null)`, one from another frame, a Proxy of one): its
/// prototype is `null` or an `Object.prototype` (whose own prototype is `null`). A typed array,
/// a `String` object, a `Date` or a class instance is not read key by key.
fn is_plain(value: &JsValue) -> bool {
    match prototype_of(value) {
        Ok(p) if p.is_null() => true,
        Ok(p) => prototype_of(&p).is_ok_and(|pp| pp.is_null()),
        Err(_) => false,
    }
}

impl Reader<'_> {
    fn value(&mut self, v: &JsValue, path: &str, depth: usize) -> Result<Input, InputError> {
        if self.left == 0 {
            return Err(InputError::at(path, format!("too large (at most {MAX_VALUES} values in all)")));
        }
        self.left -= 1;
        if !present(v) {
            return Ok(Input::Null);
        }
        if let Some(s) = v.dyn_ref::<js_sys::JsString>() {
            let len = s.length() as usize;
            let max = self.limits.text;
            if len > max && max == MAX_ID {
                return Err(InputError::at(path, format!("an id of {len} characters (ids have at most {MAX_ID})")));
            }
            if len > max {
                return Err(InputError::at(path, format!("at most {max} characters (got {len})")));
            }
            return Ok(Input::Str(String::from(s)));
        }
        if let Some(b) = v.as_bool() {
            return Ok(Input::Bool(b));
        }
        if let Some(n) = v.as_f64() {
            return Ok(Input::Num(n));
        }
        if depth >= MAX_DEPTH {
            return Err(InputError::at(path, format!("nested too deep (at most {MAX_DEPTH} levels)")));
        }
        if is_array(v) {
            let len = js_sys::Reflect::get(v, &JsValue::from_str("length"))
                .ok()
                .and_then(|l| l.as_f64())
                .filter(|n| *n >= 0.0 && n.fract() == 0.0)
                .ok_or_else(|| InputError::at(path, "its length cannot be read"))?;
            if len > MAX_LIST as f64 {
                // As an integer: no float formatting code in the wasm for a message.
                return Ok(Input::TooLong(len as usize));
            }
            let mut items = Vec::with_capacity(len as usize);
            for i in 0..len as u32 {
                let item_path = format!("{path}[{i}]");
                let item = js_sys::Reflect::get_u32(v, i).map_err(|_| InputError::at(&item_path, "cannot be read"))?;
                items.push(self.value(&item, &item_path, depth + 1)?);
            }
            return Ok(Input::List(items));
        }
        if v.is_function() {
            return Ok(Input::Other("a function"));
        }
        if !v.is_object() {
            return Ok(Input::Other(describe(v)));
        }
        if !is_plain(v) {
            return Ok(Input::Other("an object that is not a plain one"));
        }
        let keys = own_keys(v).map_err(|_| InputError::at(path, "its keys cannot be read"))?;
        let n = keys.length() as usize;
        if n > self.limits.entries {
            return Err(InputError::at(path, format!("at most {} entries (got {n})", self.limits.entries)));
        }
        let mut entries = Vec::with_capacity(n);
        for k in keys.iter() {
            let Some(k) = k.dyn_ref::<js_sys::JsString>() else { continue };
            let key = if k.length() as usize > MAX_KEY { excerpt(&head(k)) } else { String::from(k) };
            if depth == 0 && self.skip.contains(&key.as_str()) {
                continue;
            }
            let field = if path.is_empty() { excerpt(&key) } else { format!("{path}.{}", excerpt(&key)) };
            let value = js_sys::Reflect::get(v, k).map_err(|_| InputError::at(&field, "cannot be read"))?;
            if !present(&value) {
                continue;
            }
            let value = self.value(&value, &field, depth + 1)?;
            entries.push((key, value));
        }
        Ok(Input::Map(entries))
    }
}

/// An error not about a field.
pub(super) fn err(msg: impl std::fmt::Display) -> JsValue {
    error(None, msg)
}

/// A value as JavaScript gets it: its JSON, parsed by the browser (so the wasm needs no
/// second serializer besides serde_json's, which the JSON download uses anyway).
pub(super) fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let json = serde_json::to_string(value).map_err(err)?;
    js_sys::JSON::parse(&json).map_err(|_| err("could not hand a value to JavaScript"))
}

/// What a call throws: an `Error` with the message `messenger-check: <message>` and, when it is
/// about a field, that field as `field`.
pub(super) fn error(field: Option<&str>, message: impl std::fmt::Display) -> JsValue {
    let e = js_sys::Error::new(&format!("messenger-check: {message}"));
    if let Some(field) = field {
        let _ = js_sys::Reflect::set(&e, &JsValue::from_str("field"), &JsValue::from_str(field));
    }
    e.into()
}

/// The error of an option: `call` says which call ("", "evaluate: ", "setTheme: "), `option`
/// how the first part of the field is named ("option", or "" for an argument such as
/// `theme`), `base` the field the value was given as (e.g. "theme"; "" for the options object).
/// "documents: option `blanks.company`: must be a string (got a number)", "unknown option
/// `colour` (known: …)", "option `theme`: unknown field `colour` (known: …)", "option
/// `catalog`: catalog override, field `alternatives.recommend`: must be an array (got a
/// string)".
pub(super) fn option_error(call: &str, option: &str, base: &str, e: &InputError) -> JsValue {
    let prefix = |p: &str| match (base.is_empty(), p.is_empty()) {
        (true, _) => p.to_string(),
        (false, true) => base.to_string(),
        (false, false) => format!("{base}.{p}"),
    };
    let field = prefix(&e.field());
    let place = prefix(&e.place());
    let named = |place: &str| if option.is_empty() { format!("`{place}`") } else { format!("{option} `{place}`") };
    // A field inside the embedder's overrides is named as the overrides' own check names it
    // (`catalog`'s semantic errors, from the engine, read "option `catalog`: catalog override:
    // alternatives, field `hide[1]`: …").
    let inside_catalog = option == "option" && field.starts_with("catalog.") && (place != "catalog" || e.is_key());
    let message = if inside_catalog {
        // (An unknown field is named with its own key: `templates.off`.)
        let rest = &field["catalog.".len()..];
        format!("{call}option `catalog`: catalog override, field `{rest}`: {}", e.message())
    } else if place.is_empty() && e.is_key() {
        // The options object's own key: an unknown option.
        format!("{call}{}", e.message().replacen("unknown field", "unknown option", 1))
    } else if place.is_empty() {
        format!("{call}{}", e.message())
    } else {
        format!("{call}{}: {}", named(&place), e.message())
    };
    error(Some(&field), message)
}
