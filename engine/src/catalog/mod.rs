//! The catalog: questions, rules, measures, messengers, sources, texts and the document
//! templates, as data.
//!
//! The files are JSON in `engine/catalog/`. With the `load` feature (native builds: the CLI, the
//! tests, the widget's build script) they are parsed and validated into a `Catalog`; an error
//! names the file, the entry and the field. With the `bake` feature a validated catalog writes
//! itself out as Rust code: the widget's build script does that, so the WebAssembly holds the
//! catalog as static data and never parses or validates JSON (a broken catalog fails the build
//! with the same error).
//!
//! Architecture invariant: a `Catalog` is always valid. Its fields are private; only loading
//! (`from_files`), baking (`__baked`, for generated code) and embedder overrides
//! (`with_overrides`, which re-checks what it changes) make one.

use crate::text::{Lang, Text};

mod items;
pub mod templates;
pub use crate::properties::{KeyFacts, PropValue, Properties, Property, PROPERTIES};
pub use items::*;

#[cfg(feature = "bake")]
mod bake;
#[cfg(feature = "bake")]
pub use bake::bake;
#[cfg(feature = "load")]
mod files;
#[cfg(feature = "load")]
pub(crate) mod read;
#[cfg(feature = "load")]
mod validate;
#[cfg(feature = "load")]
pub use read::EMBEDDED_FILES;

pub use crate::error::CatalogError;

pub use crate::data::{List, Str};

/// The prefix of a source that stands for the sources of a sector profile's value
/// (`sector:retention_text`): the sources the profile gives that value.
pub(crate) const PROFILE_SOURCES: &str = "sector:";

/// A band of the scale: low, moderate, high, critical (the catalog gives each its lowest score).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Band {
    Low,
    Moderate,
    High,
    Critical,
}

impl Band {
    pub fn id(self) -> &'static str {
        match self {
            Band::Low => "low",
            Band::Moderate => "moderate",
            Band::High => "high",
            Band::Critical => "critical",
        }
    }

    pub fn from_id(id: &str) -> Option<Band> {
        [Band::Low, Band::Moderate, Band::High, Band::Critical].into_iter().find(|b| b.id() == id)
    }
}

/// The catalog's data as `Catalog` holds it. Public only so that generated code (`bake`) can
/// write it; build a `Catalog` with `Catalog::from_files` instead.
#[doc(hidden)]
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = engine::__baked))]
pub struct CatalogData {
    pub meta: Meta,
    pub sources: List<Source>,
    pub sections: List<Section>,
    pub questions: List<Question>,
    pub rules: List<Rule>,
    pub measures: List<Measure>,
    pub messengers: List<Messenger>,
    /// One profile per option of the `sector` question, in the question's order.
    pub profiles: List<Profile>,
    /// Interface texts, sorted by key.
    pub ui: List<(Str, Text)>,
    pub call_to_action: Option<CallToAction>,
    /// The document templates (`templates.json`, see `crate::documents`).
    pub templates: templates::Templates,
    /// Source ids with their index in `sources`, sorted by id.
    pub source_index: List<(Str, usize)>,
    /// The points of the worst setup the questions allow (at most 100).
    pub max_points: u32,
    /// The single-choice question the most rules read (the messenger): the range search's
    /// bound branches on it.
    pub pivot: Option<usize>,
}

/// A loaded and validated catalog.
#[derive(Clone, Debug, PartialEq)]
pub struct Catalog {
    data: CatalogData,
}

impl Catalog {
    /// A catalog from data a validated catalog baked (generated code only: see `bake`).
    #[doc(hidden)]
    pub const fn __baked(data: CatalogData) -> Catalog {
        Catalog { data }
    }

    #[cfg(feature = "load")]
    pub(crate) fn from_data(data: CatalogData) -> Catalog {
        Catalog { data }
    }

    /// For embedder overrides, which copy what they change.
    pub(crate) fn data_mut(&mut self) -> &mut CatalogData {
        &mut self.data
    }

    /// Catalog version, e.g. `2026.11.1`.
    pub fn version(&self) -> &str {
        &self.data.meta.version
    }

    /// The date the facts and rules were last checked, `YYYY-MM-DD`.
    pub fn as_of(&self) -> &str {
        &self.data.meta.as_of
    }

    /// The bands, rising by `min`, the first from 0.
    pub fn bands(&self) -> &[BandDef] {
        &self.data.meta.bands
    }

    /// One calm line: this is not legal advice.
    pub fn disclaimer(&self) -> &Text {
        &self.data.meta.disclaimer
    }

    /// How the score is computed, in words.
    pub fn formula(&self) -> &Text {
        &self.data.meta.formula
    }

    /// Dated legal facts the rules rest on.
    pub fn facts(&self) -> &[Fact] {
        &self.data.meta.facts
    }

    pub fn sources(&self) -> &[Source] {
        &self.data.sources
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        let index = &self.data.source_index;
        index.binary_search_by(|(k, _)| k.as_ref().cmp(id)).ok().map(|i| &self.data.sources[index[i].1])
    }

    pub fn sections(&self) -> &[Section] {
        &self.data.sections
    }

    /// The questions in the order they are asked.
    pub fn questions(&self) -> &[Question] {
        &self.data.questions
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_idx(id).map(|i| &self.data.questions[i])
    }

    pub(crate) fn question_idx(&self, id: &str) -> Option<usize> {
        self.data.questions.iter().position(|q| q.id == id)
    }

    pub fn rules(&self) -> &[Rule] {
        &self.data.rules
    }

    pub fn measures(&self) -> &[Measure] {
        &self.data.measures
    }

    pub fn messengers(&self) -> &[Messenger] {
        &self.data.messengers
    }

    pub fn messenger(&self, id: &str) -> Option<&Messenger> {
        self.data.messengers.iter().find(|m| m.id == id)
    }

    /// The sector profiles (`sectors.json`), in the order of the `sector` question's options.
    pub fn profiles(&self) -> &[Profile] {
        &self.data.profiles
    }

    /// The profile of a sector (an option id of `sector`).
    pub fn profile(&self, sector: &str) -> Option<&Profile> {
        self.data.profiles.iter().find(|p| p.id == sector)
    }

    /// The profile whose words stand while the sector is not answered.
    pub fn default_profile(&self) -> &Profile {
        self.data.profiles.iter().find(|p| p.default).expect("a valid catalog has a default profile")
    }

    /// An interface text (`ui.json`); `?` if the catalog lacks it (a test checks that every
    /// key the front-ends use exists in both languages).
    pub fn ui(&self, key: &str, lang: Lang) -> &str {
        self.ui_text(key).map(|t| t.get(lang)).unwrap_or("?")
    }

    /// An interface text in both languages.
    pub fn ui_text(&self, key: &str) -> Option<&Text> {
        let ui = &self.data.ui;
        ui.binary_search_by(|(k, _)| k.as_ref().cmp(key)).ok().map(|i| &ui[i].1)
    }

    /// Every interface text key.
    pub fn ui_keys(&self) -> impl Iterator<Item = &str> {
        self.data.ui.iter().map(|(k, _)| k.as_ref())
    }

    /// An embedder's call to action (label and link), if any.
    pub fn call_to_action(&self) -> Option<&CallToAction> {
        self.data.call_to_action.as_ref()
    }

    /// The document templates (`templates.json`), with an embedder's choices (see
    /// `crate::documents`).
    pub fn templates(&self) -> &templates::Templates {
        &self.data.templates
    }

    /// The band a score falls in.
    pub fn band_of(&self, score: u8) -> Band {
        self.bands().iter().rev().find(|b| score >= b.min).and_then(|b| Band::from_id(&b.id)).unwrap_or(Band::Low)
    }

    /// The band's definition.
    pub fn band(&self, band: Band) -> &BandDef {
        self.bands().iter().find(|b| b.id == band.id()).expect("a valid catalog defines every band")
    }

    /// The band's name in `lang`.
    pub fn band_label(&self, band: Band, lang: Lang) -> &str {
        self.band(band).label.get(lang)
    }

    /// Whether the facts are more than a year old on `today` (`YYYY-MM-DD`, the visitor's
    /// date): the widget then says that they may be out of date. A date it cannot read is
    /// never stale.
    pub fn stale_on(&self, today: &str) -> bool {
        let ymd = |d: &str| -> Option<(u32, u32, u32)> {
            let mut p = d.splitn(3, '-');
            Some((p.next()?.parse().ok()?, p.next()?.parse().ok()?, p.next()?.get(..2)?.parse().ok()?))
        };
        match (ymd(self.as_of()), ymd(today)) {
            (Some((y, m, d)), Some(t)) => t > (y + 1, m, d),
            _ => false,
        }
    }

    pub(crate) fn max_points(&self) -> u32 {
        self.data.max_points
    }

    pub(crate) fn pivot(&self) -> Option<usize> {
        self.data.pivot
    }
}
