//! `templates.json`: the template texts as data, loaded and checked like the rest of the
//! catalog. An error names the file, the entry and the field, e.g.
//! `templates.json: document `policy`, section `devices`, field `blocks[1].p.cases[2].text.en`:
//! text is empty`.
//!
//! The file has five parts:
//! - `texts`: the words around the documents (meta line, "template, not legal advice", status
//!   labels) and the widget's templates section (`ui.*`);
//! - `blanks`: the marked blanks (company name, address, responsible person, …) and their labels;
//! - `messengers`: for each option of the `messenger` question (but `undecided`), its name, its
//!   operator, the operator's role, the third-country transfer and the setup steps to show;
//! - `steps`: setup steps, shared by the messengers that list them;
//! - `documents`: the four templates, as sections of blocks (paragraphs, notes, lists,
//!   checklists) made of pieces.
//!
//! A **piece** is one paragraph or list item: `{"when": …, "text": {"de": …, "en": …},
//! "sources": [...]}`, or with `"cases": [{"when": …, "text": …, "sources": […]}, …]`, of which
//! the first whose condition holds is used (a case without `when` always holds; a case with
//! `"skip": true` leaves the piece out). Conditions are the catalog's (`is`, `all`, `any`,
//! `{"ref": …}` of conditions.json, `{"fact": …}` of the chosen messenger). A piece that states
//! law or a fact names at least one source; only pieces marked `"own": true` (the business's own
//! rule, a form field) may have none. `"@dpa"` in `sources` cites the chosen messenger's sources
//! for that property (any of `catalog::PROPERTIES`). Checklist items have a `title`, may have a
//! `where` (where to find the setting), a `done` condition (what the answers say is done) and a
//! `measure` (the measures.json entry they carry out; left out when that measure does not fit
//! the visitor). Record items may carry a `status` (`done`, `partial`, `missing`, `open`).
//!
//! Placeholders in texts: `{company}` and the other blanks (typed parts, filled by the visitor
//! or left marked), and the values `{messenger}`, `{operator}`, `{role}`, `{transfer}` (from
//! the chosen messenger's entry), `{version}` and `{as_of}` (the catalog's).
use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;

use crate::catalog::{Catalog, CatalogError, PROPERTIES};
use crate::cond::{Compiled, Cond};
use crate::text::{Lang, Text};

pub(crate) const FILE: &str = "templates.json";

/// The values a text may name besides the blanks.
pub(crate) const VALUES: [&str; 6] = ["messenger", "operator", "role", "transfer", "version", "as_of"];

/// Texts every front-end of the templates needs.
const REQUIRED_TEXTS: [&str; 14] = [
    "doc.meta",
    "doc.disclaimer",
    "doc.sources",
    "doc.note",
    "doc.where",
    "status.done",
    "status.partial",
    "status.missing",
    "status.open",
    "step.done",
    "step.open",
    "ui.title",
    "ui.company",
    "ui.company_hint",
];

/// The loaded templates: part of the `Catalog` (`catalog.templates`). The texts are shared, so
/// copying a catalog (for an embedder's overrides) does not copy them.
#[derive(Clone, Debug, Default)]
pub struct Templates {
    pub(crate) data: Arc<Data>,
    /// Switched off by an embedder (catalog overrides): document ids.
    pub(crate) hidden: Vec<String>,
    /// An embedder's note, shown under each document's title.
    pub(crate) note: Option<Text>,
}

/// What `templates.json` holds, checked and with its conditions compiled.
#[derive(Debug, Default)]
pub struct Data {
    pub(crate) texts: BTreeMap<String, Text>,
    pub(crate) blanks: BTreeMap<String, Text>,
    pub(crate) messengers: BTreeMap<String, Setup>,
    pub(crate) steps: BTreeMap<String, Piece>,
    pub(crate) documents: Vec<DocTemplate>,
}

impl std::ops::Deref for Templates {
    type Target = Data;
    fn deref(&self) -> &Data {
        &self.data
    }
}

impl Templates {
    /// A text of `texts` (`?` if missing; the loader requires the ones the front-ends use).
    pub fn text(&self, key: &str, lang: Lang) -> &str {
        self.texts.get(key).map_or("?", |t| t.get(lang))
    }

    /// The ids of the marked blanks (in the order of their ids) with their labels in `lang`.
    pub fn blank_labels(&self, lang: Lang) -> Vec<(&str, &str)> {
        self.blanks.iter().map(|(k, t)| (k.as_str(), t.get(lang))).collect()
    }

    /// Whether an embedder switched this template off.
    pub fn hidden(&self, id: &str) -> bool {
        self.hidden.iter().any(|h| h == id)
    }

    /// The embedder's note, if any.
    pub fn note(&self, lang: Lang) -> Option<&str> {
        self.note.as_ref().map(|t| t.get(lang))
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    texts: BTreeMap<String, Text>,
    blanks: BTreeMap<String, Text>,
    messengers: BTreeMap<String, Setup>,
    steps: BTreeMap<String, Piece>,
    documents: Vec<DocTemplate>,
}

/// What the templates say about one messenger.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Setup {
    /// `{messenger}`: its name as the templates write it.
    pub name: Text,
    /// `{operator}`: who runs it (legal name and seat), with sources.
    pub operator: Piece,
    /// `{role}`: the operator's role for the business (processor or controller of its own).
    pub role: Piece,
    /// `{transfer}`: where the data go outside the EU and on what safeguard.
    pub transfer: Piece,
    /// Ids of `steps`, in the order the checklist shows them.
    pub steps: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct DocTemplate {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub when: Option<Cond>,
    /// Whether the text cites its sources by number (the customer-facing one does not).
    pub cite: bool,
    /// The heading of the source list, if not the common one.
    #[serde(default)]
    pub sources_heading: Option<Text>,
    pub sections: Vec<SectionTemplate>,
    #[serde(skip)]
    pub when_c: Option<Compiled>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SectionTemplate {
    pub id: String,
    pub heading: Text,
    #[serde(default)]
    pub when: Option<Cond>,
    pub blocks: Vec<BlockTemplate>,
    #[serde(skip)]
    pub when_c: Option<Compiled>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub(crate) enum BlockTemplate {
    /// A paragraph.
    P(Piece),
    /// An instruction to the business ("remove before use", "fill in").
    Note(Piece),
    List(ListTemplate),
    Checklist(ListTemplate),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ListTemplate {
    /// A paragraph before the list, shown only when the list has items.
    #[serde(default)]
    pub lead: Option<Piece>,
    /// Checklists only: the chosen messenger's setup steps come first.
    #[serde(default)]
    pub messenger_steps: bool,
    #[serde(default)]
    pub items: Vec<Piece>,
    /// A paragraph in place of lead and list when no item applies.
    #[serde(default)]
    pub empty: Option<Piece>,
}

/// How far a measure of the record is in place, by the answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Done,
    Partial,
    Missing,
    Open,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Done => "status.done",
            Status::Partial => "status.partial",
            Status::Missing => "status.missing",
            Status::Open => "status.open",
        }
    }
}

/// One variant of a piece.
#[derive(Debug)]
pub(crate) struct Case {
    pub when: Option<Cond>,
    pub text: Option<Text>,
    pub title: Option<Text>,
    pub place: Option<Text>,
    pub status: Option<Status>,
    pub sources: Vec<String>,
    pub own: bool,
    pub skip: bool,
    pub when_c: Option<Compiled>,
}

/// A paragraph or list item: one case, or several of which the first that holds is used.
#[derive(Debug, Deserialize)]
#[serde(try_from = "RawPiece")]
pub(crate) struct Piece {
    pub when: Option<Cond>,
    pub done: Option<Cond>,
    pub measure: Option<String>,
    pub cases: Vec<Case>,
    pub when_c: Option<Compiled>,
    pub done_c: Option<Compiled>,
}

/// A piece or a case as written (one type for both keeps the wasm small): a piece has the
/// fields of one case inline, or `cases` (with a `title` and `where` for the cases that have
/// none); only a piece has `done`, `measure` and `cases`, only a case `skip`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPiece {
    #[serde(default)]
    when: Option<Cond>,
    #[serde(default)]
    done: Option<Cond>,
    #[serde(default)]
    measure: Option<String>,
    #[serde(default)]
    cases: Vec<RawPiece>,
    #[serde(default)]
    text: Option<Text>,
    #[serde(default)]
    title: Option<Text>,
    #[serde(default, rename = "where")]
    place: Option<Text>,
    #[serde(default)]
    status: Option<Status>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    own: bool,
    #[serde(default)]
    skip: bool,
}

impl RawPiece {
    fn case(self, title: &Option<Text>, place: &Option<Text>) -> Result<Case, String> {
        if self.done.is_some() || self.measure.is_some() || !self.cases.is_empty() {
            return Err("a case has no `done`, `measure` or `cases` (the piece has them)".into());
        }
        let inherit = |own: Option<Text>, piece: &Option<Text>| own.or_else(|| piece.clone().filter(|_| !self.skip));
        Ok(Case {
            when: self.when,
            title: inherit(self.title, title),
            place: inherit(self.place, place),
            text: self.text,
            status: self.status,
            sources: self.sources,
            own: self.own,
            skip: self.skip,
            when_c: None,
        })
    }
}

impl TryFrom<RawPiece> for Piece {
    type Error = String;
    fn try_from(mut r: RawPiece) -> Result<Piece, String> {
        if r.skip {
            return Err("only a case can `skip`".into());
        }
        let inline = r.text.is_some() || r.status.is_some() || !r.sources.is_empty() || r.own;
        let (when, done, measure) = (r.when.take(), r.done.take(), r.measure.take());
        let cases = match (r.cases.is_empty(), inline) {
            (false, true) => return Err("a piece has `cases` or the fields of one case (`text`, …), not both".into()),
            (false, false) => {
                let (title, place) = (r.title.take(), r.place.take());
                std::mem::take(&mut r.cases).into_iter().map(|c| c.case(&title, &place)).collect::<Result<_, _>>()?
            }
            (true, _) => vec![r.case(&None, &None)?],
        };
        Ok(Piece { when, done, measure, cases, when_c: None, done_c: None })
    }
}

// ---------------------------------------------------------------------------------------
// Loading and checking

fn err(entry: &str, field: impl Into<String>, message: impl Into<String>) -> CatalogError {
    CatalogError { file: FILE.into(), entry: entry.into(), field: field.into(), message: message.into() }
}

/// Parses and checks `templates.json` against the loaded catalog (questions, conditions,
/// messengers, measures, sources).
pub(crate) fn load(cat: &Catalog, text: &str) -> Result<Templates, CatalogError> {
    let f: File = crate::catalog::parse(FILE, text)?;
    let mut t =
        Data { texts: f.texts, blanks: f.blanks, messengers: f.messengers, steps: f.steps, documents: f.documents };
    let check = Check { cat, blanks: t.blanks.keys().cloned().collect() };

    for (k, v) in &t.texts {
        check.text(&format!("text `{k}`"), "", v, true)?;
    }
    if let Some(k) = REQUIRED_TEXTS.iter().find(|k| !t.texts.contains_key(**k)) {
        return Err(err(&format!("text `{k}`"), "", "is missing"));
    }
    for (k, v) in &t.blanks {
        check.text(&format!("blank `{k}`"), "", v, false)?;
    }

    for (id, p) in t.steps.iter_mut() {
        check.piece(&format!("step `{id}`"), "", p, Kind::Step)?;
    }
    let messenger = cat.question("messenger").ok_or_else(|| err("", "", "the catalog has no `messenger` question"))?;
    for o in messenger.options.iter().filter(|o| o.id != "undecided") {
        if !t.messengers.contains_key(&o.id) {
            return Err(err(
                &format!("messenger `{}`", o.id),
                "",
                "the messenger question offers it; describe it here",
            ));
        }
    }
    for (id, m) in t.messengers.iter_mut() {
        let entry = format!("messenger `{id}`");
        if !messenger.options.iter().any(|o| &o.id == id) || id == "undecided" {
            return Err(err(&entry, "", "not an option of the messenger question"));
        }
        check.text(&entry, "name", &m.name, false)?;
        check.piece(&entry, "operator", &mut m.operator, Kind::Value)?;
        check.piece(&entry, "role", &mut m.role, Kind::Value)?;
        check.piece(&entry, "transfer", &mut m.transfer, Kind::Value)?;
        for (i, s) in m.steps.iter().enumerate() {
            if !t.steps.contains_key(s) {
                return Err(err(&entry, format!("steps[{i}]"), format!("unknown step `{s}`")));
            }
        }
    }

    let mut seen = Vec::new();
    for d in t.documents.iter_mut() {
        let entry = format!("document `{}`", d.id);
        if crate::documents::DocId::from_id(&d.id).is_none() || seen.contains(&d.id) {
            return Err(err(&entry, "id", "must be one of policy, consent, record, checklist, once each"));
        }
        seen.push(d.id.clone());
        check.text(&entry, "title", &d.title, true)?;
        if let Some(h) = &d.sources_heading {
            check.text(&entry, "sources_heading", h, false)?;
        }
        d.when_c = check.cond(&entry, "when", d.when.as_ref())?;
        let mut ids = Vec::new();
        for s in d.sections.iter_mut() {
            let entry = format!("{entry}, section `{}`", s.id);
            if s.id.is_empty() || ids.contains(&s.id) {
                return Err(err(&entry, "id", "empty or duplicate id"));
            }
            ids.push(s.id.clone());
            check.text(&entry, "heading", &s.heading, true)?;
            s.when_c = check.cond(&entry, "when", s.when.as_ref())?;
            for (bi, b) in s.blocks.iter_mut().enumerate() {
                match b {
                    BlockTemplate::P(p) => check.piece(&entry, &format!("blocks[{bi}].p"), p, Kind::Text)?,
                    BlockTemplate::Note(p) => check.piece(&entry, &format!("blocks[{bi}].note"), p, Kind::Text)?,
                    BlockTemplate::List(l) => check.list(&entry, &format!("blocks[{bi}].list"), l, false)?,
                    BlockTemplate::Checklist(l) => check.list(&entry, &format!("blocks[{bi}].checklist"), l, true)?,
                }
            }
        }
    }
    if seen.len() != crate::documents::DocId::ALL.len() {
        return Err(err("", "documents", "needs the four documents: policy, consent, record, checklist"));
    }
    Ok(Templates { data: Arc::new(t), hidden: Vec::new(), note: None })
}

/// What a piece is: text of a document, a checklist item (with a title), or the value of a
/// messenger's placeholder (which names blanks, never other values).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Step,
    Value,
}

struct Check<'a> {
    cat: &'a Catalog,
    blanks: Vec<String>,
}

impl Check<'_> {
    /// Both languages present, and every `{placeholder}` known: a blank, or (when `values`)
    /// one of `VALUES`. Braces are for placeholders only.
    fn text(&self, entry: &str, field: &str, t: &Text, values: bool) -> Result<(), CatalogError> {
        for lang in Lang::ALL {
            let f = if field.is_empty() { lang.code().to_string() } else { format!("{field}.{lang}") };
            let s = t.get(lang);
            if s.trim().is_empty() {
                return Err(err(entry, f, "text is empty"));
            }
            let mut rest = s;
            while let Some(open) = rest.find(['{', '}']) {
                if rest[open..].starts_with('}') {
                    return Err(err(entry, f, "a `}` without `{`"));
                }
                let close = rest[open..].find('}').ok_or_else(|| err(entry, &f, "a `{` without `}`"))? + open;
                let name = &rest[open + 1..close];
                let known = self.blanks.iter().any(|b| b == name) || (values && VALUES.contains(&name));
                if !known {
                    let what = if values { "blank or value" } else { "blank" };
                    return Err(err(entry, f, format!("unknown {what} `{{{name}}}`")));
                }
                rest = &rest[close + 1..];
            }
        }
        Ok(())
    }

    fn cond(&self, entry: &str, field: &str, c: Option<&Cond>) -> Result<Option<Compiled>, CatalogError> {
        c.map(|c| self.cat.compile_cond(c, FILE, entry, field)).transpose()
    }

    fn list(&self, entry: &str, field: &str, l: &mut ListTemplate, checklist: bool) -> Result<(), CatalogError> {
        if l.messenger_steps && !checklist {
            return Err(err(entry, format!("{field}.messenger_steps"), "only checklists show the messenger's steps"));
        }
        if l.items.is_empty() && !l.messenger_steps {
            return Err(err(entry, format!("{field}.items"), "a list needs items"));
        }
        if let Some(p) = &mut l.lead {
            self.piece(entry, &format!("{field}.lead"), p, Kind::Text)?;
        }
        if let Some(p) = &mut l.empty {
            self.piece(entry, &format!("{field}.empty"), p, Kind::Text)?;
        }
        let kind = if checklist { Kind::Step } else { Kind::Text };
        for (i, p) in l.items.iter_mut().enumerate() {
            self.piece(entry, &format!("{field}.items[{i}]"), p, kind)?;
        }
        Ok(())
    }

    fn piece(&self, entry: &str, field: &str, p: &mut Piece, kind: Kind) -> Result<(), CatalogError> {
        let step = kind == Kind::Step;
        let at = |f: &str| if field.is_empty() { f.to_string() } else { format!("{field}.{f}") };
        p.when_c = self.cond(entry, &at("when"), p.when.as_ref())?;
        p.done_c = self.cond(entry, &at("done"), p.done.as_ref())?;
        if let Some(m) = &p.measure {
            if !self.cat.measures.iter().any(|x| &x.id == m) {
                return Err(err(entry, at("measure"), format!("unknown measure `{m}`")));
            }
        }
        for (name, set) in [("done", p.done.is_some()), ("measure", p.measure.is_some())] {
            if set && !step {
                return Err(err(entry, at(name), "only checklist items have it"));
            }
        }
        let n = p.cases.len();
        for (ci, c) in p.cases.iter_mut().enumerate() {
            let cf = if n == 1 && c.when.is_none() { field.to_string() } else { at(&format!("cases[{ci}]")) };
            let at = |f: &str| if cf.is_empty() { f.to_string() } else { format!("{cf}.{f}") };
            c.when_c = self.cond(entry, &at("when"), c.when.as_ref())?;
            if c.skip {
                if c.text.is_some() || c.title.is_some() || !c.sources.is_empty() {
                    return Err(err(entry, at("skip"), "a case that skips has no text"));
                }
                continue;
            }
            let text = c.text.as_ref().ok_or_else(|| err(entry, at("text"), "is missing"))?;
            let values = kind != Kind::Value;
            self.text(entry, &at("text"), text, values)?;
            match (&c.title, step) {
                (Some(t), true) => self.text(entry, &at("title"), t, values)?,
                (None, true) => return Err(err(entry, at("title"), "a checklist item needs a title")),
                (Some(_), false) => return Err(err(entry, at("title"), "only checklist items have a title")),
                (None, false) => {}
            }
            if c.status.is_some() && kind != Kind::Text {
                return Err(err(entry, at("status"), "only list items have a status (checklist items have `done`)"));
            }
            if let Some(w) = &c.place {
                self.text(entry, &at("where"), w, values)?;
            }
            if c.sources.is_empty() && !c.own {
                return Err(err(
                    entry,
                    at("sources"),
                    "needs at least one source (or `\"own\": true` for the business's own rule or a form field)",
                ));
            }
            for (si, s) in c.sources.iter().enumerate() {
                let ok = match s.strip_prefix('@') {
                    Some(prop) => PROPERTIES.contains(&prop),
                    None => self.cat.source(s).is_some(),
                };
                if !ok {
                    return Err(err(entry, at(&format!("sources[{si}]")), format!("unknown source `{s}`")));
                }
            }
        }
        if n == 0 {
            return Err(err(entry, at("cases"), "needs at least one case"));
        }
        Ok(())
    }
}
