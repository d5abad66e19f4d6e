//! The catalog files as they are written (`engine/catalog/*.json`): what serde reads before
//! `validate` checks it and turns it into the catalog's items. Changing a shape here changes
//! what the files may say, never the assessment's JSON (those types are in `model`).
use std::collections::BTreeMap;

use serde::Deserialize;

use crate::answers::Answer;
use crate::cond::Cond;
use crate::properties::PropValue;
use crate::text::Text;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub version: String,
    pub as_of: String,
    pub bands: Vec<BandDef>,
    pub disclaimer: Text,
    pub formula: Text,
    pub facts: Vec<Fact>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BandDef {
    pub id: String,
    pub min: u8,
    pub label: Text,
    pub advice: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub text: Text,
    pub status: FactStatus,
    pub checked: String,
    pub sources: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactStatus {
    Verified,
    Unknown,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub checked: Option<String>,
    pub kind: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionsFile {
    pub sections: Vec<Section>,
    pub questions: Vec<Question>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub section: String,
    #[serde(default)]
    pub multi: bool,
    #[serde(default)]
    pub min_choices: u8,
    #[serde(default)]
    pub ask_when: Option<Cond>,
    #[serde(default = "yes")]
    pub what_if: bool,
    pub title: Text,
    pub why: Text,
    pub options: Vec<QOption>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QOption {
    pub id: String,
    pub label: Text,
    #[serde(default)]
    pub hint: Option<Text>,
    #[serde(default = "yes")]
    pub suggest: bool,
    #[serde(default)]
    pub suggest_when: Option<Cond>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub title: Text,
    pub text: Text,
    pub law: Text,
    pub sources: Vec<String>,
    #[serde(default)]
    pub when: Option<Cond>,
    pub cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub when: Cond,
    pub points: u32,
    #[serde(default)]
    pub text: Option<Text>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    pub id: String,
    pub title: Text,
    pub text: Text,
    pub law: Text,
    pub sources: Vec<String>,
    pub changes: Vec<Change>,
    #[serde(default)]
    pub when: Option<Cond>,
    #[serde(default)]
    pub reach: Option<Reach>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reach {
    pub when: Cond,
    pub text: Text,
}

/// An answer change as the files write it: `set` replaces the answer (one id, or a list for a
/// multi question); `add` and `remove` change a multi question's selection.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub question: String,
    #[serde(default)]
    pub set: Option<Answer>,
    #[serde(default)]
    pub add: Vec<String>,
    #[serde(default)]
    pub remove: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Messenger {
    pub id: String,
    pub name: String,
    pub recommend: bool,
    pub summary: Text,
    pub operator: Text,
    pub cost: Text,
    pub properties: BTreeMap<String, Property>,
    pub base_fit: i32,
    pub fit: Vec<FitRule>,
    #[serde(default)]
    pub assume: Vec<Change>,
    #[serde(default)]
    pub offer_when: Option<Cond>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Property {
    pub value: PropValue,
    #[serde(default)]
    pub note: Option<Text>,
    #[serde(default)]
    pub sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitRule {
    pub when: Cond,
    pub points: i32,
    pub reason: Text,
}
