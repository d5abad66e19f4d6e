//! `questions.json`: sections, and questions with unique ids, 2 to 31 options, texts in both
//! languages, and an `ask_when` that reads only questions before it. `suggest_when` may read
//! any question, so it is compiled once all are known (`compile_suggestions`).
use std::collections::{BTreeMap, HashMap};

use super::{check_text, compile_opt, err, Options};
use crate::catalog::{files, CatalogError, QOption, Question, Section};
use crate::cond::compile::{compile, Ctx, Place};
use crate::cond::{Compiled, Cond};
use crate::properties::PropValue;

const FILE: &str = "questions.json";

pub(crate) struct Checked {
    pub sections: Vec<Section>,
    pub questions: Vec<Question>,
    pub index: HashMap<String, usize>,
    pub options: Options,
    /// (question, option) -> its `suggest_when`, to compile once every question is known.
    pub raw_suggest: Vec<((usize, usize), Cond)>,
    /// (question, option) -> its `suggest_unless`, likewise.
    pub raw_unless: Vec<((usize, usize), Cond)>,
}

pub(crate) fn check(
    f: files::QuestionsFile,
    named: &BTreeMap<String, Cond>,
    facts: &HashMap<String, BTreeMap<String, PropValue>>,
    profiles: &HashMap<String, Vec<String>>,
) -> Result<Checked, CatalogError> {
    let mut sections = Vec::new();
    for s in f.sections {
        check_text(FILE, &format!("section `{}`", s.id), "title", &s.title)?;
        sections.push(Section { id: s.id.into(), title: s.title });
    }
    let mut index: HashMap<String, usize> = HashMap::new();
    // Options of the questions seen so far: a question's condition may only read earlier ones.
    let mut options: Options = HashMap::new();
    let mut questions = Vec::new();
    let mut raw_suggest = Vec::new();
    let mut raw_unless = Vec::new();
    for (qi, q) in f.questions.into_iter().enumerate() {
        let entry = format!("question `{}`", q.id);
        if q.id.is_empty() {
            return Err(err(FILE, format!("question #{qi}"), "id", "must not be empty"));
        }
        if index.contains_key(&q.id) {
            return Err(err(FILE, entry, "id", "duplicate id"));
        }
        if !sections.iter().any(|s| s.id == q.section.as_str()) {
            return Err(err(FILE, entry, "section", format!("unknown section `{}`", q.section)));
        }
        check_text(FILE, &entry, "title", &q.title)?;
        check_text(FILE, &entry, "why", &q.why)?;
        if q.options.len() < 2 || q.options.len() > 31 {
            return Err(err(FILE, entry, "options", "needs 2 to 31 options"));
        }
        if usize::from(q.min_choices) > q.options.len() || (!q.multi && q.min_choices > 0) {
            return Err(err(FILE, entry, "min_choices", "only for multi questions, at most the number of options"));
        }
        let mut opts = Vec::new();
        for (oi, o) in q.options.into_iter().enumerate() {
            if o.id.is_empty() || opts.iter().any(|p: &QOption| p.id == o.id.as_str()) {
                return Err(err(
                    FILE,
                    &entry,
                    format!("options[{oi}].id"),
                    format!("empty or duplicate option `{}`", o.id),
                ));
            }
            check_text(FILE, &entry, &format!("options[{oi}].label"), &o.label)?;
            if let Some(h) = &o.hint {
                check_text(FILE, &entry, &format!("options[{oi}].hint"), h)?;
            }
            if let Some(c) = o.suggest_when {
                raw_suggest.push(((qi, oi), c));
            }
            if let Some(c) = o.suggest_unless {
                raw_unless.push(((qi, oi), c));
            }
            if o.open && (q.multi || o.suggest) {
                return Err(err(
                    FILE,
                    &entry,
                    format!("options[{oi}].open"),
                    "an open option belongs to a single-choice question and is never suggested",
                ));
            }
            opts.push(QOption {
                id: o.id.into(),
                label: o.label,
                hint: o.hint,
                suggest: o.suggest,
                suggest_when: None,
                suggest_unless: None,
                open: o.open,
            });
        }
        let ctx = Ctx { index: &index, options: &options, named, facts, profiles };
        let ask =
            compile_opt(&q.ask_when, &ctx, &Place { file: FILE, entry: &entry, field: "ask_when" }).map_err(|e| {
                if e.message.starts_with("unknown question") {
                    let message = format!("{} (a question may only depend on questions before it)", e.message);
                    CatalogError::new(e.file, e.entry, e.field, message)
                } else {
                    e
                }
            })?;
        index.insert(q.id.clone(), qi);
        options.insert(q.id.clone(), opts.iter().map(|o| o.id.to_string()).collect());
        questions.push(Question {
            id: q.id.into(),
            section: q.section.into(),
            multi: q.multi,
            min_choices: q.min_choices,
            what_if: q.what_if,
            title: q.title,
            why: q.why,
            options: opts.into(),
            ask,
        });
    }
    Ok(Checked { sections, questions, index, options, raw_suggest, raw_unless })
}

/// Compiles every `suggest_when`, with all questions known.
pub(crate) fn compile_suggestions(
    raw: &[((usize, usize), Cond)],
    ctx: &Ctx,
) -> Result<HashMap<(usize, usize), Compiled>, CatalogError> {
    let mut out = HashMap::new();
    for ((qi, oi), c) in raw {
        let qid = ctx.index.iter().find(|(_, i)| **i == *qi).map(|(k, _)| k.as_str()).unwrap_or("");
        let entry = format!("question `{qid}`");
        let field = format!("options[{oi}].suggest_when");
        out.insert((*qi, *oi), compile(c, ctx, &Place { file: FILE, entry: &entry, field: &field })?);
    }
    Ok(out)
}
