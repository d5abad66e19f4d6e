//! Languages and bilingual texts.
use serde::{Deserialize, Serialize};

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
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    /// Parses a language code such as `de`, `en`, `de-DE` or `en_GB` (case-insensitive).
    pub fn parse(code: &str) -> Option<Lang> {
        let base = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match base.as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in every language of the catalog. Both must be present and non-empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub de: String,
    pub en: String,
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
            Lang::De => &mut self.de,
            Lang::En => &mut self.en,
        }
    }

    /// The first language whose text is empty, if any.
    pub fn missing(&self) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| self.get(*l).trim().is_empty())
    }
}
