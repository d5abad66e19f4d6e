//! Input from outside as a front-end has read it, bounded: the tree the contract's types
//! deserialize from with serde, and the error that names the field.
//!
//! The widget's bindings read a JavaScript value into an [`Input`] (every length checked
//! before anything is read, see `src/bindings/decode.rs`); tests and native callers read one
//! from JSON ([`Input::from_json`]). The contract's types then deserialize from it with
//! [`decode`]: serde does the work the hand parsers did, and an [`InputError`] says which field
//! is wrong (`catalog.call_to_action.url`) and what is wrong with it, in words a JavaScript
//! developer reads ("must be a string (got a number)").
use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, Error as _, IntoDeserializer, MapAccess, SeqAccess, Unexpected, Visitor,
};
use serde::Deserialize;

use crate::limits::{excerpt, MAX_LIST};

/// A value from outside, as far as it was read.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// `null` or `undefined`.
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    List(Vec<Input>),
    /// A list longer than any reader takes (`limits::MAX_LIST`): only its length was read.
    TooLong(usize),
    /// An object's own keys and values, in their order.
    Map(Vec<(String, Input)>),
    /// Something no reader takes, with what it was ("a function", "a symbol").
    Other(&'static str),
}

impl Input {
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Input::Null => Unexpected::Unit,
            Input::Bool(b) => Unexpected::Bool(*b),
            Input::Num(n) => Unexpected::Float(*n),
            Input::Str(s) => Unexpected::Str(s),
            Input::List(_) | Input::TooLong(_) => Unexpected::Seq,
            Input::Map(_) => Unexpected::Map,
            Input::Other(what) => Unexpected::Other(what),
        }
    }

    /// The same value read from JSON (no bounds: JSON text has its own).
    pub fn from_json(value: &serde_json::Value) -> Input {
        use serde_json::Value;
        match value {
            Value::Null => Input::Null,
            Value::Bool(b) => Input::Bool(*b),
            Value::Number(n) => Input::Num(n.as_f64().unwrap_or_default()),
            Value::String(s) => Input::Str(s.clone()),
            Value::Array(items) if items.len() > MAX_LIST => Input::TooLong(items.len()),
            Value::Array(items) => Input::List(items.iter().map(Input::from_json).collect()),
            Value::Object(map) => Input::Map(map.iter().map(|(k, v)| (k.clone(), Input::from_json(v))).collect()),
        }
    }
}

/// What is wrong with an input, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// The path to the field, outermost first: `["catalog", "alternatives", "hide", "[2]"]`.
    path: Vec<String>,
    /// Whether the error is about the last key itself (an unknown field), not its value.
    key: bool,
    message: String,
}

impl InputError {
    /// An error at `path` (dot-separated; empty for the whole value).
    pub fn at(path: &str, message: impl Into<String>) -> InputError {
        let path = path.split('.').filter(|p| !p.is_empty()).map(str::to_string).collect();
        InputError { path, key: false, message: message.into() }
    }

    /// The field as JavaScript names it: `catalog.alternatives.hide[2]`; empty for the value
    /// itself. For an unknown field, the field itself (`theme.colour`).
    pub fn field(&self) -> String {
        join(&self.path)
    }

    /// Where the error is: the field, or for an unknown field the object that has it.
    pub fn place(&self) -> String {
        let n = if self.key { self.path.len().saturating_sub(1) } else { self.path.len() };
        join(&self.path[..n])
    }

    /// Whether it is about an unknown key (and `place()` is the object that has it).
    pub fn is_key(&self) -> bool {
        self.key
    }

    /// What is wrong: "must be a string (got a number)", "unknown field `colour` (known: …)".
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The same error inside `segment` (a key, or `[i]`).
    fn under(mut self, segment: String) -> InputError {
        self.path.insert(0, segment);
        self
    }
}

fn join(path: &[String]) -> String {
    let mut out = String::new();
    for p in path {
        if !out.is_empty() && !p.starts_with('[') {
            out.push('.');
        }
        out += p;
    }
    out
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.place().as_str() {
            "" => f.write_str(&self.message),
            place => write!(f, "`{place}`: {}", self.message),
        }
    }
}

impl std::error::Error for InputError {}

/// What serde expects, in a JavaScript developer's words.
fn expected(exp: &dyn fmt::Display) -> String {
    let exp = exp.to_string();
    match exp.as_str() {
        "a boolean" => "true or false".into(),
        "a sequence" => "an array".into(),
        "a map" => "an object".into(),
        e if e.starts_with("struct ") => "an object".into(),
        _ => exp,
    }
}

fn unexpected(u: &Unexpected) -> String {
    String::from(match u {
        Unexpected::Bool(_) => "a boolean",
        Unexpected::Unsigned(_) | Unexpected::Signed(_) | Unexpected::Float(_) => "a number",
        Unexpected::Char(_) | Unexpected::Str(_) => "a string",
        Unexpected::Unit | Unexpected::Option => "null",
        Unexpected::Seq => "an array",
        Unexpected::Map => "an object",
        Unexpected::Other(what) if what.starts_with("a ") || what.starts_with("an ") => what,
        _ => "something else",
    })
}

impl de::Error for InputError {
    fn custom<T: fmt::Display>(msg: T) -> InputError {
        InputError { path: Vec::new(), key: false, message: msg.to_string() }
    }

    fn invalid_type(unexp: Unexpected, exp: &dyn de::Expected) -> InputError {
        InputError::custom(format!("must be {} (got {})", expected(&Exp(exp)), unexpected(&unexp)))
    }

    fn invalid_value(unexp: Unexpected, exp: &dyn de::Expected) -> InputError {
        InputError::custom(format!("must be {} (got {})", expected(&Exp(exp)), unexpected(&unexp)))
    }

    fn invalid_length(len: usize, exp: &dyn de::Expected) -> InputError {
        InputError::custom(format!("must be {} (got an array of {len})", expected(&Exp(exp))))
    }

    fn unknown_variant(variant: &str, known: &'static [&'static str]) -> InputError {
        InputError::custom(format!("unknown value `{}` (use {})", excerpt(variant), known.join(", ")))
    }

    fn unknown_field(field: &str, known: &'static [&'static str]) -> InputError {
        let message = format!("unknown field `{}` (known: {})", excerpt(field), known.join(", "));
        InputError { path: vec![excerpt(field)], key: true, message }
    }

    fn missing_field(field: &'static str) -> InputError {
        InputError::custom(format!("missing field `{field}`"))
    }
}

/// `dyn Expected` as `Display`.
struct Exp<'a>(&'a dyn de::Expected);

impl fmt::Display for Exp<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Deserializes a `T` from `input`; an error names the field.
pub fn decode<'de, T: Deserialize<'de>>(input: &'de Input) -> Result<T, InputError> {
    T::deserialize(input)
}

impl<'de> Deserializer<'de> for &'de Input {
    type Error = InputError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, InputError> {
        match self {
            Input::Null => visitor.visit_unit(),
            Input::Bool(b) => visitor.visit_bool(*b),
            Input::Num(n) => visitor.visit_f64(*n),
            Input::Str(s) => visitor.visit_borrowed_str(s),
            Input::List(items) => visitor.visit_seq(Items { items: items.iter(), index: 0 }),
            Input::TooLong(len) => visitor.visit_seq(TooLong(*len)),
            Input::Map(entries) => visitor.visit_map(Entries { entries: entries.iter(), value: None }),
            Input::Other(what) => Err(de::Error::invalid_type(Unexpected::Other(what), &visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, InputError> {
        match self {
            Input::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, InputError> {
        match self {
            Input::Str(s) => visitor.visit_enum(s.as_str().into_deserializer()),
            _ => self.deserialize_any(visitor),
        }
    }

    /// An object only (serde's derived structs would also take an array of the fields'
    /// values, which no option means).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, InputError> {
        self.deserialize_map(visitor)
    }

    // What a type asks for is all it is given: each visitor is compiled with only the paths it
    // can take (fewer bytes in the wasm than one `deserialize_any` per visitor).

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, InputError> {
        match self {
            Input::Map(entries) => visitor.visit_map(Entries { entries: entries.iter(), value: None }),
            other => Err(InputError::invalid_type(other.unexpected(), &visitor)),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, InputError> {
        match self {
            Input::List(items) => visitor.visit_seq(Items { items: items.iter(), index: 0 }),
            Input::TooLong(len) => visitor.visit_seq(TooLong(*len)),
            other => Err(InputError::invalid_type(other.unexpected(), &visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, InputError> {
        match self {
            Input::Str(s) => visitor.visit_borrowed_str(s),
            other => Err(InputError::invalid_type(other.unexpected(), &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, InputError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, InputError> {
        match self {
            Input::Bool(b) => visitor.visit_bool(*b),
            other => Err(InputError::invalid_type(other.unexpected(), &visitor)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, InputError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, InputError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char
        bytes byte_buf unit unit_struct tuple
        tuple_struct identifier
    }
}

struct Items<'de> {
    items: std::slice::Iter<'de, Input>,
    index: usize,
}

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = InputError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, InputError> {
        let Some(item) = self.items.next() else { return Ok(None) };
        let i = self.index;
        self.index += 1;
        seed.deserialize(item).map(Some).map_err(|e| e.under(format!("[{i}]")))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// A list too long to read: its length is all a reader learns, and reading an item is the
/// error.
struct TooLong(usize);

impl<'de> SeqAccess<'de> for TooLong {
    type Error = InputError;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, _seed: T) -> Result<Option<T::Value>, InputError> {
        Err(InputError::custom(format!("at most {MAX_LIST} items (got an array of {})", self.0)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0)
    }
}

struct Entries<'de> {
    entries: std::slice::Iter<'de, (String, Input)>,
    value: Option<(&'de str, &'de Input)>,
}

impl<'de> MapAccess<'de> for Entries<'de> {
    type Error = InputError;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, InputError> {
        let Some((key, value)) = self.entries.next() else { return Ok(None) };
        self.value = Some((key, value));
        seed.deserialize(key.as_str().into_deserializer()).map(Some).map_err(|e: InputError| {
            // An unknown field names itself; any other error about a key is at that key.
            if e.key {
                e
            } else {
                e.under(excerpt(key))
            }
        })
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, InputError> {
        let (key, value) = self.value.take().ok_or_else(|| InputError::custom("a value without a key"))?;
        seed.deserialize(value).map_err(|e| e.under(excerpt(key)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Outer {
        flag: Option<bool>,
        inner: Option<Inner>,
        ids: Option<Vec<String>>,
        texts: Option<BTreeMap<String, String>>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        url: String,
    }

    fn fail(json: &str) -> InputError {
        let input = Input::from_json(&serde_json::from_str(json).unwrap());
        decode::<Outer>(&input).unwrap_err()
    }

    #[test]
    fn errors_name_the_field_and_say_what_was_wrong() {
        let e = fail(r#"{"flag": "yes"}"#);
        assert_eq!((e.field(), e.message()), ("flag".into(), "must be true or false (got a string)"));
        let e = fail(r#"{"inner": {"url": 5}}"#);
        assert_eq!((e.field(), e.message()), ("inner.url".into(), "must be a string (got a number)"));
        let e = fail(r#"{"inner": {}}"#);
        assert_eq!((e.field(), e.message()), ("inner".into(), "missing field `url`"));
        let e = fail(r#"{"ids": ["a", 7]}"#);
        assert_eq!((e.field(), e.message()), ("ids[1]".into(), "must be a string (got a number)"));
        let e = fail(r#"{"texts": {"a": null}}"#);
        assert_eq!(e.to_string(), "`texts.a`: must be a string (got null)");
        let e = fail(r#"{"inner": []}"#);
        assert_eq!(e.message(), "must be an object (got an array)");
    }

    #[test]
    fn an_unknown_field_names_itself_and_its_object() {
        let e = fail(r#"{"inner": {"url": "x", "colour": 1}}"#);
        assert_eq!((e.field(), e.place(), e.is_key()), ("inner.colour".into(), "inner".into(), true));
        assert_eq!(e.message(), "unknown field `colour` (known: url)");
        let e = fail(r#"{"colour": 1}"#);
        assert_eq!((e.field(), e.place()), ("colour".into(), String::new()));
        assert_eq!(e.to_string(), "unknown field `colour` (known: flag, inner, ids, texts)");
    }

    #[test]
    fn a_long_list_or_key_is_never_quoted_whole() {
        let ids: Vec<String> = (0..MAX_LIST + 1).map(|i| i.to_string()).collect();
        let e = fail(&serde_json::json!({ "ids": ids }).to_string());
        assert_eq!(e.message(), format!("at most {MAX_LIST} items (got an array of {})", MAX_LIST + 1));
        let long = "k\u{1b}".repeat(500);
        let e = fail(&serde_json::json!({ long.clone(): 1 }).to_string());
        assert!(e.message().len() < 200 && !e.message().contains('\u{1b}'), "{}", e.message());
    }
}
