//! The scoring core: answers read against the catalog (every id checked; a multi question takes
//! a list), compiled into one bit mask per question, what applies, and the points. How the
//! score is made is at the top of `crate::assess`, which builds the assessment on this.
use std::sync::Arc;

use crate::answers::{Answer, AnswerError, Answers, Change, JsonError, RawValue};
use crate::catalog::{AnswerChange, Catalog};
use crate::cond::ANSWERED;
use crate::limits::{MAX_LIST, MAX_QUESTIONS};

/// Compiled answers: one bit mask per question in catalog order (0 = not answered).
pub(crate) type State = [u32; MAX_QUESTIONS];

/// The compiled answers. An option that decides nothing yet (`"open": true`, such as
/// `messenger: undecided`) counts as no answer: the range then says how far the score can go.
pub(crate) fn state_of(catalog: &Catalog, answers: &Answers) -> Result<State, AnswerError> {
    let v = compile_answers(catalog, answers)?;
    let mut s = [0u32; MAX_QUESTIONS];
    s[..v.len()].copy_from_slice(&v);
    for (qi, q) in catalog.questions().iter().enumerate() {
        if !q.multi && s[qi] & ANSWERED != 0 {
            let bit = (s[qi] & !ANSWERED).trailing_zeros() as usize;
            if q.options.get(bit).is_some_and(|o| o.open) {
                s[qi] = 0;
            }
        }
    }
    Ok(s)
}

/// Masks the answers of questions that do not apply (kept, but not counted).
pub(crate) fn effective(catalog: &Catalog, state: &State) -> (State, u32) {
    let mut eff = [0u32; MAX_QUESTIONS];
    let mut applies = 0u32;
    for (qi, q) in catalog.questions().iter().enumerate() {
        if q.ask.as_ref().is_none_or(|c| c.eval(&eff)) {
            applies |= 1 << qi;
            eff[qi] = state[qi];
        }
    }
    (eff, applies)
}

/// The points of every rule over effective answers: (rule, case, points) of each that fires.
pub(crate) fn fired<'a>(catalog: &'a Catalog, eff: &State) -> impl Iterator<Item = (usize, usize, u32)> + 'a {
    let eff = *eff;
    catalog.rules().iter().enumerate().filter_map(move |(ri, r)| {
        let mut best: Option<(usize, u32)> = None;
        for (ci, case) in r.cases.iter().enumerate() {
            if best.is_none_or(|(_, bp)| case.points > bp) && case.when.eval(&eff) {
                best = Some((ci, case.points));
            }
        }
        best.filter(|(_, p)| *p > 0).map(|(ci, p)| (ri, ci, p))
    })
}

/// The points of effective answers.
pub(crate) fn points_of(catalog: &Catalog, eff: &State) -> u32 {
    fired(catalog, eff).map(|(_, _, p)| p).sum()
}

/// The score of compiled answers.
pub(crate) fn score_of(catalog: &Catalog, state: &State) -> u8 {
    to_score(points_of(catalog, &effective(catalog, state).0))
}

/// Points as a score. The loader guarantees at most 100 for every setup (see the top of
/// `crate::assess`); the saturation only keeps a broken invariant from wrapping around.
pub(crate) fn to_score(points: u32) -> u8 {
    debug_assert!(points <= 100, "the catalog's worst setup exceeds 100 points");
    points.min(100) as u8
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

/// Applies a change (set, add or remove options) to answers, checked against the catalog: for
/// library users and the property tests. The widget merges a what-if's or a measure's answers
/// in its own state reducer (`src/state.rs`).
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
