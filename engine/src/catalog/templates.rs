//! What the templates hold once loaded: `templates.json` checked (`catalog::validate::templates`),
//! with conditions compiled, step and measure ids resolved to indices, and maps as lists sorted
//! by key. Static data (`Str`, `List`), so that a catalog baked at build time holds the
//! templates as they are, with no JSON to parse; an embedder's overrides copy only what they
//! change. (The file's own shapes are in `catalog::files::templates`; `crate::documents` fills them.)
use std::fmt;

use serde::Serialize;

use crate::catalog::{List, Str};
use crate::cond::Compiled;
use crate::text::{Lang, Text};

macro_rules! baked {
    ($($item:item)*) => {
        $(
            #[derive(Clone, Debug, PartialEq)]
            #[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = engine::__baked::documents))]
            $item
        )*
    };
}

baked! {
    /// The templates of a catalog (`Catalog::templates`).
    pub struct Templates {
        /// The words around the documents (meta line, "template, not legal advice", status
        /// labels) and the widget's templates section (`ui.*`), sorted by key.
        pub texts: List<(Str, Text)>,
        /// The marked blanks (company name, address, …) with their labels, sorted by id.
        pub blanks: List<(Str, Text)>,
        /// The facts of the setup description, in the order they are derived
        /// (`super::setup::describe`).
        pub facts: List<FactTemplate>,
        /// What the templates say about each option of the `messenger` question but
        /// `undecided`, sorted by id.
        pub messengers: List<(Str, Setup)>,
        /// The setup steps the messengers share (`Setup::steps` are indices into it).
        pub steps: List<Piece>,
        /// The four templates, in the order policy, consent, record, checklist.
        pub documents: List<DocTemplate>,
        /// Switched off by an embedder (catalog overrides).
        pub hidden: List<DocId>,
        /// An embedder's note, shown under each template's title.
        pub note: Option<Text>,
    }

    /// What the templates say about one messenger.
    pub struct Setup {
        /// `{messenger}`: its name as the templates write it.
        pub name: Text,
        /// `{shown}`: the name the people written to see (the Platform: WhatsApp); `name` if
        /// `None`.
        pub shown: Option<Text>,
        /// `{operator}`: who runs it (legal name and seat), with sources.
        pub operator: Piece,
        /// `{role}`: the operator's role for the business (processor or controller of its own).
        pub role: Piece,
        /// `{transfer}`: where the data go outside the EU and on what safeguard.
        pub transfer: Piece,
        /// `{handle}`: how a person is reached on it (a number, a Threema ID, …).
        pub handle: Piece,
        /// `{visible}`: what others see of a person who uses it with their own account.
        pub visible: Piece,
        /// `{disclosure}`: who learns what of a contact through it, for what, and where.
        pub disclosure: Piece,
        /// `{copy}`: where a copy of the safeguards relied on is available.
        pub copy: Option<Piece>,
        /// Indices into `Templates::steps`, in the order the checklist shows them.
        pub steps: List<usize>,
    }

    pub struct DocTemplate {
        pub id: DocId,
        /// The title (variants by the setup, like a paragraph).
        pub title: Piece,
        /// When the template fits the answers (`None`: always).
        pub when: Option<Compiled>,
        /// Whether the text cites its sources by number (the customer-facing one does not).
        pub cite: bool,
        /// The heading of the source list, if not the common one.
        pub sources_heading: Option<Text>,
        /// When the document is not offered, and why (the first that holds).
        pub refuse: List<Refusal>,
        pub sections: List<SectionTemplate>,
    }

    /// A reason not to offer a document.
    pub struct Refusal {
        pub when: Compiled,
        pub reason: Text,
    }

    /// One fact of the setup description: it holds when `when` holds (or is `None`), `unless`
    /// does not, every fact of `requires` holds, one of `requires_any` (if any) and none of
    /// `excludes` (indices into `Templates::facts`, always of earlier facts).
    pub struct FactTemplate {
        /// `kind:name`, e.g. `category:health`.
        pub id: Str,
        pub when: Option<Compiled>,
        pub unless: Option<Compiled>,
        pub requires: List<usize>,
        pub requires_any: List<usize>,
        pub excludes: List<usize>,
        /// Linked facts (purposes, bases, consents, subjects), of which those that hold are
        /// kept: a category's purposes and bases, a purpose's subjects and bases, …
        pub links: List<usize>,
        /// Legal bases: the citation (`{bases}`).
        pub cite: Option<Text>,
        pub sources: List<Str>,
        /// Consents: the document that collects it.
        pub collected_in: Option<DocId>,
    }

    pub struct SectionTemplate {
        pub id: Str,
        pub heading: Text,
        pub when: Option<Compiled>,
        pub blocks: List<BlockTemplate>,
    }

    pub enum BlockTemplate {
        /// A paragraph.
        P(Piece),
        /// An instruction to the business ("remove before use", "fill in").
        Note(Piece),
        List(ListTemplate),
        Checklist(ListTemplate),
    }

    pub struct ListTemplate {
        /// A paragraph before the list, shown only when the list has items.
        pub lead: Option<Piece>,
        /// Checklists only: the chosen messenger's setup steps come first.
        pub messenger_steps: bool,
        pub items: List<Piece>,
        /// A paragraph in place of lead and list when no item applies.
        pub empty: Option<Piece>,
    }

    /// A paragraph or list item: the first of its cases that holds is used.
    pub struct Piece {
        pub when: Option<Compiled>,
        /// The fact (index into `Templates::facts`) the piece states: it appears only while the
        /// fact holds.
        pub fact: Option<usize>,
        /// Facts that must hold, and facts that must not.
        pub if_facts: List<usize>,
        pub if_not: List<usize>,
        /// Checklist items: when the answers say the step is done.
        pub done: Option<Compiled>,
        /// Checklist items: the measure (index into the catalog's measures) the step carries
        /// out; the item is left out when that measure does not fit the visitor.
        pub measure: Option<usize>,
        pub cases: List<Case>,
    }

    /// One variant of a piece.
    pub struct Case {
        pub when: Option<Compiled>,
        pub if_facts: List<usize>,
        pub if_not: List<usize>,
        /// `None` only for a case that skips.
        pub text: Option<Text>,
        /// Checklist items: the step.
        pub title: Option<Text>,
        /// Checklist items: where to find the setting.
        pub place: Option<Text>,
        pub status: Option<Status>,
        /// Source ids; `@property` stands for the chosen messenger's sources for it.
        pub sources: List<Str>,
        /// Leaves the piece out.
        pub skip: bool,
    }
}

/// How far a measure of the record is in place, by the answers (checklist items: `done` or
/// `open`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "load", derive(serde::Deserialize))]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "cli", ts(rename = "DocumentStatus"))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = engine::__baked::documents))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Done,
    Partial,
    Missing,
    Open,
    /// Not a gap: a point to know and weigh (e.g. a processor that can read internal chats).
    Note,
}

impl Status {
    /// Its label's key in `Templates::texts`.
    pub fn key(self) -> &'static str {
        match self {
            Status::Done => "status.done",
            Status::Partial => "status.partial",
            Status::Missing => "status.missing",
            Status::Open => "status.open",
            Status::Note => "status.note",
        }
    }
}

/// A value of a list sorted by key.
fn find<'a, T>(list: &'a [(Str, T)], key: &str) -> Option<&'a T> {
    list.binary_search_by(|(k, _)| k.as_ref().cmp(key)).ok().map(|i| &list[i].1)
}

impl Templates {
    /// A text of `texts` (`?` if missing; the loader requires the ones the front-ends use).
    pub fn text(&self, key: &str, lang: Lang) -> &str {
        find(&self.texts, key).map_or("?", |t| t.get(lang))
    }

    /// A marked blank's label.
    pub fn blank(&self, id: &str) -> Option<&Text> {
        find(&self.blanks, id)
    }

    /// The ids of the marked blanks (in the order of their ids) with their labels in `lang`.
    pub fn blank_labels(&self, lang: Lang) -> Vec<(&str, &str)> {
        self.blanks.iter().map(|(k, t)| (k.as_ref(), t.get(lang))).collect()
    }

    /// What the templates say about a messenger (an option id of the `messenger` question),
    /// with its id.
    pub fn messenger(&self, id: &str) -> Option<(&str, &Setup)> {
        let list = &self.messengers;
        list.binary_search_by(|(k, _)| k.as_ref().cmp(id)).ok().map(|i| (list[i].0.as_ref(), &list[i].1))
    }

    /// A fact of the setup description by id.
    pub fn fact(&self, id: &str) -> Option<usize> {
        self.facts.iter().position(|f| f.id == id)
    }

    /// Whether an embedder switched this template off.
    pub fn hidden(&self, id: DocId) -> bool {
        self.hidden.contains(&id)
    }

    /// Whether an embedder switched every template off (the widget then has no section).
    pub fn all_hidden(&self) -> bool {
        DocId::ALL.iter().all(|d| self.hidden(*d))
    }

    /// The embedder's note, if any.
    pub fn note(&self, lang: Lang) -> Option<&str> {
        self.note.as_ref().map(|t| t.get(lang))
    }
}

/// The four templates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "cli", ts(rename = "DocumentId"))]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = engine::__baked::documents))]
#[serde(rename_all = "lowercase")]
pub enum DocId {
    Policy,
    Consent,
    Record,
    Checklist,
}

impl DocId {
    pub const ALL: [DocId; 4] = [DocId::Policy, DocId::Consent, DocId::Record, DocId::Checklist];

    pub fn id(self) -> &'static str {
        match self {
            DocId::Policy => "policy",
            DocId::Consent => "consent",
            DocId::Record => "record",
            DocId::Checklist => "checklist",
        }
    }

    pub fn from_id(id: &str) -> Option<DocId> {
        DocId::ALL.into_iter().find(|d| d.id() == id)
    }

    /// "policy, consent, record or checklist", for error messages.
    pub fn ids_or() -> &'static str {
        "policy, consent, record or checklist"
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// The kinds of facts, the part of an id before the colon.
pub const FACT_KINDS: [&str; 10] =
    ["subject", "purpose", "category", "forbidden", "basis", "consent", "recipient", "role", "transfer", "flag"];

/// The kind of a fact id (`category` for `category:health`), if it has a known one.
pub fn kind(id: &str) -> Option<&'static str> {
    let k = id.split_once(':')?.0;
    FACT_KINDS.iter().copied().find(|x| *x == k)
}
