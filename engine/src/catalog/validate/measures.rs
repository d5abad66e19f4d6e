//! `measures.json`: unique ids, texts and law in both languages, at least one source, answer
//! changes that name real questions and options, and `when` / `reach` conditions that compile.
use std::collections::HashSet;

use super::placeholders::Keys;
use super::{change, check_text, compile_opt, err, reach, unique, Sources};
use crate::catalog::{files, CatalogError, Measure, MeasureCase, Question};
use crate::cond::compile::{compile, Ctx, Place};

const FILE: &str = "measures.json";

pub(crate) fn check(
    measures: Vec<files::Measure>,
    ctx: &Ctx,
    questions: &[Question],
    sources: &Sources,
    keys: &Keys,
) -> Result<Vec<Measure>, CatalogError> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for m in measures {
        let entry = format!("measure `{}`", m.id);
        unique(FILE, &entry, &m.id, &mut seen)?;
        for (field, t) in [("title", &m.title), ("text", &m.text), ("law", &m.law)] {
            check_text(FILE, &entry, field, t)?;
            keys.check(FILE, &entry, field, t)?;
        }
        let srcs = sources.check(FILE, &entry, &m.sources, true)?;
        keys.check_sources(FILE, &entry, "sources", &m.sources)?;
        if m.changes.is_empty() {
            return Err(err(FILE, entry, "changes", "needs at least one change"));
        }
        let mut changes = Vec::new();
        for (ci, ch) in m.changes.iter().enumerate() {
            changes.push(change(questions, ch).map_err(|msg| err(FILE, &entry, format!("changes[{ci}]"), msg))?);
        }
        let when = compile_opt(&m.when, ctx, &Place { file: FILE, entry: &entry, field: "when" })?;
        let unless = compile_opt(&m.unless, ctx, &Place { file: FILE, entry: &entry, field: "unless" })?;
        // A measure's own sources may be about the messenger it switches to; its cases' sources
        // describe the visitor's setup and must fit it.
        let mut cases = Vec::new();
        for (ci, c) in m.cases.iter().enumerate() {
            let at = |f: &str| format!("cases[{ci}].{f}");
            let own = compile(&c.when, ctx, &Place { file: FILE, entry: &entry, field: &at("when") })?;
            for (name, t) in [("title", &c.title), ("text", &c.text)] {
                if let Some(t) = t {
                    check_text(FILE, &entry, &at(name), t)?;
                    keys.check(FILE, &entry, &at(name), t)?;
                }
            }
            if c.title.is_none() && c.text.is_none() {
                return Err(err(FILE, &entry, at("text"), "a case changes the title, the text or both"));
            }
            let both = match &when {
                Some(w) => crate::cond::Compiled::All(vec![w.clone(), own.clone()].into()),
                None => own.clone(),
            };
            let srcs = sources.check(FILE, &entry, &c.sources, false)?;
            keys.check_sources(FILE, &entry, &at("sources"), &c.sources)?;
            sources.check_fit(FILE, &entry, &at("sources"), &c.sources, Some(&both), ctx)?;
            cases.push(MeasureCase { when: own, title: c.title.clone(), text: c.text.clone(), sources: srcs });
        }
        let reach = reach(m.reach, FILE, &entry, keys, ctx)?;
        out.push(Measure {
            id: m.id.into(),
            title: m.title,
            text: m.text,
            law: m.law,
            sources: srcs,
            changes: changes.into(),
            when,
            unless,
            reach,
            cases: cases.into(),
        });
    }
    Ok(out)
}
