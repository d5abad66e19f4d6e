//! `rules.json`: unique ids, texts and law in both languages, at least one source, cases with
//! conditions that compile and 0..=100 points. A rule's common `when` joins each case's own.
use std::collections::HashSet;

use super::{check_text, compile_opt, err, unique, Sources};
use crate::catalog::{files, Case, CatalogError, Rule};
use crate::cond::compile::{compile, Ctx, Place};
use crate::cond::Compiled;

const FILE: &str = "rules.json";

pub(crate) fn check(rules: Vec<files::Rule>, ctx: &Ctx, sources: &Sources) -> Result<Vec<Rule>, CatalogError> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for r in rules {
        let entry = format!("rule `{}`", r.id);
        unique(FILE, &entry, &r.id, &mut seen)?;
        check_text(FILE, &entry, "title", &r.title)?;
        check_text(FILE, &entry, "text", &r.text)?;
        check_text(FILE, &entry, "law", &r.law)?;
        let srcs = sources.check(FILE, &entry, &r.sources, true)?;
        if r.cases.is_empty() {
            return Err(err(FILE, entry, "cases", "needs at least one case"));
        }
        let common = compile_opt(&r.when, ctx, &Place { file: FILE, entry: &entry, field: "when" })?;
        let mut cases = Vec::new();
        for (ci, case) in r.cases.into_iter().enumerate() {
            let field = format!("cases[{ci}].when");
            let own = compile(&case.when, ctx, &Place { file: FILE, entry: &entry, field: &field })?;
            if let Some(t) = &case.text {
                check_text(FILE, &entry, &format!("cases[{ci}].text"), t)?;
            }
            if case.points > 100 {
                return Err(err(FILE, entry, format!("cases[{ci}].points"), "must be 0..=100"));
            }
            let when = match &common {
                Some(k) => Compiled::All(vec![k.clone(), own].into()),
                None => own,
            };
            cases.push(Case { when, points: case.points, text: case.text });
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
