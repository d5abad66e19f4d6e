//! The contract's inputs: what the front-ends are given from outside, defined once. The
//! widget's bindings decode `mount()`'s, `evaluate()`'s, `documents()`'s and `start()`'s
//! options, the theme and the answers into these types with serde ([`decode`] from an
//! [`Input`]); an error is an [`InputError`], which names the field. The outputs are the
//! assessment (`model`) and the documents (`documents`), whose TypeScript `schema` writes, and
//! the view of an assessment that the widget's components render ([`View`], [`Summary`], from
//! `view`).
//!
//! What needs a browser stays in the bindings: the functions among the options (`onChange`,
//! `onOffline`, read there and only listed here), and resolving a theme value to what the
//! browser computes for it (a colour, a length).
use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::answers::RawValue;
use crate::documents::render::Format;
use crate::limits::{excerpt, or_list, MAX_LIST};
use crate::overrides::Overrides;
use crate::text::Lang;

pub mod input;

pub use crate::view::{AlternativeView, AnswerLine, FactView, FactorView, MeasureView, Summary, View};
pub use input::{decode, Input, InputError};

/// The options of `mount()`. Every option is checked before anything renders: a bad one
/// throws an Error that names it (`field`), and the element stays as it was.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct MountOptions {
    /// The language to start in; the main language (the first of `LANGUAGES`) by default.
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional, type = "Lang"))]
    pub lang: Option<Language>,
    /// Answers to start with (prefilled).
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional, type = "Answers"))]
    pub answers: Option<AnswersInput>,
    /// Overrides: texts, recommended or hidden alternatives, a call to action, the templates.
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional, type = "CatalogOverrides"))]
    pub catalog: Option<Overrides>,
    /// The theme: "light" | "dark" | "auto", or colours, font, radius, spacing.
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional, type = "Scheme | Theme"))]
    pub theme: Option<Theme>,
    /// Called after the first render and after every change of answers or language (a
    /// function: the bindings read it themselves).
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional, type = "(assessment: Assessment, answers: Answers) => void"))]
    pub on_change: Option<IgnoredAny>,
    /// Adopt the widget's stylesheet into the element's document or shadow root (default
    /// true; the npm package reads it).
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub styles: Option<bool>,
    /// Read a share link from `location.hash`, and offer the visitor a link with the answers,
    /// which goes into the page's address only once the visitor asks for it (until "forget").
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub share_link: Option<bool>,
}

/// The options of `evaluate()`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct EvaluateOptions {
    /// The language of the assessment's texts; the main language (the first of `LANGUAGES`) by default.
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional, type = "Lang"))]
    pub lang: Option<Language>,
}

/// The options of `documents()`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "cli", derive(ts_rs::TS))]
pub struct DocumentsOptions {
    /// The language of the documents; the main language (the first of `LANGUAGES`) by default.
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional, type = "Lang"))]
    pub lang: Option<Language>,
    /// Blank id to text, e.g. `{ company: "Müller GmbH" }` (`null`: left blank); an unknown
    /// blank id is an error.
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional, type = "Partial<Record<BlankId, string | null>>"))]
    pub blanks: Option<BTreeMap<String, Option<String>>>,
    /// "json" (the default: the structured documents), "markdown" or "html" (the text
    /// `assess --document` prints).
    #[serde(default)]
    #[cfg_attr(feature = "cli", ts(optional, type = "DocumentFormat"))]
    pub format: Option<FormatId>,
}

/// The options of `start()` (the demo page).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct StartOptions {
    /// Whether the page works offline already.
    #[serde(default)]
    pub offline: Option<bool>,
    /// A function, which the bindings read themselves.
    #[serde(default)]
    pub on_offline: Option<IgnoredAny>,
}

/// A language, as options give it: its code (`"de"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language(pub Lang);

impl<'de> Deserialize<'de> for Language {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Language, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Language;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let codes: Vec<String> = Lang::ALL.iter().map(|l| format!("\"{}\"", l.code())).collect();
                write!(f, "a string: {}", or_list(&codes))
            }
            fn visit_str<E: de::Error>(self, code: &str) -> Result<Language, E> {
                Lang::from_code(code).map(Language).ok_or_else(|| {
                    E::custom(format!("unknown language `{}` (use {})", excerpt(code), Lang::codes_or()))
                })
            }
        }
        d.deserialize_str(V)
    }
}

/// A format of `documents()`: `"json"` (the structured documents), `"markdown"` or `"html"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatId(pub Format);

impl<'de> Deserialize<'de> for FormatId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<FormatId, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = FormatId;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let ids: Vec<String> = Format::IDS.iter().map(|id| format!("\"{id}\"")).collect();
                write!(f, "a string: {}", or_list(&ids))
            }
            fn visit_str<E: de::Error>(self, id: &str) -> Result<FormatId, E> {
                // Only the ids the API documents (`from_id` also takes the CLI's `md`).
                match Format::IDS.contains(&id).then(|| Format::from_id(id)).flatten() {
                    Some(format) => Ok(FormatId(format)),
                    None => Err(E::custom(format!("unknown format `{}` (use {})", excerpt(id), or_list(&Format::IDS)))),
                }
            }
        }
        d.deserialize_str(V)
    }
}

/// A colour scheme: fixed, or `auto`, the host page's `color-scheme`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
    Auto,
}

impl Scheme {
    pub const ALL: [Scheme; 3] = [Scheme::Light, Scheme::Dark, Scheme::Auto];

    /// Its id, as options and the `data-mc-scheme` attribute write it.
    pub fn id(self) -> &'static str {
        match self {
            Scheme::Light => "light",
            Scheme::Dark => "dark",
            Scheme::Auto => "auto",
        }
    }

    fn from_id(id: &str) -> Option<Scheme> {
        Scheme::ALL.into_iter().find(|s| s.id() == id)
    }

    fn unknown<E: de::Error>(id: &str) -> E {
        E::custom(format!("unknown scheme `{}` (use light, dark or auto)", excerpt(id)))
    }
}

impl<'de> Deserialize<'de> for Scheme {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scheme, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scheme;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("\"light\", \"dark\" or \"auto\"")
            }
            fn visit_str<E: de::Error>(self, id: &str) -> Result<Scheme, E> {
                Scheme::from_id(id).ok_or_else(|| Scheme::unknown(id))
            }
        }
        d.deserialize_str(V)
    }
}

/// A field of the theme: its name in the `theme` option, the CSS custom property it sets, and
/// the CSS property a value must be valid for.
#[derive(Debug, PartialEq, Eq)]
pub struct ThemeField {
    pub name: &'static str,
    pub property: &'static str,
    pub kind: &'static str,
}

/// The theme's fields besides `scheme`, the documented custom properties (www/npm/theme.css).
pub const THEME_FIELDS: [ThemeField; 6] = [
    ThemeField { name: "accent", property: "--mc-accent", kind: "color" },
    ThemeField { name: "text", property: "--mc-text", kind: "color" },
    ThemeField { name: "background", property: "--mc-bg", kind: "color" },
    ThemeField { name: "font", property: "--mc-font", kind: "font-family" },
    ThemeField { name: "radius", property: "--mc-radius", kind: "border-radius" },
    ThemeField { name: "spacing", property: "--mc-space", kind: "padding" },
];

/// The names a theme object may have, for the message about one it may not.
const THEME_KEYS: &[&str] = &["scheme", "accent", "text", "background", "font", "radius", "spacing"];

/// The longest theme value read, in characters.
pub const MAX_THEME_VALUE: usize = 200;

/// A theme: a scheme alone (`"dark"`), or an object of a scheme and values for the fields.
/// A value is checked here as text (short, one declaration's worth); what the browser makes of
/// it is the bindings' check.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Theme {
    pub scheme: Option<Scheme>,
    /// The fields given, in their order, with their values trimmed.
    pub values: Vec<(&'static ThemeField, String)>,
}

impl<'de> Deserialize<'de> for Theme {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Theme, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Theme;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object or \"light\", \"dark\", \"auto\"")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Theme, E> {
                Ok(Theme::default())
            }
            fn visit_str<E: de::Error>(self, id: &str) -> Result<Theme, E> {
                let scheme = Scheme::from_id(id).ok_or_else(|| Scheme::unknown::<E>(id))?;
                Ok(Theme { scheme: Some(scheme), values: Vec::new() })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Theme, A::Error> {
                let mut theme = Theme::default();
                while let Some(key) = map.next_key::<String>()? {
                    if key == "scheme" {
                        theme.scheme = map.next_value::<Option<Scheme>>()?;
                        continue;
                    }
                    let Some(field) = THEME_FIELDS.iter().find(|f| f.name == key) else {
                        return Err(de::Error::unknown_field(&key, THEME_KEYS));
                    };
                    if let Some(ThemeValue(value)) = map.next_value::<Option<ThemeValue>>()? {
                        theme.values.push((field, value));
                    }
                }
                Ok(theme)
            }
        }
        d.deserialize_any(V)
    }
}

/// A theme value as text: at most `MAX_THEME_VALUE` characters, and no way out of one CSS
/// declaration.
struct ThemeValue(String);

impl<'de> Deserialize<'de> for ThemeValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ThemeValue, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = ThemeValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ThemeValue, E> {
                let len = v.chars().count();
                if len > MAX_THEME_VALUE {
                    return Err(E::custom(format!("at most {MAX_THEME_VALUE} characters (got {len})")));
                }
                let text = v.trim();
                if text.is_empty() || text.contains([';', '{', '}', '<', '>']) {
                    return Err(E::custom(format!("`{}` is not a valid CSS value", excerpt(text))));
                }
                Ok(ThemeValue(text.to_string()))
            }
        }
        d.deserialize_str(V)
    }
}

/// Answers as they are given (question id to option id or ids), before the catalog checks
/// them (`answers_from_raw`): in their order, each value as far as it was read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AnswersInput(pub Vec<(String, RawValue)>);

impl<'de> Deserialize<'de> for AnswersInput {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<AnswersInput, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = AnswersInput;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of question id to option id(s)")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<AnswersInput, A::Error> {
                let mut out = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value = map.next_value::<AnswerValue>()?;
                    out.push((key, value.0));
                }
                Ok(AnswersInput(out))
            }
        }
        d.deserialize_map(V)
    }
}

/// One answer's value: whatever it is, it is read (the catalog's check words the error).
struct AnswerValue(RawValue);

/// An item of an answer's list: an id, or what it was instead.
struct AnswerItem(Result<String, String>);

macro_rules! other {
    ($($method:ident($($t:ty)?) => $what:expr),* $(,)?) => {
        $(fn $method<E: de::Error>(self $(, _: $t)?) -> Result<Self::Value, E> {
            Ok(Self::Value::other($what))
        })*
    };
}

impl AnswerValue {
    fn other(what: &str) -> AnswerValue {
        AnswerValue(RawValue::Other(what.to_string()))
    }
}

impl AnswerItem {
    fn other(what: &str) -> AnswerItem {
        AnswerItem(Err(what.to_string()))
    }
}

impl<'de> Deserialize<'de> for AnswerValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<AnswerValue, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = AnswerValue;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an option id or a list of them")
            }
            fn visit_unit<E: de::Error>(self) -> Result<AnswerValue, E> {
                Ok(AnswerValue(RawValue::Null))
            }
            fn visit_none<E: de::Error>(self) -> Result<AnswerValue, E> {
                Ok(AnswerValue(RawValue::Null))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AnswerValue, E> {
                Ok(AnswerValue(RawValue::Str(v.to_string())))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AnswerValue, A::Error> {
                // A list longer than any is not read: its length is enough to refuse it.
                match seq.size_hint() {
                    Some(n) if n > MAX_LIST => return Ok(AnswerValue(RawValue::TooLong(n))),
                    _ => {}
                }
                let mut items = Vec::new();
                while let Some(AnswerItem(item)) = seq.next_element()? {
                    items.push(item);
                }
                Ok(AnswerValue(RawValue::List(items)))
            }
            fn visit_map<A: MapAccess<'de>>(self, _map: A) -> Result<AnswerValue, A::Error> {
                Ok(AnswerValue::other("an object"))
            }
            other! { visit_bool(bool) => "a boolean", visit_i64(i64) => "a number", visit_u64(u64) => "a number",
            visit_f64(f64) => "a number" }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for AnswerItem {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<AnswerItem, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = AnswerItem;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an option id")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AnswerItem, E> {
                Ok(AnswerItem(Ok(v.to_string())))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, _seq: A) -> Result<AnswerItem, A::Error> {
                Ok(AnswerItem::other("an array"))
            }
            fn visit_map<A: MapAccess<'de>>(self, _map: A) -> Result<AnswerItem, A::Error> {
                Ok(AnswerItem::other("an object"))
            }
            other! { visit_unit() => "null", visit_none() => "null", visit_bool(bool) => "a boolean",
            visit_i64(i64) => "a number", visit_u64(u64) => "a number", visit_f64(f64) => "a number" }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(json: &str) -> Input {
        Input::from_json(&serde_json::from_str(json).unwrap())
    }

    fn mount(json: &str) -> Result<MountOptions, InputError> {
        decode(&input(json))
    }

    #[test]
    fn mount_options_decode_and_errors_name_the_option() {
        let o = mount(r#"{"lang": "en", "styles": false, "shareLink": true, "theme": "dark"}"#).unwrap();
        assert_eq!(o.lang, Some(Language(Lang::En)));
        assert_eq!((o.styles, o.share_link), (Some(false), Some(true)));
        assert_eq!(o.theme.unwrap().scheme, Some(Scheme::Dark));
        let e = mount(r#"{"lang": "fr"}"#).unwrap_err();
        assert_eq!(e.to_string(), "`lang`: unknown language `fr` (use de or en)");
        let e = mount(r#"{"lang": 7}"#).unwrap_err();
        assert_eq!(e.to_string(), "`lang`: must be a string: \"de\" or \"en\" (got a number)");
        let e = mount(r#"{"colour": "red"}"#).unwrap_err();
        assert_eq!((e.field(), e.is_key()), ("colour".into(), true));
        assert!(e.message().contains("(known: lang, answers, catalog, theme, onChange, styles, shareLink)"));
        let e = mount(r#"{"catalog": {"call_to_action": {"label": {"de": "x"}, "url": 5}}}"#).unwrap_err();
        assert_eq!(e.to_string(), "`catalog.call_to_action.url`: must be a string (got a number)");
        let e = mount(r#"{"catalog": {"alternatives": {"hide": ["wire", 3]}}}"#).unwrap_err();
        assert_eq!(e.field(), "catalog.alternatives.hide[1]");
    }

    #[test]
    fn a_theme_is_a_scheme_or_an_object_of_its_fields() {
        let o = mount(r##"{"theme": {"scheme": "auto", "accent": " #c00 ", "radius": null}}"##).unwrap();
        let theme = o.theme.unwrap();
        assert_eq!(theme.scheme, Some(Scheme::Auto));
        assert_eq!(theme.values, vec![(&THEME_FIELDS[0], "#c00".to_string())]);
        let e = mount(r#"{"theme": {"colour": "red"}}"#).unwrap_err();
        assert_eq!(e.place(), "theme");
        assert_eq!(
            e.message(),
            "unknown field `colour` (known: scheme, accent, text, background, font, radius, spacing)"
        );
        assert_eq!(
            mount(r#"{"theme": "sepia"}"#).unwrap_err().message(),
            "unknown scheme `sepia` (use light, dark or auto)"
        );
        assert_eq!(
            mount(r#"{"theme": {"font": "a;b"}}"#).unwrap_err().to_string(),
            "`theme.font`: `a;b` is not a valid CSS value"
        );
        assert_eq!(
            mount(r#"{"theme": 3}"#).unwrap_err().message(),
            "must be an object or \"light\", \"dark\", \"auto\" (got a number)"
        );
    }

    #[test]
    fn the_theme_keys_are_scheme_and_the_theme_fields() {
        let fields: Vec<&str> = std::iter::once("scheme").chain(THEME_FIELDS.iter().map(|f| f.name)).collect();
        assert_eq!(THEME_KEYS, fields.as_slice());
    }

    #[test]
    fn answers_are_read_as_given_for_the_catalog_to_check() {
        let o = mount(r#"{"answers": {"sector": "trade", "content": ["text", 5], "device": null, "x": {}}}"#).unwrap();
        let AnswersInput(mut pairs) = o.answers.unwrap();
        pairs.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(
            pairs,
            vec![
                ("content".into(), RawValue::List(vec![Ok("text".into()), Err("a number".into())])),
                ("device".into(), RawValue::Null),
                ("sector".into(), RawValue::Str("trade".into())),
                ("x".into(), RawValue::Other("an object".into())),
            ]
        );
        let long: Vec<&str> = vec!["text"; MAX_LIST + 1];
        let o = mount(&serde_json::json!({ "answers": { "content": long } }).to_string()).unwrap();
        assert_eq!(o.answers.unwrap().0, vec![("content".into(), RawValue::TooLong(MAX_LIST + 1))]);
        assert_eq!(
            mount(r#"{"answers": []}"#).unwrap_err().message(),
            "must be an object of question id to option id(s) (got an array)"
        );
    }

    #[test]
    fn documents_options_name_the_format_and_blanks() {
        let o: DocumentsOptions =
            decode(&input(r#"{"format": "html", "blanks": {"company": "Müller", "x": null}}"#)).unwrap();
        assert_eq!(o.format, Some(FormatId(Format::Html)));
        assert_eq!(o.blanks.unwrap().len(), 2);
        let e = decode::<DocumentsOptions>(&input(r#"{"format": "pdf"}"#)).unwrap_err();
        assert_eq!(e.to_string(), "`format`: unknown format `pdf` (use json, markdown or html)");
        let e = decode::<DocumentsOptions>(&input(r#"{"format": "md"}"#)).unwrap_err();
        assert_eq!(e.field(), "format", "only the ids the API documents");
        let e = decode::<DocumentsOptions>(&input(r#"{"blanks": {"company": 5}}"#)).unwrap_err();
        assert_eq!(e.to_string(), "`blanks.company`: must be a string (got a number)");
    }
}
