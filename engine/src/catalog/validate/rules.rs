//! `rules.json`: unique ids, texts and law in both languages, sources for every case, cases with
//! conditions that compile and 0..=100 points. A rule's common `when` joins each case's own.
//! Placeholders name values of the sector profiles; a source about some messengers or sectors
//! is cited only by a case that can fire for nothing else.
use std::collections::HashSet;

use super::placeholders::Keys;
use super::{check_text, compile_opt, err, unique, Sources};
use crate::catalog::{files, Case, CatalogError, Rule};
use crate::cond::compile::{compile, Ctx, Place};
use crate::cond::Compiled;

const FILE: &str = "rules.json";

pub(crate) fn check(
    rules: Vec<files::Rule>,
    ctx: &Ctx,
    sources: &Sources,
    keys: &Keys,
) -> Result<Vec<Rule>, CatalogError> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for r in rules {
        let entry = format!("rule `{}`", r.id);
        unique(FILE, &entry, &r.id, &mut seen)?;
        for (field, t) in [("title", &r.title), ("text", &r.text), ("law", &r.law)] {
            check_text(FILE, &entry, field, t)?;
            keys.check(FILE, &entry, field, t)?;
        }
        let srcs = sources.check(FILE, &entry, &r.sources, false)?;
        keys.check_sources(FILE, &entry, "sources", &r.sources)?;
        if r.cases.is_empty() {
            return Err(err(FILE, entry, "cases", "needs at least one case"));
        }
        let common = compile_opt(&r.when, ctx, &Place { file: FILE, entry: &entry, field: "when" })?;
        sources.check_fit(FILE, &entry, "sources", &r.sources, common.as_ref(), ctx)?;
        let mut cases = Vec::new();
        for (ci, case) in r.cases.into_iter().enumerate() {
            let field = format!("cases[{ci}].when");
            let own = compile(&case.when, ctx, &Place { file: FILE, entry: &entry, field: &field })?;
            for (name, t) in [("text", &case.text), ("law", &case.law)] {
                if let Some(t) = t {
                    let f = format!("cases[{ci}].{name}");
                    check_text(FILE, &entry, &f, t)?;
                    keys.check(FILE, &entry, &f, t)?;
                }
            }
            if case.points > 100 {
                return Err(err(FILE, entry, format!("cases[{ci}].points"), "must be 0..=100"));
            }
            let when = match &common {
                Some(k) => Compiled::All(vec![k.clone(), own].into()),
                None => own,
            };
            let f = format!("cases[{ci}].sources");
            let case_sources = sources.check(FILE, &entry, &case.sources, false)?;
            keys.check_sources(FILE, &entry, &f, &case.sources)?;
            sources.check_fit(FILE, &entry, &f, &case.sources, Some(&when), ctx)?;
            if srcs.is_empty() && case_sources.is_empty() {
                return Err(err(FILE, &entry, f, "needs at least one source (the case's or the rule's)"));
            }
            cases.push(Case { when, points: case.points, text: case.text, law: case.law, sources: case_sources });
        }
        out.push(Rule {
            id: r.id.into(),
            title: r.title,
            text: r.text,
            law: r.law,
            sources: srcs,
            cases: cases.into(),
        });
    }
    Ok(out)
}
