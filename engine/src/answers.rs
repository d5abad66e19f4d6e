//! Answers: question id to option id(s), as every front-end exchanges them.
use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;
use crate::cond::ANSWERED;

/// One answer: an option id, or a list of option ids for a multi question.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Answer {
    One(String),
    Many(Vec<String>),
}

impl Answer {
    pub fn ids(&self) -> &[String] {
        match self {
            Answer::One(o) => std::slice::from_ref(o),
            Answer::Many(os) => os,
        }
    }
}

/// All answers, ordered by question id (so that output is deterministic).
pub type Answers = BTreeMap<String, Answer>;

/// Bad answers: the message names the unknown question or option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    Json(String),
    NotAnObject,
    UnknownQuestion(String),
    UnknownOption { question: String, option: String, expected: Vec<String> },
    WrongShape { question: String, multi: bool },
    TooFew { question: String, min: u8 },
}

impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::Json(e) => write!(f, "the answers are not valid JSON: {e}"),
            AnswerError::NotAnObject => {
                write!(f, "the answers must be a JSON object of question id to option id (or a list of option ids)")
            }
            AnswerError::UnknownQuestion(q) => write!(f, "unknown question `{q}`"),
            AnswerError::UnknownOption { question, option, expected } => {
                write!(
                    f,
                    "unknown option `{option}` for question `{question}` (expected one of: {})",
                    expected.join(", ")
                )
            }
            AnswerError::WrongShape { question, multi: true } => {
                write!(f, "question `{question}` takes a list of option ids")
            }
            AnswerError::WrongShape { question, multi: false } => {
                write!(f, "question `{question}` takes one option id, not a list")
            }
            AnswerError::TooFew { question, min } => write!(f, "question `{question}` needs at least {min} option(s)"),
        }
    }
}

impl std::error::Error for AnswerError {}

/// Parses answers from JSON text, checking every id against the catalog.
/// `null` stands for "not answered"; a multi question takes a list (a bare id is an error that
/// names the question, as the contract and the JSON Schema say).
pub fn parse_answers(json: &str, catalog: &Catalog) -> Result<Answers, AnswerError> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| AnswerError::Json(e.to_string()))?;
    answers_from_value(&value, catalog)
}

/// Reads answers from a JSON value, checking every id against the catalog.
pub fn answers_from_value(value: &serde_json::Value, catalog: &Catalog) -> Result<Answers, AnswerError> {
    let obj = value.as_object().ok_or(AnswerError::NotAnObject)?;
    let mut out = Answers::new();
    for (k, v) in obj {
        let q = catalog.question(k).ok_or_else(|| AnswerError::UnknownQuestion(k.clone()))?;
        let answer = match v {
            serde_json::Value::Null => continue,
            serde_json::Value::String(s) if !q.multi => Answer::One(s.clone()),
            serde_json::Value::Array(items) if q.multi => {
                let mut ids = Vec::with_capacity(items.len());
                for it in items {
                    match it {
                        serde_json::Value::String(s) => ids.push(s.clone()),
                        _ => return Err(AnswerError::WrongShape { question: k.clone(), multi: true }),
                    }
                }
                Answer::Many(ids)
            }
            _ => return Err(AnswerError::WrongShape { question: k.clone(), multi: q.multi }),
        };
        out.insert(k.clone(), answer);
    }
    catalog.compile_answers(&out)?;
    Ok(out)
}

impl Catalog {
    /// Answers as one bit mask per question in catalog order (0 = not answered).
    pub(crate) fn compile_answers(&self, answers: &Answers) -> Result<Vec<u32>, AnswerError> {
        let mut state = vec![0u32; self.questions.len()];
        for (qid, a) in answers {
            let qi = self.question_idx(qid).ok_or_else(|| AnswerError::UnknownQuestion(qid.clone()))?;
            let q = &self.questions[qi];
            if let (Answer::Many(_), false) = (a, q.multi) {
                return Err(AnswerError::WrongShape { question: qid.clone(), multi: false });
            }
            let mut mask = ANSWERED;
            for o in a.ids() {
                let bit = q.options.iter().position(|x| &x.id == o).ok_or_else(|| AnswerError::UnknownOption {
                    question: qid.clone(),
                    option: o.clone(),
                    expected: q.options.iter().map(|x| x.id.clone()).collect(),
                })?;
                mask |= 1 << bit;
            }
            if q.multi && (mask & !ANSWERED).count_ones() < u32::from(q.min_choices) {
                return Err(AnswerError::TooFew { question: qid.clone(), min: q.min_choices });
            }
            state[qi] = mask;
        }
        Ok(state)
    }

    /// The answer a compiled mask stands for, in catalog option order.
    pub(crate) fn answer_of(&self, qi: usize, mask: u32) -> Answer {
        let q = &self.questions[qi];
        let ids = q.options.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, o)| o.id.clone());
        if q.multi {
            Answer::Many(ids.collect())
        } else {
            Answer::One(ids.into_iter().next().unwrap_or_default())
        }
    }

    /// Applies one change to compiled answers.
    pub(crate) fn apply_change(&self, state: &mut [u32], ch: &crate::catalog::Change) {
        let Some(qi) = self.question_idx(&ch.question) else { return };
        let q = &self.questions[qi];
        let bit = |o: &String| q.options.iter().position(|x| &x.id == o).map(|i| 1u32 << i).unwrap_or(0);
        let mut mask = state[qi];
        if let Some(a) = &ch.set {
            mask = ANSWERED | a.ids().iter().fold(0, |m, o| m | bit(o));
        }
        if !ch.add.is_empty() || !ch.remove.is_empty() {
            if mask & ANSWERED == 0 && ch.add.is_empty() {
                return; // removing from an unanswered question changes nothing
            }
            mask |= ANSWERED;
            mask |= ch.add.iter().fold(0, |m, o| m | bit(o));
            mask &= !ch.remove.iter().fold(0, |m, o| m | bit(o));
        }
        state[qi] = mask;
    }
}

/// Applies a change to answers (as the widget does when a visitor clicks a what-if).
pub fn apply_change(
    answers: &Answers,
    change: &crate::catalog::Change,
    catalog: &Catalog,
) -> Result<Answers, AnswerError> {
    let mut state = catalog.compile_answers(answers)?;
    let q = catalog.question(&change.question).ok_or_else(|| AnswerError::UnknownQuestion(change.question.clone()))?;
    let ids = change.set.iter().flat_map(|a| a.ids()).chain(&change.add).chain(&change.remove);
    if let Some(bad) = ids.into_iter().find(|o| !q.options.iter().any(|x| &x.id == *o)) {
        return Err(AnswerError::UnknownOption {
            question: q.id.clone(),
            option: bad.clone(),
            expected: q.options.iter().map(|x| x.id.clone()).collect(),
        });
    }
    // What is left to go wrong is the shape: a list for a single question, or the reverse.
    if catalog.check_change(change).is_err() {
        return Err(AnswerError::WrongShape { question: q.id.clone(), multi: q.multi });
    }
    catalog.apply_change(&mut state, change);
    // Keep answers to questions the change does not touch exactly as they were.
    let mut out = answers.clone();
    let qi = catalog.question_idx(&change.question).expect("checked above");
    if state[qi] & ANSWERED != 0 {
        out.insert(change.question.clone(), catalog.answer_of(qi, state[qi]));
    }
    Ok(out)
}
