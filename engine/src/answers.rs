//! Answers: question id to option id(s), as every front-end exchanges them, and their errors.
//! Reading them against a catalog (and the compiled form the engine scores) is `crate::score`.
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::limits::{excerpt, MAX_LIST};

/// One answer: an option id, or a list of option ids for a multi question.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "cli", derive(schemars::JsonSchema, ts_rs::TS))]
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
pub struct JsonError(pub(crate) Arc<serde_json::Error>);

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
    pub(crate) fn describe_json(v: &serde_json::Value) -> String {
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
