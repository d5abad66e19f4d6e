//! Conditions: when a question is asked, when a rule fires, when a fit reason applies.
//!
//! In the catalog a condition is JSON:
//! `{"is": ["messenger", "whatsapp", "telegram"]}` (the question's answer is one of these
//! options; for a multi question: at least one of them is selected), `{"answered": "dpa"}`,
//! `{"all": [...]}`, `{"any": [...]}`, `{"ref": "secrecy_holder"}` (a named condition of
//! `conditions.json`, so a list such as "the messengers that can read the content" is written
//! once), and `{"fact": ["e2e_default", "no", "optional"]}` (the chosen messenger's property in
//! `messengers.json` has one of these values: the rules read the facts instead of repeating
//! them). A question that is not answered, or that does not apply, matches no `is`. There is deliberately no `not`: every condition is monotone, so an
//! answer can only make more conditions true. That is what guarantees that answering an open
//! question never lowers the score (the score is the low end of its range) and that the
//! range search may prune with simple bounds.
use crate::data::List;

/// A condition as the catalog files write it (compiled to `Compiled` when the catalog loads).
#[cfg(feature = "load")]
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Cond {
    Is(Vec<String>),
    Answered(String),
    All(Vec<Cond>),
    Any(Vec<Cond>),
    /// A named condition of `conditions.json`.
    Ref(String),
    /// A property of the chosen messenger (`messenger` question) and the values that match.
    Fact(Vec<String>),
    /// A flag of the chosen sector's profile (`sectors.json`): any of these.
    Profile(Vec<String>),
}

/// The answered bit of a compiled answer; the low bits are the selected options.
pub const ANSWERED: u32 = 1 << 31;

/// A condition with question indices and option bit masks, for fast evaluation. Static data
/// (`List`), so that a catalog baked at build time holds it as it is.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = engine::__baked))]
pub enum Compiled {
    Is { q: usize, mask: u32 },
    Answered(usize),
    All(List<Compiled>),
    Any(List<Compiled>),
}

/// What is known of one question while the range is searched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Known {
    /// The effective answer (0 when the question does not apply or is unanswered).
    Value(u32),
    /// Not decided yet: may take any value.
    Open,
}

impl Compiled {
    /// Two-valued evaluation over effective answers.
    pub fn eval(&self, eff: &[u32]) -> bool {
        match self {
            Compiled::Is { q, mask } => eff[*q] & mask != 0,
            Compiled::Answered(q) => eff[*q] & ANSWERED != 0,
            Compiled::All(cs) => cs.iter().all(|c| c.eval(eff)),
            Compiled::Any(cs) => cs.iter().any(|c| c.eval(eff)),
        }
    }

    /// Three-valued evaluation: (can be true, can be false) given partial knowledge.
    pub fn eval3(&self, known: &[Known]) -> (bool, bool) {
        match self {
            Compiled::Is { q, mask } => match known[*q] {
                Known::Value(v) => {
                    let t = v & mask != 0;
                    (t, !t)
                }
                Known::Open => (true, true),
            },
            Compiled::Answered(q) => match known[*q] {
                Known::Value(v) => {
                    let t = v & ANSWERED != 0;
                    (t, !t)
                }
                Known::Open => (true, true),
            },
            Compiled::All(cs) => cs.iter().fold((true, false), |(t, f), c| {
                let (ct, cf) = c.eval3(known);
                (t && ct, f || cf)
            }),
            Compiled::Any(cs) => cs.iter().fold((false, true), |(t, f), c| {
                let (ct, cf) = c.eval3(known);
                (t || ct, f && cf)
            }),
        }
    }

    /// Every question index this condition reads.
    pub fn questions(&self, out: &mut Vec<usize>) {
        match self {
            Compiled::Is { q, .. } | Compiled::Answered(q) => out.push(*q),
            Compiled::All(cs) | Compiled::Any(cs) => cs.iter().for_each(|c| c.questions(out)),
        }
    }
}

#[cfg(feature = "load")]
pub(crate) mod compile;
