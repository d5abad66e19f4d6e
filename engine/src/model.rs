//! The assessment, as the contract (`docs/contract.md`) defines it: the public JSON. These
//! types are apart from the catalog's, so that changing a catalog file never changes them.
use serde::{Deserialize, Serialize};

use crate::answers::{Answer, Answers};
pub use crate::properties::{KeyFacts, PropValue};
use crate::text::Lang;

#[cfg(feature = "cli")]
use schemars::JsonSchema;

/// The result of `assess`: everything a front-end shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema, ts_rs::TS))]
pub struct Assessment {
    /// 0..=100, higher is riskier: the sum of the factors' points. There is no cap: the
    /// catalog's points are set so that the worst setup the questions allow reaches at most
    /// 100 (checked when the catalog loads), so a worse setup always scores higher.
    pub score: u8,
    /// The band of the score. While `provisional`, the open questions could still move the
    /// score into a higher band (up to `band_max`): show the range, not a verdict.
    pub band: Band,
    /// Whether the band can still change: `band` (of the lowest reachable score) and
    /// `band_max` (of the highest) differ. Then no verdict is given yet.
    pub provisional: bool,
    /// The band of `range.max`: the highest band the open questions can still lead to.
    pub band_max: Band,
    /// The band's name and advice in the assessment's language.
    pub band_label: String,
    pub band_advice: String,
    /// Lowest and highest score still reachable by answering the open questions.
    pub range: Range,
    /// The sum of the factors' points: equal to `score` (kept for readers of catalog
    /// 2026.11.0, which capped the score at 100).
    pub points: u32,
    pub progress: Progress,
    /// The questions that apply to these answers now, in the order they are asked.
    pub applicable: Vec<String>,
    /// What drives the score, largest first.
    pub factors: Vec<Factor>,
    /// Steps that lower this visitor's score, most effective first.
    pub measures: Vec<MeasureResult>,
    /// Messengers ranked by fit for this visitor.
    pub alternatives: Vec<Alternative>,
    /// Single answer changes that lower the score most.
    pub what_if: Vec<WhatIf>,
    /// Questions answered with an option that decides nothing yet (`messenger: undecided`):
    /// they count as open, so there is no verdict; the alternatives help to choose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub undecided: Vec<String>,
    pub catalog: CatalogRef,
    #[cfg_attr(feature = "cli", ts(type = "Lang"))]
    pub lang: Lang,
    /// How the score is computed, for the visitor.
    pub formula: String,
    /// One calm line: this is not legal advice.
    pub disclaimer: String,
}

/// The band of a score (its boundaries are the catalog's, `meta.json`).
pub use crate::catalog::Band;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema, ts_rs::TS))]
pub struct Range {
    pub min: u8,
    pub max: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema, ts_rs::TS))]
pub struct Progress {
    /// Applicable questions with an answer.
    pub answered: u32,
    /// Questions that apply now.
    pub applicable: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema, ts_rs::TS))]
pub struct Factor {
    pub id: String,
    pub points: u32,
    pub title: String,
    pub text: String,
    /// The norms, cited in the assessment's language (`Art. 6 Abs. 1 lit. b DSGVO`,
    /// `Art. 6(1)(b) GDPR`).
    pub law: String,
    pub sources: Vec<SourceRef>,
}

/// A source as an assessment cites it: its title in the assessment's language. (The catalog's
/// file type is `catalog::Source`; this one is the public JSON.)
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema, ts_rs::TS))]
pub struct SourceRef {
    pub id: String,
    pub title: String,
    /// The specific document, if it has an address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub url: Option<String>,
    /// Publication date, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub date: Option<String>,
    /// When it was last checked, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub checked: Option<String>,
    /// Only secondary sources confirm it (the title says so too).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reported: bool,
    /// `law`, `court`, `authority`, `vendor`, `press` or `secondary` (an article by a named
    /// publisher, not a primary source).
    #[cfg_attr(feature = "cli", ts(type = "SourceKind"))]
    pub kind: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema, ts_rs::TS))]
pub struct MeasureResult {
    pub id: String,
    pub title: String,
    pub text: String,
    /// The norms, in the assessment's language.
    pub law: String,
    /// What the measure costs in reach for this visitor (e.g. few customers have the app),
    /// if anything; such measures come after those that cost no reach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub reach: Option<String>,
    pub sources: Vec<SourceRef>,
    /// The answers this measure changes (apply them to see its effect).
    #[cfg_attr(feature = "cli", ts(type = "Answers"))]
    pub changes: Answers,
    /// The score after the measure.
    pub score: u8,
    /// How many points the measure removes.
    pub gain: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema, ts_rs::TS))]
pub struct WhatIf {
    pub question: String,
    pub answer: Answer,
    /// What the change costs in reach for this visitor (a messenger few of the people on the
    /// other side have), if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub reach: Option<String>,
    /// The question and the new answer in words.
    pub question_text: String,
    pub answer_text: String,
    /// The score with this one change, computed by the engine.
    pub score: u8,
    pub band: Band,
    pub gain: u8,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema, ts_rs::TS))]
pub struct Alternative {
    #[cfg_attr(feature = "cli", ts(type = "MessengerId"))]
    pub id: String,
    pub name: String,
    /// 0..=100: how well it fits this visitor's needs.
    pub fit: u8,
    /// Whether it is the messenger the visitor uses now.
    pub current: bool,
    pub summary: String,
    /// Why it fits (positive) or what speaks against it (negative).
    pub reasons: Vec<Reason>,
    /// What it costs the business.
    pub cost: String,
    /// The visitor's score if they used this messenger, all else equal; `None` for a
    /// messenger the rules cannot judge (one that is not an option of `messenger`).
    pub score_if_used: Option<u8>,
    /// The key facts side by side (`unknown` where no source could verify them). Their
    /// labels, notes and sources do not depend on the answers: `engine::property_details`.
    pub key_facts: KeyFacts,
    /// The sources of the facts its summary and cost state.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema, ts_rs::TS))]
pub struct Reason {
    pub text: String,
    pub positive: bool,
}

/// A messenger property in words, with its sources (`engine::property_details`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema, ts_rs::TS))]
pub struct PropertyResult {
    pub id: String,
    pub label: String,
    pub value: PropValue,
    pub value_text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub note: Option<String>,
    pub sources: Vec<SourceRef>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(JsonSchema, ts_rs::TS))]
pub struct CatalogRef {
    pub version: String,
    pub as_of: String,
}
