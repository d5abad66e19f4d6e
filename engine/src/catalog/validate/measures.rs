//! `measures.json`: unique ids, texts and law in both languages, at least one source, answer
//! changes that name real questions and options, and `when` / `reach` conditions that compile.
use std::collections::HashSet;

use super::{change, check_text, compile_opt, err, unique, Sources};
use crate::catalog::{files, CatalogError, Measure, Question, Reach};
use crate::cond::compile::{compile, Ctx, Place};

const FILE: &str = "measures.json";

pub(crate) fn check(
    measures: Vec<files::Measure>,
    ctx: &Ctx,
    questions: &[Question],
    sources: &Sources,
) -> Result<Vec<Measure>, CatalogError> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for m in measures {
        let entry = format!("measure `{}`", m.id);
        unique(FILE, &entry, &m.id, &mut seen)?;
        check_text(FILE, &entry, "title", &m.title)?;
        check_text(FILE, &entry, "text", &m.text)?;
        check_text(FILE, &entry, "law", &m.law)?;
        let srcs = sources.check(FILE, &entry, &m.sources, true)?;
        if m.changes.is_empty() {
            return Err(err(FILE, entry, "changes", "needs at least one change"));
        }
        let mut changes = Vec::new();
        for (ci, ch) in m.changes.iter().enumerate() {
            changes.push(change(questions, ch).map_err(|msg| err(FILE, &entry, format!("changes[{ci}]"), msg))?);
        }
        let when = compile_opt(&m.when, ctx, &Place { file: FILE, entry: &entry, field: "when" })?;
        let reach = match m.reach {
            Some(r) => {
                check_text(FILE, &entry, "reach.text", &r.text)?;
                let when = compile(&r.when, ctx, &Place { file: FILE, entry: &entry, field: "reach.when" })?;
                Some(Reach { when, text: r.text })
            }
            None => None,
        };
        out.push(Measure {
            id: m.id.into(),
            title: m.title,
            text: m.text,
            law: m.law,
            sources: srcs,
            changes: changes.into(),
            when,
            reach,
        });
    }
    Ok(out)
}
