//! The setup description: one set of facts derived from the answers, which every document of
//! a set reads, so that the usage policy, the consent with its Art. 13 information, the Art. 30
//! record entry and the checklist state the same things about the same setup.
//!
//! A fact is `kind:name` (the kinds are `FACT_KINDS`): the people concerned (`subject:people`,
//! `subject:staff`, …), the purposes (`purpose:replies`, …), the data categories that may go
//! through the messenger (`category:health`, …) and those that may not (`forbidden:health`, …),
//! the legal bases (`basis:contract`, `basis:art9_consent`, …), the consents and where they are
//! collected (`consent:release`, …), the recipients and their role (`recipient:provider`,
//! `role:own_controller`, …), the transfers (`transfer:art49`, …) and flags the documents follow
//! (`flag:no_disappearing`, …). The facts and the conditions under which each holds are catalog
//! data (`templates.json`, `facts`), evaluated here in file order; a fact may require or exclude
//! facts before it, and links to the purposes, bases, consents and subjects it rests on (of
//! which only those that hold are kept).
//!
//! A document's pieces state facts (`"for": "category:health"`): a piece appears only while its
//! fact holds, and the filled item names it (`Item::refs`, `Section::refs`). Every document also
//! carries the whole description (`Document::setup`), the same for every document of the set;
//! `tests/templates_set.rs` checks over generated setups that the four agree.
use serde::Serialize;

use crate::catalog::templates::Templates;
pub use crate::catalog::templates::{kind, FACT_KINDS};

/// Which facts hold for one setup (indices as in `Templates::facts`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Description {
    holds: Vec<bool>,
}

impl Description {
    /// Derives the facts, in order, from the effective answers.
    pub fn of(t: &Templates, eff: &[u32]) -> Description {
        let mut holds: Vec<bool> = Vec::with_capacity(t.facts.len());
        for f in t.facts.iter() {
            let h = f.when.as_ref().is_none_or(|c| c.eval(eff))
                && !f.unless.as_ref().is_some_and(|c| c.eval(eff))
                && f.requires.iter().all(|&i| holds[i])
                && (f.requires_any.is_empty() || f.requires_any.iter().any(|&i| holds[i]))
                && !f.excludes.iter().any(|&i| holds[i]);
            holds.push(h);
        }
        Description { holds }
    }

    /// Whether fact `i` holds.
    pub fn holds(&self, i: usize) -> bool {
        self.holds.get(i).copied().unwrap_or(false)
    }

    /// The links of fact `i` that hold.
    pub fn links<'s>(&'s self, t: &'s Templates, i: usize) -> impl Iterator<Item = usize> + 's {
        t.facts[i].links.iter().copied().filter(move |&l| self.holds(l))
    }

    /// The facts that hold, with their links that hold: what `Document::setup` shows.
    pub fn view(&self, t: &Templates) -> Vec<Fact> {
        t.facts
            .iter()
            .enumerate()
            .filter(|(i, _)| self.holds(*i))
            .map(|(i, f)| Fact {
                id: f.id.to_string(),
                links: self.links(t, i).map(|l| t.facts[l].id.to_string()).collect(),
            })
            .collect()
    }
}

/// A fact of the setup description that holds, with the facts it links to that hold (a
/// category's purposes and bases, a purpose's subjects and bases, a consent's bases, …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, ts_rs::TS))]
#[cfg_attr(feature = "cli", ts(rename = "DocumentFact"))]
pub struct Fact {
    /// `kind:name`, e.g. `category:health`, `basis:art9_consent`, `consent:release`.
    pub id: String,
    /// The facts it links to that hold (absent when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "cli", ts(as = "Option<Vec<String>>", optional))]
    pub links: Vec<String>,
}
