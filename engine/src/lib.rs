//! # messenger-check engine
//!
//! Answers in, assessment out: `assess(&answers, catalog, lang)`. Pure and deterministic, no
//! I/O and no web dependency. The catalog (questions, rules, measures, messengers, sources,
//! texts in German and English) is data in `engine/catalog/`: loaded and validated from JSON
//! with the `load` feature, or baked into a program at build time with `bake`.
//!
//! ```
//! use engine::{assess, parse_answers, Catalog, Lang};
//! let catalog = Catalog::embedded();
//! let answers = parse_answers(r#"{"messenger": "whatsapp", "device": "private_phone"}"#, catalog).unwrap();
//! let a = assess(&answers, catalog, Lang::En).unwrap();
//! assert!(a.score > 0 && a.range.max >= a.score);
//! ```
//!
//! Who uses what:
//!
//! | | the widget (`src/`) | the CLI (`bin/assess.rs`) | library users and tests |
//! |---|---|---|---|
//! | `assess`, `model` (the assessment) | every change | `assess` | yes |
//! | `view` (`Summary`, `View`: the result in words) | every component | (`report` uses it) | yes |
//! | `documents` (the templates) | the templates section, `documents()` | `--document` | yes |
//! | `contract` (the inputs: options, theme, answers as given) | the bindings decode into it | | |
//! | `overrides` (an embedder's texts, alternatives, call to action) | `catalog` option | | text keys |
//! | `fragment` (the share link) | share links | | |
//! | `report` (Markdown, JSON export) | the downloads | `--format markdown` | |
//! | `schema` (JSON Schemas, TypeScript; feature `cli`) | | `--schema` | |
//! | `parse_answers`, `answers_from_value`, `answers_from_raw` | `answers_from_raw` | `parse_answers` | yes |
//! | `score`, `applicable`, `apply_change`, `property_details` | (`property_details` via `view`) | | yes |
//! | `catalog`, `text`, `limits`, `wording` | throughout | throughout | yes |
mod answers;
mod assess;
pub mod catalog;
mod cond;
pub mod contract;
mod data;
pub mod documents;
mod error;
pub mod fragment;
pub mod limits;
#[cfg(feature = "load")]
mod load;
pub mod model;
pub mod overrides;
mod properties;
pub mod report;
#[cfg(feature = "cli")]
pub mod schema;
mod score;
mod search;
pub mod text;
pub mod view;
pub mod wording;
mod words;

pub use answers::{Answer, AnswerError, Answers, Change, JsonError, RawValue};
pub use assess::{applicable, assess, property_details, score};
pub use catalog::{Catalog, CatalogError};
pub use model::*;
pub use overrides::Overrides;
pub use score::{answers_from_raw, answers_from_value, apply_change, parse_answers};
pub use text::{Lang, Text};

/// The paths the code that `catalog::bake` generates refers to. Not an API.
#[doc(hidden)]
pub mod __baked {
    pub use crate::catalog::*;
    pub use crate::cond::Compiled;
    pub use crate::text::Text;
    /// The templates' items (their names would clash with the catalog's).
    pub mod documents {
        pub use crate::documents::{
            BlockTemplate, Case, DocId, DocTemplate, FactTemplate, ListTemplate, Piece, Refusal, SectionTemplate,
            Setup, Status, Templates,
        };
    }
}
