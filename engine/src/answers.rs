//! Answers: question id to option id(s), as every front-end exchanges them, and the compiled
//! form the engine scores (one bit mask per question).
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::catalog::{AnswerChange, Catalog};
use crate::cond::ANSWERED;
use crate::limits::{excerpt, MAX_LIST};

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

/// One answer change, by ids: `set` replaces the answer (one id, or a list for a multi
/// question); `add` and `remove` change a multi question's selection.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub question: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set: Option<Answer>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remove: Vec<String>,
}

/// Bad answers: the message names the unknown question or option.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerError {
    /// The text is not JSON (the cause is serde_json's error, with line and column).
    Json(JsonError),
    NotAnObject,
    UnknownQuestion(String),
    UnknownOption {
        question: String,
        option: String,
        expected: Vec<String>,
    },
    WrongShape {
        question: String,
        multi: bool,
    },
    /// A value that is neither an id nor a list of ids (`got`: what it was, "a number", …).
    NotAnId {
        question: String,
        multi: bool,
        got: String,
    },
    /// An item of a list that is not an id.
    ListItem {
        question: String,
        index: usize,
        got: String,
    },
    /// A list longer than any list of ids can be (`limits::MAX_LIST`).
    ListTooLong {
        question: String,
        len: usize,
    },
    TooFew {
        question: String,
        min: u8,
    },
}

/// serde_json's error, kept as the cause of `AnswerError::Json`.
#[derive(Clone, Debug)]
pub struct JsonError(Arc<serde_json::Error>);

impl PartialEq for JsonError {
    fn eq(&self, other: &JsonError) -> bool {
        self.0.to_string() == other.0.to_string()
    }
}

impl Eq for JsonError {}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Ids in messages are quoted as excerpts (`limits::excerpt`): cut, and with control
/// characters written out, so a message stays short and safe to print whatever it was given.
impl fmt::Display for AnswerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerError::Json(e) => write!(f, "the answers are not valid JSON: {e}"),
            AnswerError::NotAnObject => {
                write!(f, "the answers must be a JSON object of question id to option id (or a list of option ids)")
            }
            AnswerError::UnknownQuestion(q) => write!(f, "unknown question `{}`", excerpt(q)),
            AnswerError::UnknownOption { question, option, expected } => {
                write!(
                    f,
                    "unknown option `{}` for question `{question}` (expected one of: {})",
                    excerpt(option),
                    expected.join(", ")
                )
            }
            AnswerError::WrongShape { question, multi: true } => {
                write!(f, "question `{question}` takes a list of option ids, not one id")
            }
            AnswerError::WrongShape { question, multi: false } => {
                write!(f, "question `{question}` takes one option id, not a list")
            }
            AnswerError::NotAnId { question, multi: true, got } => {
                write!(f, "question `{question}` takes a list of option ids (got {got})")
            }
            AnswerError::NotAnId { question, multi: false, got } => {
                write!(f, "question `{question}` takes one option id, a string (got {got})")
            }
            AnswerError::ListItem { question, index, got } => {
                write!(f, "question `{question}`: item {index} of the list must be an option id, a string (got {got})")
            }
            AnswerError::ListTooLong { question, len } => {
                write!(f, "question `{question}` takes at most {MAX_LIST} option ids (got a list of {len})")
            }
            AnswerError::TooFew { question, min } => write!(f, "question `{question}` needs at least {min} option(s)"),
        }
    }
}

impl std::error::Error for AnswerError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AnswerError::Json(e) => Some(&*e.0),
            _ => None,
        }
    }
}

/// An answer's value before it is checked, whatever it was read from (JSON text, a JSON value,
/// or a JavaScript object in the widget's bindings).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RawValue {
    /// `null` or missing: not answered.
    Null,
    Str(String),
    /// A list; an item that is not a string is `Err` with what it was ("a number", …). A
    /// reader checks the length first (at most `limits::MAX_LIST` items are read; a longer list
    /// is `TooLong` with its length).
    List(Vec<Result<String, String>>),
    TooLong(usize),
    /// Anything else, with what it was: "a number", "an object", "true", …
    Other(String),
}

impl RawValue {
    /// What a JSON value is, for an error message.
    fn describe_json(v: &serde_json::Value) -> String {
        use serde_json::Value;
        match v {
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::Number(_) => "a number".into(),
            Value::String(_) => "a string".into(),
            Value::Array(_) => "a list".into(),
            Value::Object(_) => "an object".into(),
        }
    }
}

/// Parses answers from JSON text, checking every id against the catalog.
/// `null` stands for "not answered"; a multi question takes a list (a bare id is an error that
/// names the question, as the contract and the JSON Schema say).
pub fn parse_answers(json: &str, catalog: &Catalog) -> Result<Answers, AnswerError> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| AnswerError::Json(JsonError(Arc::new(e))))?;
    answers_from_value(&value, catalog)
}

/// Reads answers from a JSON value, checking every id against the catalog.
pub fn answers_from_value(value: &serde_json::Value, catalog: &Catalog) -> Result<Answers, AnswerError> {
    use serde_json::Value;
    let obj = value.as_object().ok_or(AnswerError::NotAnObject)?;
    let raw = obj.iter().map(|(k, v)| {
        let v = match v {
            Value::Null => RawValue::Null,
            Value::String(s) => RawValue::Str(s.clone()),
            Value::Array(items) if items.len() > MAX_LIST => RawValue::TooLong(items.len()),
            Value::Array(items) => RawValue::List(
                items
                    .iter()
                    .map(|x| x.as_str().map(str::to_string).ok_or_else(|| RawValue::describe_json(x)))
                    .collect(),
            ),
            other => RawValue::Other(RawValue::describe_json(other)),
        };
        (k.clone(), v)
    });
    answers_from_raw(raw, catalog)
}

/// Reads answers from (question id, value) pairs, checking every id against the catalog.
pub fn answers_from_raw(
    pairs: impl IntoIterator<Item = (String, RawValue)>,
    catalog: &Catalog,
) -> Result<Answers, AnswerError> {
    let mut out = Answers::new();
    for (k, v) in pairs {
        let q = catalog.question(&k).ok_or_else(|| AnswerError::UnknownQuestion(k.clone()))?;
        let answer = match v {
            RawValue::Null => continue,
            RawValue::Str(s) if !q.multi => Answer::One(s),
            RawValue::TooLong(len) => return Err(AnswerError::ListTooLong { question: k, len }),
            RawValue::List(items) if items.len() > MAX_LIST => {
                return Err(AnswerError::ListTooLong { question: k, len: items.len() })
            }
            RawValue::List(items) if q.multi => {
                let mut ids = Vec::with_capacity(items.len());
                for (index, item) in items.into_iter().enumerate() {
                    match item {
                        Ok(id) => ids.push(id),
                        Err(got) => return Err(AnswerError::ListItem { question: k, index, got }),
                    }
                }
                Answer::Many(ids)
            }
            RawValue::Other(got) => return Err(AnswerError::NotAnId { question: k, multi: q.multi, got }),
            _ => return Err(AnswerError::WrongShape { question: k.clone(), multi: q.multi }),
        };
        out.insert(k, answer);
    }
    compile_answers(catalog, &out)?;
    Ok(out)
}

/// Answers as one bit mask per question in catalog order (0 = not answered).
pub(crate) fn compile_answers(catalog: &Catalog, answers: &Answers) -> Result<Vec<u32>, AnswerError> {
    let questions = catalog.questions();
    let mut state = vec![0u32; questions.len()];
    for (qid, a) in answers {
        let qi = catalog.question_idx(qid).ok_or_else(|| AnswerError::UnknownQuestion(qid.clone()))?;
        let q = &questions[qi];
        if let (Answer::Many(_), false) = (a, q.multi) {
            return Err(AnswerError::WrongShape { question: qid.clone(), multi: false });
        }
        let mut mask = ANSWERED;
        for o in a.ids() {
            let bit = q.options.iter().position(|x| x.id == o.as_str()).ok_or_else(|| AnswerError::UnknownOption {
                question: qid.clone(),
                option: o.clone(),
                expected: q.options.iter().map(|x| x.id.to_string()).collect(),
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
pub(crate) fn answer_of(catalog: &Catalog, qi: usize, mask: u32) -> Answer {
    let q = &catalog.questions()[qi];
    let ids = q.options.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, o)| o.id.to_string());
    if q.multi {
        Answer::Many(ids.collect())
    } else {
        Answer::One(ids.into_iter().next().unwrap_or_default())
    }
}

/// Applies one resolved change to compiled answers.
pub(crate) fn apply(state: &mut [u32], ch: &AnswerChange) {
    let mut mask = state[ch.q];
    if let Some(set) = ch.set {
        mask = set;
    }
    if ch.add != 0 || ch.remove != 0 {
        if mask & ANSWERED == 0 && ch.add == 0 {
            return; // removing from an unanswered question changes nothing
        }
        mask = (mask | ANSWERED | ch.add) & !ch.remove;
    }
    state[ch.q] = mask;
}

/// Resolves a change's ids against the catalog.
fn resolve(catalog: &Catalog, change: &Change) -> Result<AnswerChange, AnswerError> {
    let qi =
        catalog.question_idx(&change.question).ok_or_else(|| AnswerError::UnknownQuestion(change.question.clone()))?;
    let q = &catalog.questions()[qi];
    let bits = |ids: &[String]| -> Result<u32, AnswerError> {
        ids.iter().try_fold(0u32, |m, o| {
            let b = q.options.iter().position(|x| x.id == o.as_str()).ok_or_else(|| AnswerError::UnknownOption {
                question: q.id.to_string(),
                option: o.clone(),
                expected: q.options.iter().map(|x| x.id.to_string()).collect(),
            })?;
            Ok(m | 1 << b)
        })
    };
    let (add, remove) = (bits(&change.add)?, bits(&change.remove)?);
    let set = change.set.as_ref().map(|a| bits(a.ids())).transpose()?.map(|m| m | ANSWERED);
    let shape_ok = match &change.set {
        Some(Answer::One(_)) => !q.multi,
        Some(Answer::Many(_)) => q.multi,
        None => true,
    } && (q.multi || (change.add.is_empty() && change.remove.is_empty()));
    if !shape_ok {
        return Err(AnswerError::WrongShape { question: q.id.to_string(), multi: q.multi });
    }
    Ok(AnswerChange { q: qi, set, add, remove })
}

/// Applies a change to answers (as the widget does when a visitor clicks a what-if).
pub fn apply_change(answers: &Answers, change: &Change, catalog: &Catalog) -> Result<Answers, AnswerError> {
    let mut state = compile_answers(catalog, answers)?;
    let ch = resolve(catalog, change)?;
    apply(&mut state, &ch);
    // Keep answers to questions the change does not touch exactly as they were.
    let mut out = answers.clone();
    if state[ch.q] & ANSWERED != 0 {
        out.insert(change.question.clone(), answer_of(catalog, ch.q, state[ch.q]));
    }
    Ok(out)
}
