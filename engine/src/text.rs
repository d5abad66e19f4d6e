//! Languages and bilingual texts.
use serde::{Deserialize, Serialize};

use crate::data::Str;

/// A language the catalog is written in. German is the main language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    /// Every language, the main one first. The one list of languages: Rust code asks it, and
    /// the JavaScript side gets it from the wasm (`languages()` in the bindings).
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// The language code, `de` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// The language's name in itself ("Deutsch", "English"), for language pickers.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::De => "Deutsch",
            Lang::En => "English",
        }
    }

    /// The language of an exact code (`de`, `en`), as options and flags take it.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The codes of all languages for an error message: "de or en".
    pub fn codes_or() -> String {
        crate::limits::or_list(&Lang::ALL.map(Lang::code))
    }

    /// Parses a language code such as `de`, `en`, `de-DE` or `en_GB` (case-insensitive).
    pub fn parse(code: &str) -> Option<Lang> {
        let base = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        Lang::from_code(&base)
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in every language of the catalog. Both must be present and non-empty.
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "load", derive(Deserialize), serde(deny_unknown_fields))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = engine::__baked))]
pub struct Text {
    pub de: Str,
    pub en: Str,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::De => &self.de,
            Lang::En => &self.en,
        }
    }

    pub fn get_mut(&mut self, lang: Lang) -> &mut String {
        match lang {
            Lang::De => self.de.to_mut(),
            Lang::En => self.en.to_mut(),
        }
    }

    /// A text from its two languages.
    pub fn new(de: impl Into<Str>, en: impl Into<Str>) -> Text {
        Text { de: de.into(), en: en.into() }
    }

    /// An embedder's text given in some languages: each language left empty gets the text of
    /// the first one given (the main language first), so one language is enough. `false` if
    /// none is given.
    pub fn fill_missing(&mut self) -> bool {
        let Some(given) = Lang::ALL.into_iter().find(|l| !self.get(*l).is_empty()) else {
            return false;
        };
        let text = self.get(given).to_string();
        for l in Lang::ALL {
            if self.get(l).is_empty() {
                *self.get_mut(l) = text.clone();
            }
        }
        true
    }

    /// The first language whose text is empty, if any.
    pub fn missing(&self) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| self.get(*l).trim().is_empty())
    }
}
