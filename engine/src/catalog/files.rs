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
    /// Only secondary sources confirm what it says (its title says so too): shown as
    /// "reported", with no check date of its own.
    #[serde(default)]
    pub reported: bool,
    pub kind: String,
    /// The messengers (option ids of `messenger`) the document is about, if it is about some:
    /// a factor or template may cite it only where the visitor uses one of them.
    #[serde(default)]
    pub about: Vec<String>,
    /// The sectors (option ids of `sector`) it concerns, if it concerns only some.
    #[serde(default)]
    pub sectors: Vec<String>,
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
    /// Never suggested as a what-if when this holds.
    #[serde(default)]
    pub suggest_unless: Option<Cond>,
    /// Chosen, but decides nothing yet (`messenger: undecided`): the engine counts the
    /// question as not answered.
    #[serde(default)]
    pub open: bool,
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
    /// The norms of this case, if not the rule's.
    #[serde(default)]
    pub law: Option<Text>,
    /// The sources of this case (the visitor's messenger, sector), beside the rule's general
    /// ones; `@key` cites the sources of the visitor's sector profile for `key`.
    #[serde(default)]
    pub sources: Vec<String>,
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
    /// Not offered when this holds (e.g. the Business Platform for secrecy holders).
    #[serde(default)]
    pub unless: Option<Cond>,
    #[serde(default)]
    pub reach: Option<Reach>,
    /// Variants of the title and text: the first whose condition holds replaces them.
    #[serde(default)]
    pub cases: Vec<MeasureCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeasureCase {
    pub when: Cond,
    #[serde(default)]
    pub title: Option<Text>,
    #[serde(default)]
    pub text: Option<Text>,
    #[serde(default)]
    pub sources: Vec<String>,
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
    /// Answers that come with choosing it, each if its condition holds (later ones win).
    #[serde(default)]
    pub assume: Vec<Assume>,
    /// The sources of the facts its summary, operator and cost state.
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub offer_when: Option<Cond>,
    /// What switching to it costs in reach, and when (a what-if to it says so).
    #[serde(default)]
    pub reach: Option<Reach>,
}

/// `sectors.json`: one profile per option of the `sector` question, the law that applies to
/// that sector and the words for the people on the other side, as values that texts use as
/// placeholders (`{people}`, `{secrecy_law}`) and whose sources they cite (`@secrecy_law`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectorProfile {
    pub id: String,
    /// The profile whose words stand while the sector is not answered.
    #[serde(default)]
    pub default: bool,
    /// What conditions can ask of the sector (`{"profile": ["no_legitimate_interest"]}`).
    #[serde(default)]
    pub flags: Vec<String>,
    pub values: BTreeMap<String, ProfileValue>,
}

/// A profile value: a text, with the sources it rests on if it states law.
#[derive(Deserialize)]
#[serde(untagged)]
pub enum ProfileValue {
    Sourced { text: Text, sources: Vec<String> },
    Plain(Text),
}

/// An answer that comes with choosing a messenger as an alternative: a change, if `when` holds.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assume {
    pub question: String,
    #[serde(default)]
    pub set: Option<Answer>,
    #[serde(default)]
    pub when: Option<Cond>,
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

/// `templates.json`: the document templates (`crate::documents`) as the file writes them.
///
/// The file has five parts:
/// - `texts`: the words around the documents (meta line, "template, not legal advice", status
///   labels) and the widget's templates section (`ui.*`);
/// - `blanks`: the marked blanks (company name, address, responsible person, …) and their labels;
/// - `messengers`: for each option of the `messenger` question (but `undecided`), its name, its
///   operator, the operator's role, the third-country transfer and the setup steps to show;
/// - `steps`: setup steps, shared by the messengers that list them;
/// - `documents`: the four templates, as sections of blocks (paragraphs, notes, lists,
///   checklists) made of pieces.
///
/// A **piece** is one paragraph or list item: `{"when": …, "text": {"de": …, "en": …},
/// "sources": [...]}`, or with `"cases": [{"when": …, "text": …, "sources": […]}, …]`, of which
/// the first whose condition holds is used (a case without `when` always holds; a case with
/// `"skip": true` leaves the piece out). Conditions are the catalog's (`is`, `all`, `any`,
/// `{"ref": …}` of conditions.json, `{"fact": …}` of the chosen messenger). A piece that states
/// law or a fact names at least one source; only pieces marked `"own": true` (the business's own
/// rule, a form field) may have none. `"@dpa"` in `sources` cites the chosen messenger's sources
/// for that property (any of `catalog::PROPERTIES`). Checklist items have a `title`, may have a
/// `where` (where to find the setting), a `done` condition (what the answers say is done) and a
/// `measure` (the measures.json entry they carry out; left out when that measure does not fit
/// the visitor). Record items may carry a `status` (`done`, `partial`, `missing`, `open`).
///
/// Placeholders in texts: `{company}` and the other blanks (typed parts, filled by the visitor
/// or left marked), and the values `{messenger}`, `{operator}`, `{role}`, `{transfer}` (from
/// the chosen messenger's entry), `{version}` and `{as_of}` (the catalog's).
pub mod templates {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    use crate::catalog::templates::Status;
    use crate::cond::Cond;
    use crate::text::Text;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct File {
        pub texts: BTreeMap<String, Text>,
        pub blanks: BTreeMap<String, Text>,
        /// Named conditions of the templates (beside those of `conditions.json`, whose names
        /// they may not take).
        #[serde(default)]
        pub conditions: BTreeMap<String, Cond>,
        /// The facts of the setup description, in the order they are derived (a fact refers only
        /// to facts before it).
        pub facts: Vec<FactDef>,
        pub messengers: BTreeMap<String, Setup>,
        pub steps: BTreeMap<String, Piece>,
        pub documents: Vec<DocTemplate>,
    }

    /// One fact of the setup description (`crate::documents::setup`): `kind:name`, e.g.
    /// `category:health`. It holds when `when` holds (or is absent), `unless` does not, every
    /// fact of `requires` holds, at least one of `requires_any` (if given) and none of
    /// `excludes`. `purposes`, `bases`, `consents` and `subjects` link it to other facts; only
    /// the ones that hold are kept.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct FactDef {
        pub id: String,
        #[serde(default)]
        pub when: Option<Cond>,
        #[serde(default)]
        pub unless: Option<Cond>,
        #[serde(default)]
        pub requires: Vec<String>,
        #[serde(default)]
        pub requires_any: Vec<String>,
        #[serde(default)]
        pub excludes: Vec<String>,
        #[serde(default)]
        pub purposes: Vec<String>,
        #[serde(default)]
        pub bases: Vec<String>,
        #[serde(default)]
        pub consents: Vec<String>,
        #[serde(default)]
        pub subjects: Vec<String>,
        /// Legal bases: how the documents cite it.
        #[serde(default)]
        pub cite: Option<Text>,
        #[serde(default)]
        pub sources: Vec<String>,
        /// Consents: the document that collects it (`consent` or `policy`).
        #[serde(default)]
        pub collected_in: Option<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Setup {
        pub name: Text,
        /// `{shown}`: the name the people written to see, if not `name` (the Platform: WhatsApp).
        #[serde(default)]
        pub shown: Option<Text>,
        pub operator: Piece,
        pub role: Piece,
        pub transfer: Piece,
        /// `{handle}`: how a person is reached on it (number, Threema ID, …), with its blank.
        pub handle: Piece,
        /// `{visible}`: what others see of a person who uses it with their own account.
        pub visible: Piece,
        /// `{disclosure}`: who learns what of a contact through it, for what, and where.
        pub disclosure: Piece,
        /// `{copy}`: where a copy of the safeguards relied on is available.
        #[serde(default)]
        pub copy: Option<Piece>,
        /// Ids of `steps`, in the order the checklist shows them.
        pub steps: Vec<String>,
    }

    /// A reason not to offer a document for some setups (instead of a text that would mislead).
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Refusal {
        pub when: Cond,
        pub reason: Text,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct DocTemplate {
        pub id: String,
        pub title: Piece,
        #[serde(default)]
        pub when: Option<Cond>,
        pub cite: bool,
        #[serde(default)]
        pub sources_heading: Option<Text>,
        /// When the document is not offered, and why.
        #[serde(default)]
        pub refuse: Vec<Refusal>,
        pub sections: Vec<SectionTemplate>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct SectionTemplate {
        pub id: String,
        pub heading: Text,
        #[serde(default)]
        pub when: Option<Cond>,
        pub blocks: Vec<BlockTemplate>,
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case", deny_unknown_fields)]
    pub enum BlockTemplate {
        P(Piece),
        Note(Piece),
        List(ListTemplate),
        Checklist(ListTemplate),
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct ListTemplate {
        #[serde(default)]
        pub lead: Option<Piece>,
        #[serde(default)]
        pub messenger_steps: bool,
        #[serde(default)]
        pub items: Vec<Piece>,
        #[serde(default)]
        pub empty: Option<Piece>,
    }

    /// A piece: one case, or several of which the first that holds is used.
    #[derive(Deserialize)]
    #[serde(try_from = "RawPiece")]
    pub struct Piece {
        pub when: Option<Cond>,
        /// The fact of the setup description this piece states: it appears only while the fact
        /// holds, and its item names the fact (`refs`).
        pub fact: Option<String>,
        /// Facts that must hold, and facts that must not, for the piece to appear.
        pub if_facts: Vec<String>,
        pub if_not: Vec<String>,
        pub done: Option<Cond>,
        pub measure: Option<String>,
        pub cases: Vec<Case>,
    }

    /// One variant of a piece.
    pub struct Case {
        pub when: Option<Cond>,
        pub if_facts: Vec<String>,
        pub if_not: Vec<String>,
        pub text: Option<Text>,
        pub title: Option<Text>,
        pub place: Option<Text>,
        pub status: Option<Status>,
        pub sources: Vec<String>,
        pub own: bool,
        pub skip: bool,
    }

    /// A piece or a case as written (one type for both): a piece has the fields of one case
    /// inline, or `cases` (with a `title` and `where` for the cases that have none); only a
    /// piece has `done`, `measure` and `cases`, only a case `skip`.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawPiece {
        #[serde(default)]
        when: Option<Cond>,
        #[serde(default, rename = "for")]
        fact: Option<String>,
        #[serde(default, rename = "if")]
        if_facts: Vec<String>,
        #[serde(default)]
        if_not: Vec<String>,
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
            if self.done.is_some() || self.measure.is_some() || !self.cases.is_empty() || self.fact.is_some() {
                return Err("a case has no `done`, `measure`, `for` or `cases` (the piece has them)".into());
            }
            let inherit =
                |own: Option<Text>, piece: &Option<Text>| own.or_else(|| piece.clone().filter(|_| !self.skip));
            Ok(Case {
                when: self.when,
                if_facts: self.if_facts,
                if_not: self.if_not,
                title: inherit(self.title, title),
                place: inherit(self.place, place),
                text: self.text,
                status: self.status,
                sources: self.sources,
                own: self.own,
                skip: self.skip,
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
            let (when, done, measure, fact) = (r.when.take(), r.done.take(), r.measure.take(), r.fact.take());
            let (if_facts, if_not) = (std::mem::take(&mut r.if_facts), std::mem::take(&mut r.if_not));
            let cases = match (r.cases.is_empty(), inline) {
                (false, true) => {
                    return Err("a piece has `cases` or the fields of one case (`text`, …), not both".into())
                }
                (false, false) => {
                    let (title, place) = (r.title.take(), r.place.take());
                    std::mem::take(&mut r.cases)
                        .into_iter()
                        .map(|c| c.case(&title, &place))
                        .collect::<Result<_, _>>()?
                }
                (true, _) => vec![r.case(&None, &None)?],
            };
            Ok(Piece { when, fact, if_facts, if_not, done, measure, cases })
        }
    }
}
