//! An assessment as a front-end shows it: every sentence, every number in words, the property
//! details of each alternative, the numbered sources and the templates on offer (or held back,
//! and why), made once here so that the widget,
//! its printed report and the Markdown report only lay them out (`contract` lists these types
//! among what crosses a boundary; they are Rust-only for now: no JavaScript function returns
//! them, so they have no TypeScript).
//!
//! Two parts, because they change at different speeds: the [`Summary`] (the score panel's
//! sentences) is made on every answer; the [`View`] (the lists and their details) once per
//! explanation, which the widget builds a frame later.
use serde::Serialize;

use crate::answers::Answers;
use crate::assess::property_details;
use crate::catalog::templates::DocId;
use crate::catalog::{Catalog, PropValue, PROPERTIES};
use crate::documents;
use crate::model::{Alternative, Assessment, Factor, MeasureResult, PropertyResult, SourceRef};
use crate::wording;

/// The score panel's sentences: the band (or the bands it may still end in), the advice (or why
/// there is none yet), how far the score can still move, and progress.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// "Hoch", or while provisional "noch offen, zwischen Gering und Hoch".
    pub band: String,
    /// The band's advice, or why there is no verdict yet.
    pub advice: String,
    /// "Der Wert kann noch auf N steigen", or that it is final.
    pub range: String,
    /// "N von M Fragen beantwortet".
    pub progress: String,
}

impl Summary {
    /// The sentences of `a` in its language.
    pub fn of(a: &Assessment, catalog: &Catalog) -> Summary {
        Summary {
            band: wording::band_line(a, catalog),
            advice: wording::advice_line(a, catalog),
            range: wording::range_line(a, catalog),
            progress: wording::progress_line(a, catalog),
        }
    }
}

/// A factor with its points in words and the numbers of its sources in [`View::sources`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactorView {
    pub factor: Factor,
    /// "5 Punkte".
    pub points: String,
    /// Its sources' numbers (from 1) in the view's numbered list.
    pub cited: Vec<u32>,
}

/// A measure with the points it takes off in words.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeasureView {
    pub measure: MeasureResult,
    /// "12 Punkte".
    pub gain: String,
}

/// A key fact of an alternative in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FactView {
    pub value: PropValue,
    /// "ja", "nein", "teilweise", "optional", "unbekannt".
    pub text: String,
}

/// An alternative with its key facts in words (in [`View::properties`] order), the notes on
/// them, and every source: those of its summary and cost first, then those of the key facts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlternativeView {
    pub alternative: Alternative,
    pub facts: Vec<FactView>,
    /// (property label, note) for each key fact with a note.
    pub notes: Vec<(String, String)>,
    pub sources: Vec<SourceRef>,
}

/// A question and its answer in words ("not answered" while open).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AnswerLine {
    pub question: String,
    pub answer: String,
}

/// The templates for these answers: those that fit, in the order policy, consent, record,
/// checklist, and those the catalog holds back for this setup, each with the reason the
/// visitor reads (e.g. no consent form while a secrecy holder's chats go to a readable cloud
/// backup). Filling one (with the name the visitor types) is `documents::document`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DocumentsView {
    pub available: Vec<DocId>,
    pub refused: Vec<(DocId, String)>,
}

impl DocumentsView {
    /// The templates for `answers`, the reasons in `lang`.
    pub fn of(answers: &Answers, catalog: &Catalog, lang: crate::text::Lang) -> DocumentsView {
        DocumentsView {
            available: documents::available(answers, catalog).unwrap_or_default(),
            refused: documents::refusals(answers, catalog, lang).unwrap_or_default(),
        }
    }
}

/// The lists of an assessment as a front-end shows them.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct View {
    pub summary: Summary,
    pub factors: Vec<FactorView>,
    /// What to say when no factor applies ("nothing speaks against it" only when final).
    pub no_factors: String,
    /// The sources the factors cite, each once, in the order first cited.
    pub sources: Vec<SourceRef>,
    pub measures: Vec<MeasureView>,
    pub alternatives: Vec<AlternativeView>,
    /// The key facts' labels, in the order of every alternative's `facts`.
    pub properties: Vec<String>,
    /// The answers in words, in question order, for each question that applies.
    pub answers: Vec<AnswerLine>,
    /// The band scale: "Gering 0–12 · Mittel 13–29 · Hoch 30–49 · Kritisch 50–100".
    pub bands: String,
    pub documents: DocumentsView,
}

impl View {
    /// The view of `a`, the assessment of `answers`, in its language.
    pub fn of(a: &Assessment, answers: &Answers, catalog: &Catalog) -> View {
        let lang = a.lang;
        let mut sources: Vec<SourceRef> = Vec::new();
        let factors = a
            .factors
            .iter()
            .map(|f| {
                let cited = f.sources.iter().map(|s| number(&mut sources, s)).collect();
                FactorView { factor: f.clone(), points: wording::points(f.points, catalog, lang), cited }
            })
            .collect();
        let measures = a
            .measures
            .iter()
            .map(|m| MeasureView { measure: m.clone(), gain: wording::points(u32::from(m.gain), catalog, lang) })
            .collect();
        let alternatives = a.alternatives.iter().map(|alt| alternative(alt, catalog, lang)).collect();
        View {
            summary: Summary::of(a, catalog),
            factors,
            no_factors: wording::no_factors_line(a, catalog),
            sources,
            measures,
            alternatives,
            properties: PROPERTIES.iter().map(|key| catalog.ui(&format!("prop.{key}"), lang).to_string()).collect(),
            answers: wording::answer_lines(answers, a, catalog)
                .into_iter()
                .map(|(question, answer)| AnswerLine { question, answer })
                .collect(),
            bands: wording::bands_line(catalog, lang),
            documents: DocumentsView::of(answers, catalog, lang),
        }
    }
}

/// The number (from 1) of `s` in `list`, adding it if it is not there yet.
fn number(list: &mut Vec<SourceRef>, s: &SourceRef) -> u32 {
    let i = list.iter().position(|x| x.id == s.id).unwrap_or_else(|| {
        list.push(s.clone());
        list.len() - 1
    });
    u32::try_from(i + 1).unwrap_or(u32::MAX)
}

fn alternative(alt: &Alternative, catalog: &Catalog, lang: crate::text::Lang) -> AlternativeView {
    let details: Vec<PropertyResult> = property_details(catalog, &alt.id, lang);
    let mut sources = alt.sources.clone();
    for s in details.iter().flat_map(|p| &p.sources) {
        if !sources.iter().any(|x| x.id == s.id) {
            sources.push(s.clone());
        }
    }
    let facts = PROPERTIES
        .iter()
        .map(|key| {
            let value = alt.key_facts.get(key).unwrap_or(PropValue::Unknown);
            FactView { value, text: catalog.ui(wording::value_key(value), lang).to_string() }
        })
        .collect();
    let notes = details.iter().filter_map(|p| p.note.clone().map(|n| (p.label.clone(), n))).collect();
    AlternativeView { alternative: alt.clone(), facts, notes, sources }
}
