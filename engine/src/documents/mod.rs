//! Document templates: the paperwork for the steps the assessment recommends, filled from the
//! visitor's answers and the catalog's facts, in German and English.
//!
//! `documents(answers, catalog, lang, &blanks)` returns the templates that fit the answers, as
//! structured documents (title, sections with headings, paragraphs, lists, checklists; blanks
//! as typed parts; sources as `SourceRef`s), and `document(id, …)` one of them:
//! - `policy`: usage rules for staff (Messenger-Richtlinie);
//! - `consent`: consent and the information of Art. 13 GDPR for customers (only when
//!   customers are in the audience);
//! - `record`: an entry for the record of processing activities (Art. 30 GDPR);
//! - `checklist`: the settings to change in the chosen messenger, and what else to do.
//!
//! `render::markdown` and `render::html` write them; the CLI (`assess --document …`), the JS
//! API (`documents()`) and the widget's downloads all use these, so the same answers, language
//! and blanks give the same bytes everywhere. Pure and deterministic, like `assess`.
//!
//! The texts are catalog data (`engine/catalog/templates.json`): loaded and checked with the
//! rest of the catalog (`catalog::files::templates` documents the file,
//! `catalog::validate::templates` checks it), held as `items` (baked into the widget like the
//! rest). Only the sections that fit the answers appear, and nothing names a messenger,
//! audience or content the visitor did not choose (tests/templates.rs checks it over random
//! answers). Embedders switch templates off or add a note (`overrides`).
use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use crate::answers::{AnswerError, Answers};
use crate::catalog::{Catalog, Str};
use crate::cond::Compiled;
use crate::model::{CatalogRef, SourceRef};
use crate::score::State;
use crate::text::{Lang, Text};
use crate::words::Words;

mod overrides;
pub mod render;
pub mod setup;

#[doc(hidden)]
// What the catalog holds of templates.json (catalog data, one layer down).
pub use crate::catalog::templates::{
    BlockTemplate, Case, DocId, DocTemplate, FactTemplate, ListTemplate, Piece, Refusal, SectionTemplate, Setup,
    Status, Templates,
};
pub use overrides::TemplateOverrides;
use setup::Description;
pub use setup::Fact;

/// What the visitor filled in for the marked blanks: blank id (`company`, `address`, …, see
/// `Templates::blank_labels`) to text. Empty values count as not filled.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "load", derive(serde::Deserialize))]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
pub struct Blanks(pub BTreeMap<String, String>);

impl Blanks {
    /// Blanks with just the company name (what the widget asks for).
    pub fn company(name: &str) -> Blanks {
        let mut b = Blanks::default();
        if !name.trim().is_empty() {
            b.0.insert("company".into(), name.to_string());
        }
        b
    }

    /// The value of a blank, if filled: trimmed, on one line, at most `MAX_BLANK` characters.
    pub fn get(&self, id: &str) -> Option<String> {
        let v = self.0.get(id)?;
        let one_line: String = v.split_whitespace().collect::<Vec<_>>().join(" ");
        let v: String = one_line.chars().take(MAX_BLANK).collect();
        (!v.is_empty()).then_some(v)
    }
}

/// The longest value a blank takes (longer ones are cut).
pub const MAX_BLANK: usize = 200;

/// Why a template cannot be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocError {
    Answers(AnswerError),
    /// A blank id the templates do not know.
    UnknownBlank {
        id: String,
        known: Vec<String>,
    },
    /// No messenger chosen (unanswered or `undecided`): every template is about one.
    NoMessenger,
    /// The template does not fit these answers (the customer one without customers).
    NotApplicable(DocId),
    /// The template is not offered for this setup, for the reason given in the language the
    /// document was asked for (`refusals` gives the same reasons).
    Refused {
        id: DocId,
        reason: String,
        lang: Lang,
    },
    /// An embedder switched it off.
    Hidden(DocId),
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocError::Answers(e) => e.fmt(f),
            DocError::UnknownBlank { id, known } => {
                write!(f, "unknown blank `{id}` (known: {})", known.join(", "))
            }
            DocError::NoMessenger => {
                write!(f, "the templates are about one messenger: answer `messenger` (any option but `undecided`)")
            }
            DocError::NotApplicable(DocId::Consent) => write!(
                f,
                "the `consent` template is for messaging customers: it needs `audience` to include `customers`"
            ),
            DocError::NotApplicable(id) => write!(f, "the `{id}` template does not fit these answers"),
            DocError::Refused { id, reason, lang: Lang::En } => {
                write!(f, "the `{id}` template is not offered for this setup: {reason}")
            }
            // The catalog's reason in another language is a whole sentence that says so.
            DocError::Refused { id, reason, .. } => write!(f, "`{id}`: {reason}"),
            DocError::Hidden(id) => write!(f, "the `{id}` template is switched off in this catalog"),
        }
    }
}

impl std::error::Error for DocError {}

impl From<AnswerError> for DocError {
    fn from(e: AnswerError) -> DocError {
        DocError::Answers(e)
    }
}

// ---------------------------------------------------------------------------------------
// The filled documents

/// A filled template: what `documents()` returns, the JS API gives as JSON and the renderers
/// write.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "cli", ts(rename = "TemplateDocument"))]
pub struct Document {
    pub id: DocId,
    #[cfg_attr(feature = "cli", ts(type = "Lang"))]
    pub lang: Lang,
    pub title: Vec<Part>,
    /// "Template · catalog 2026.11.2, facts as of 23 November 2026".
    pub meta: String,
    /// One line: a template, not legal advice.
    pub disclaimer: String,
    /// An embedder's note (catalog overrides), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub note: Option<String>,
    pub sections: Vec<Section>,
    /// Whether the text cites its sources by number (`[1]`); the customer-facing template
    /// does not, and its source list says it is not for customers.
    pub cite: bool,
    pub sources_heading: String,
    /// The sources the document rests on; blocks cite them by number (1-based).
    pub sources: Vec<SourceRef>,
    /// The words renderers put around parts: "Where", "Note".
    pub labels: Labels,
    pub catalog: CatalogRef,
    /// The setup description the document was built from: the facts that hold for these
    /// answers, the same for every document of the set (`setup`).
    pub setup: Vec<Fact>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "cli", ts(rename = "DocumentLabels"))]
pub struct Labels {
    /// Before where to find a setting.
    #[serde(rename = "where")]
    pub place: String,
    /// Before an instruction to the business.
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "cli", ts(rename = "DocumentSection"))]
pub struct Section {
    pub id: String,
    pub heading: Vec<Part>,
    pub blocks: Vec<Block>,
    /// The facts of the setup description the section states (its paragraphs' and items').
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "cli", ts(as = "Option<Vec<String>>", optional))]
    pub refs: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "cli", ts(rename = "DocumentBlock"))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph {
        parts: Vec<Part>,
        sources: Vec<u32>,
    },
    /// An instruction to the business (fill in, check, remove before use).
    Note {
        parts: Vec<Part>,
        sources: Vec<u32>,
    },
    List {
        items: Vec<Item>,
    },
    /// Items to tick off; `status` is `done` where the answers say so, else `open`.
    Checklist {
        items: Vec<Item>,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "cli", ts(rename = "DocumentItem"))]
pub struct Item {
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub title: Option<Vec<Part>>,
    pub parts: Vec<Part>,
    /// Where to find the setting (checklists).
    #[serde(rename = "where", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub place: Option<Vec<Part>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub status: Option<Status>,
    /// The status in words ("missing", "done according to your answers").
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub label: Option<String>,
    /// The measure (measures.json) this step carries out.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "cli", ts(optional))]
    pub measure: Option<String>,
    pub sources: Vec<u32>,
    /// The facts of the setup description the item states: its fact and the legal bases it
    /// names (`Document::setup`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "cli", ts(as = "Option<Vec<String>>", optional))]
    pub refs: Vec<String>,
}

/// A run of text, or a marked blank (filled with the visitor's value, or not).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "cli", ts(rename = "DocumentPart"))]
#[serde(untagged)]
pub enum Part {
    Text {
        text: String,
    },
    Blank {
        /// The blank's id (`company`, `address`, …).
        #[cfg_attr(feature = "cli", ts(type = "BlankId"))]
        blank: String,
        /// What belongs there, in the document's language.
        label: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "cli", ts(optional))]
        value: Option<String>,
    },
}

impl Part {
    /// The part as plain text: the value, or the label in brackets.
    pub fn plain(&self) -> String {
        match self {
            Part::Text { text } => text.clone(),
            Part::Blank { value: Some(v), .. } => v.clone(),
            Part::Blank { label, .. } => format!("[{label}]"),
        }
    }
}

/// Parts as plain text (blanks as `[label]` or their value).
pub fn plain(parts: &[Part]) -> String {
    parts.iter().map(Part::plain).collect()
}

// ---------------------------------------------------------------------------------------
// Filling

/// The templates that fit these answers, in the order policy, consent, record, checklist
/// (none while no messenger is chosen; none that an embedder switched off or that the catalog
/// does not offer for this setup).
pub fn documents(answers: &Answers, catalog: &Catalog, lang: Lang, blanks: &Blanks) -> Result<Vec<Document>, DocError> {
    let Some(f) = Filler::new(answers, catalog, lang, blanks)? else {
        return Ok(Vec::new());
    };
    let t = catalog.templates();
    Ok(t.documents.iter().filter(|d| f.offered(d)).map(|d| f.document(d)).collect())
}

/// The ids of the templates that fit these answers, without filling them: what `documents`
/// would return, for a front-end that lists them before it shows one.
pub fn available(answers: &Answers, catalog: &Catalog) -> Result<Vec<DocId>, DocError> {
    let blanks = Blanks::default();
    let Some(f) = Filler::new(answers, catalog, Lang::default(), &blanks)? else {
        return Ok(Vec::new());
    };
    let t = catalog.templates();
    Ok(t.documents.iter().filter(|d| f.offered(d)).map(|d| d.id).collect())
}

/// The templates the catalog does not offer for these answers although they would fit, each
/// with the reason in `lang` (e.g. no consent form for the consumer WhatsApp app, whose terms
/// do not allow business use): for a front-end that says why a template is missing.
pub fn refusals(answers: &Answers, catalog: &Catalog, lang: Lang) -> Result<Vec<(DocId, String)>, DocError> {
    let blanks = Blanks::default();
    let Some(f) = Filler::new(answers, catalog, lang, &blanks)? else {
        return Ok(Vec::new());
    };
    let t = catalog.templates();
    Ok(t.documents
        .iter()
        .filter(|d| !t.hidden(d.id) && f.holds(&d.when))
        .filter_map(|d| f.refusal(d).map(|r| (d.id, plain(&f.fill(&r.reason, &mut Vec::new(), None)))))
        .collect())
}

/// One template, or why it cannot be made for these answers.
pub fn document(
    id: DocId,
    answers: &Answers,
    catalog: &Catalog,
    lang: Lang,
    blanks: &Blanks,
) -> Result<Document, DocError> {
    let f = Filler::new(answers, catalog, lang, blanks)?.ok_or(DocError::NoMessenger)?;
    let t = catalog.templates();
    let d = t.documents.iter().find(|d| d.id == id).expect("the loader requires all four");
    if t.hidden(id) {
        return Err(DocError::Hidden(id));
    }
    if !f.holds(&d.when) {
        return Err(DocError::NotApplicable(id));
    }
    if let Some(r) = f.refusal(d) {
        return Err(DocError::Refused { id, reason: plain(&f.fill(&r.reason, &mut Vec::new(), None)), lang });
    }
    Ok(f.document(d))
}

/// The setup description these answers give (the facts every document of the set reads), or
/// `None` while no messenger is chosen.
pub fn description(answers: &Answers, catalog: &Catalog) -> Result<Option<Vec<Fact>>, DocError> {
    let blanks = Blanks::default();
    Ok(Filler::new(answers, catalog, Lang::default(), &blanks)?.map(|f| f.desc.view(f.t)))
}

/// A catalog date `YYYY-MM-DD` as the language writes it in a document: `23.11.2026`,
/// `23 November 2026`.
pub fn doc_date(iso: &str, lang: Lang) -> String {
    match (lang, iso.splitn(3, '-').collect::<Vec<_>>().as_slice()) {
        (Lang::De, [y, m, d]) => format!("{d}.{m}.{y}"),
        _ => crate::wording::long_date(iso, lang),
    }
}

/// Everything filling a document needs: the effective answers, the setup description, the
/// sector's words, the messenger's entry, the language and the blanks.
struct Filler<'a> {
    cat: &'a Catalog,
    t: &'a Templates,
    eff: State,
    desc: Description,
    words: Words<'a>,
    lang: Lang,
    blanks: &'a Blanks,
    setup: &'a Setup,
}

/// The sources a document cites, numbered in order of first citation.
#[derive(Default)]
struct Cited(Vec<Str>);

impl Cited {
    fn number(&mut self, id: &Str) -> u32 {
        let i = match self.0.iter().position(|x| x == id) {
            Some(i) => i,
            None => {
                self.0.push(id.clone());
                self.0.len() - 1
            }
        };
        i as u32 + 1
    }

    /// The numbers of `ids`, rising, once each.
    fn numbers(&mut self, ids: &[Str]) -> Vec<u32> {
        let mut n: Vec<u32> = Vec::new();
        for id in ids {
            let x = self.number(id);
            if let Err(at) = n.binary_search(&x) {
                n.insert(at, x);
            }
        }
        n
    }
}

/// The placeholder that lists the legal bases of a piece's fact.
const BASES: &str = "bases";

impl<'a> Filler<'a> {
    fn new(
        answers: &Answers,
        cat: &'a Catalog,
        lang: Lang,
        blanks: &'a Blanks,
    ) -> Result<Option<Filler<'a>>, DocError> {
        let t = cat.templates();
        if let Some(id) = blanks.0.keys().find(|k| t.blank(k).is_none()) {
            let known = t.blanks.iter().map(|(k, _)| k.to_string()).collect();
            return Err(DocError::UnknownBlank { id: id.clone(), known });
        }
        let (eff, _) = crate::score::effective(cat, &crate::score::state_of(cat, answers)?);
        let chosen = answers.get("messenger").and_then(|a| a.ids().first());
        let Some((_, setup)) = chosen.and_then(|m| t.messenger(m)) else {
            return Ok(None);
        };
        let desc = Description::of(t, &eff);
        let words = Words::of(cat, &eff, lang);
        Ok(Some(Filler { cat, t, eff, desc, words, lang, blanks, setup }))
    }

    fn holds(&self, c: &Option<Compiled>) -> bool {
        c.as_ref().is_none_or(|c| c.eval(&self.eff))
    }

    fn facts_hold(&self, all: &[usize], none: &[usize]) -> bool {
        all.iter().all(|&i| self.desc.holds(i)) && !none.iter().any(|&i| self.desc.holds(i))
    }

    /// The first reason not to offer `d` for these answers, if any.
    fn refusal<'d>(&self, d: &'d DocTemplate) -> Option<&'d Refusal> {
        d.refuse.iter().find(|r| r.when.eval(&self.eff))
    }

    /// Whether `documents` gives `d` for these answers.
    fn offered(&self, d: &DocTemplate) -> bool {
        !self.t.hidden(d.id) && self.holds(&d.when) && self.refusal(d).is_none()
    }

    fn text(&self, key: &str) -> &str {
        self.t.text(key, self.lang)
    }

    fn document(&self, d: &DocTemplate) -> Document {
        let mut cited = Cited::default();
        let mut ignored = Vec::new();
        let title = self.item(&d.title, &mut Cited::default(), false).map(|i| i.parts).unwrap_or_default();
        let sections = d
            .sections
            .iter()
            .filter(|s| self.holds(&s.when))
            .filter_map(|s| {
                let mut refs = Vec::new();
                let blocks: Vec<Block> = s.blocks.iter().flat_map(|b| self.block(b, &mut cited, &mut refs)).collect();
                (!blocks.is_empty()).then(|| Section {
                    id: s.id.to_string(),
                    heading: self.fill(&s.heading, &mut ignored, None),
                    blocks,
                    refs,
                })
            })
            .collect();
        let as_of = doc_date(self.cat.as_of(), self.lang);
        let meta = crate::wording::fill(
            self.text("doc.meta"),
            &[("version", self.cat.version().to_string()), ("as_of", as_of)],
        );
        Document {
            id: d.id,
            lang: self.lang,
            title,
            meta,
            disclaimer: self.text("doc.disclaimer").to_string(),
            note: self.t.note(self.lang).map(str::to_string),
            sections,
            cite: d.cite,
            sources_heading: match &d.sources_heading {
                Some(h) => plain(&self.fill(h, &mut Vec::new(), None)),
                None => self.text("doc.sources").to_string(),
            },
            sources: crate::assess::source_refs(self.cat, &cited.0, self.lang),
            labels: Labels { place: self.text("doc.where").to_string(), note: self.text("doc.note").to_string() },
            catalog: CatalogRef { version: self.cat.version().to_string(), as_of: self.cat.as_of().to_string() },
            setup: self.desc.view(self.t),
        }
    }

    fn block(&self, b: &BlockTemplate, cited: &mut Cited, refs: &mut Vec<String>) -> Vec<Block> {
        let mut keep = |i: Item| -> Item {
            for r in &i.refs {
                if !refs.contains(r) {
                    refs.push(r.clone());
                }
            }
            i
        };
        match b {
            BlockTemplate::P(p) => self
                .item(p, cited, false)
                .map(&mut keep)
                .map(|i| Block::Paragraph { parts: i.parts, sources: i.sources })
                .into_iter()
                .collect(),
            BlockTemplate::Note(p) => self
                .item(p, cited, false)
                .map(&mut keep)
                .map(|i| Block::Note { parts: i.parts, sources: i.sources })
                .into_iter()
                .collect(),
            BlockTemplate::List(l) => self.list(l, cited, false, &mut keep),
            BlockTemplate::Checklist(l) => self.list(l, cited, true, &mut keep),
        }
    }

    fn list(
        &self,
        l: &ListTemplate,
        cited: &mut Cited,
        checklist: bool,
        keep: &mut impl FnMut(Item) -> Item,
    ) -> Vec<Block> {
        let steps = &self.t.steps;
        let mine =
            l.messenger_steps.then_some(&self.setup.steps[..]).into_iter().flatten().filter_map(|s| steps.get(*s));
        let pieces: Vec<&Piece> = mine.chain(l.items.iter()).filter(|p| self.pick(p).is_some()).collect();
        if pieces.is_empty() {
            return l.empty.iter().filter_map(|p| self.item(p, cited, false)).map(&mut *keep).map(paragraph).collect();
        }
        let mut out: Vec<Block> =
            l.lead.iter().filter_map(|p| self.item(p, cited, false)).map(&mut *keep).map(paragraph).collect();
        let items = pieces.into_iter().filter_map(|p| self.item(p, cited, checklist)).map(&mut *keep).collect();
        out.push(if checklist { Block::Checklist { items } } else { Block::List { items } });
        out
    }

    /// The case of a piece that applies, if any: the piece's conditions and facts hold, and the
    /// first case whose conditions and facts hold does not skip.
    fn pick<'p>(&self, p: &'p Piece) -> Option<&'p Case> {
        if !self.holds(&p.when) || !p.fact.is_none_or(|f| self.desc.holds(f)) {
            return None;
        }
        if !self.facts_hold(&p.if_facts, &p.if_not) {
            return None;
        }
        if let Some(m) = p.measure {
            let fits = self.cat.measures().get(m).is_some_and(|x| self.holds(&x.when));
            if !fits {
                return None;
            }
        }
        p.cases.iter().find(|c| self.holds(&c.when) && self.facts_hold(&c.if_facts, &c.if_not)).filter(|c| !c.skip)
    }

    fn item(&self, p: &Piece, cited: &mut Cited, checklist: bool) -> Option<Item> {
        let c = self.pick(p)?;
        let mut sources = self.sources(&c.sources);
        let text = c.text.as_ref().expect("a case that does not skip has a text");
        let parts = self.fill(text, &mut sources, p.fact);
        let title = c.title.as_ref().map(|t| self.fill(t, &mut sources, p.fact));
        let place = c.place.as_ref().map(|t| self.fill(t, &mut sources, p.fact));
        // A checklist item is done when its `done` condition holds, else open; other items
        // carry the status their case names, if any.
        let status = match checklist {
            true => Some(if p.done.as_ref().is_some_and(|d| d.eval(&self.eff)) { Status::Done } else { Status::Open }),
            false => c.status,
        };
        let label = status.map(|s| {
            let key = match (s, checklist) {
                (Status::Done, true) => "step.done",
                (_, true) => "step.open",
                (s, false) => s.key(),
            };
            self.text(key).to_string()
        });
        let measure = p.measure.and_then(|m| self.cat.measures().get(m)).map(|m| m.id.to_string());
        // The item names its fact, and the legal bases it cites.
        let mut refs: Vec<String> = Vec::new();
        if let Some(f) = p.fact {
            refs.push(self.t.facts[f].id.to_string());
            let names_bases = [Some(text), c.title.as_ref(), c.place.as_ref()]
                .into_iter()
                .flatten()
                .any(|t| t.de.contains("{bases}") || t.en.contains("{bases}"));
            if names_bases {
                refs.extend(self.bases(f).map(|b| self.t.facts[b].id.to_string()));
            }
        }
        Some(Item { title, parts, place, status, label, measure, sources: cited.numbers(&sources), refs })
    }

    /// The legal bases of fact `f` that hold.
    fn bases(&self, f: usize) -> impl Iterator<Item = usize> + '_ {
        self.desc.links(self.t, f).filter(|&l| setup::kind(&self.t.facts[l].id) == Some("basis"))
    }

    /// Source ids, with `@property` replaced by the chosen messenger's sources for it and
    /// `sector:key` by the sources of the sector's value.
    fn sources(&self, ids: &[Str]) -> Vec<Str> {
        self.words.sources(&[ids])
    }

    /// A text as parts: placeholders become blanks or the value's own parts (whose sources
    /// join `sources`); `{bases}` lists the legal bases of `fact`.
    fn fill(&self, text: &Text, sources: &mut Vec<Str>, fact: Option<usize>) -> Vec<Part> {
        self.fill_str(text.get(self.lang), sources, fact, 3)
    }

    fn fill_str(&self, text: &str, sources: &mut Vec<Str>, fact: Option<usize>, depth: u8) -> Vec<Part> {
        let mut parts: Vec<Part> = Vec::new();
        let push_text = |parts: &mut Vec<Part>, s: &str| {
            match parts.last_mut() {
                // A value ending in an abbreviation ("Inc.") before the sentence's full stop.
                Some(Part::Text { text }) if text.ends_with('.') && s.starts_with('.') => text.push_str(&s[1..]),
                _ if s.is_empty() => {}
                Some(Part::Text { text }) => text.push_str(s),
                _ => parts.push(Part::Text { text: s.to_string() }),
            }
        };
        let push_parts = |parts: &mut Vec<Part>, more: Vec<Part>| {
            for p in more {
                match p {
                    Part::Text { text } => push_text(parts, &text),
                    blank => parts.push(blank),
                }
            }
        };
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            push_text(&mut parts, &rest[..open]);
            let close = open + rest[open..].find('}').expect("checked by the loader");
            let name = &rest[open + 1..close];
            rest = &rest[close + 1..];
            if let Some(label) = self.t.blank(name) {
                // The business's name is labelled in the sector's words ("Name der Praxis").
                let label = match (name, self.words.value("company_label")) {
                    ("company", Some(l)) if !l.is_empty() => l.to_string(),
                    _ => label.get(self.lang).to_string(),
                };
                parts.push(Part::Blank { blank: name.to_string(), label, value: self.blanks.get(name) });
                continue;
            }
            if depth == 0 {
                continue;
            }
            match name {
                "messenger" => push_parts(&mut parts, self.fill(&self.setup.name, sources, None)),
                "shown" => {
                    let name = self.setup.shown.as_ref().unwrap_or(&self.setup.name);
                    push_parts(&mut parts, self.fill(name, sources, None))
                }
                "operator" | "role" | "transfer" | "handle" | "visible" | "disclosure" | "copy" => {
                    let piece = match name {
                        "operator" => Some(&self.setup.operator),
                        "role" => Some(&self.setup.role),
                        "transfer" => Some(&self.setup.transfer),
                        "handle" => Some(&self.setup.handle),
                        "visible" => Some(&self.setup.visible),
                        "disclosure" => Some(&self.setup.disclosure),
                        _ => self.setup.copy.as_ref(),
                    };
                    if let Some((t, s)) =
                        piece.and_then(|p| self.pick(p)).and_then(|c| c.text.as_ref().map(|t| (t, &c.sources[..])))
                    {
                        sources.extend(self.sources(s));
                        push_parts(&mut parts, self.fill_str(t.get(self.lang), sources, None, depth - 1));
                    }
                }
                BASES => {
                    let Some(f) = fact else { continue };
                    let sep = "; ";
                    let mut first = true;
                    for b in self.bases(f).collect::<Vec<_>>() {
                        let fb = &self.t.facts[b];
                        let Some(cite) = &fb.cite else { continue };
                        if !first {
                            push_text(&mut parts, sep);
                        }
                        first = false;
                        sources.extend(self.sources(&fb.sources));
                        push_parts(&mut parts, self.fill_str(cite.get(self.lang), sources, None, depth - 1));
                    }
                }
                "version" => push_text(&mut parts, self.cat.version()),
                "as_of" => push_text(&mut parts, &doc_date(self.cat.as_of(), self.lang)),
                key => {
                    // A value of the sector's profile, with its sources.
                    if let Some(v) = self.words.value(key) {
                        let key_sources: Str = format!("{}{key}", crate::catalog::PROFILE_SOURCES).into();
                        sources.extend(self.sources(&[key_sources]));
                        push_parts(&mut parts, self.fill_str(v, sources, None, depth - 1));
                    }
                }
            }
        }
        push_text(&mut parts, rest);
        parts
    }
}

fn paragraph(i: Item) -> Block {
    Block::Paragraph { parts: i.parts, sources: i.sources }
}
