//! # messenger-check engine
//!
//! Answers in, assessment out: `assess(&answers, catalog, lang)`. Pure and deterministic, no
//! I/O and no web dependency. The catalog (questions, rules, measures, messengers, sources,
//! texts in German and English) is data in `engine/catalog/`, embedded at build time.
//!
//! ```
//! use engine::{assess, parse_answers, Catalog, Lang};
//! let catalog = Catalog::embedded();
//! let answers = parse_answers(r#"{"messenger": "whatsapp", "device": "private_phone"}"#, catalog).unwrap();
//! let a = assess(&answers, catalog, Lang::En).unwrap();
//! assert!(a.score > 0 && a.range.max >= a.score);
//! ```
pub mod answers;
pub mod assess;
pub mod catalog;
pub mod cond;
pub mod documents;
pub mod fragment;
pub mod model;
pub mod overrides;
pub mod report;
pub mod schema;
pub mod text;
pub mod wording;

pub use answers::{answers_from_value, apply_change, parse_answers, Answer, AnswerError, Answers};
pub use assess::{applicable, assess, property_details, score};
pub use catalog::{Catalog, CatalogError, Change};
pub use model::*;
pub use overrides::Overrides;
pub use text::{Lang, Text};
