//! `messengers.json`: unique ids, texts in both languages, every property of `PROPERTIES` with
//! a source unless it is `unknown`, fit rules and conditions that compile, and a description
//! for every messenger the `messenger` question offers for suggestion.
use std::collections::{BTreeMap, HashMap, HashSet};

use super::placeholders::Keys;
use super::{change, check_text, compile_opt, err, reach, unique, Sources};
use crate::catalog::{files, CatalogError, FitRule, Messenger, Properties, Property, Question, Str, PROPERTIES};
use crate::cond::compile::{compile, Ctx, Place};
use crate::properties::PropValue;

const FILE: &str = "messengers.json";

/// Each messenger's property values, for `fact` conditions (read before the questions).
pub(crate) fn facts(messengers: &[files::Messenger]) -> HashMap<String, BTreeMap<String, PropValue>> {
    messengers
        .iter()
        .map(|m| (m.id.clone(), m.properties.iter().map(|(k, p)| (k.clone(), p.value)).collect()))
        .collect()
}

pub(crate) fn check(
    messengers: Vec<files::Messenger>,
    ctx: &Ctx,
    questions: &[Question],
    sources: &Sources,
    keys: &Keys,
) -> Result<Vec<Messenger>, CatalogError> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for mut m in messengers {
        let entry = format!("messenger `{}`", m.id);
        unique(FILE, &entry, &m.id, &mut seen)?;
        if m.name.trim().is_empty() {
            return Err(err(FILE, entry, "name", "must not be empty"));
        }
        for (field, t) in [("summary", &m.summary), ("operator", &m.operator), ("cost", &m.cost)] {
            check_text(FILE, &entry, field, t)?;
            keys.check(FILE, &entry, field, t)?;
        }
        if !(0..=100).contains(&m.base_fit) {
            return Err(err(FILE, entry, "base_fit", "must be 0..=100"));
        }
        if let Some(k) = m.properties.keys().find(|k| !PROPERTIES.contains(&k.as_str())) {
            return Err(err(
                FILE,
                entry,
                format!("properties.{k}"),
                format!("unknown property (known: {})", PROPERTIES.join(", ")),
            ));
        }
        let mut problem = None;
        let properties = Properties::try_from_fn(|key| {
            let p = m.properties.remove(key)?;
            let checked = (|| {
                if let Some(n) = &p.note {
                    check_text(FILE, &entry, &format!("properties.{key}.note"), n)?;
                }
                sources.check(FILE, &entry, &p.sources, p.value != PropValue::Unknown).map_err(|e| {
                    CatalogError::new(
                        e.file.clone(),
                        e.entry.clone(),
                        format!("properties.{key}.{}", e.field),
                        e.message.clone(),
                    )
                })
            })();
            match checked {
                Ok(srcs) => Some(Property { value: p.value, note: p.note, sources: srcs }),
                Err(e) => {
                    problem.get_or_insert(e);
                    Some(Property { value: p.value, note: None, sources: Default::default() })
                }
            }
        });
        if let Some(e) = problem {
            return Err(e);
        }
        let properties = properties.map_err(|key| {
            err(FILE, &entry, format!("properties.{key}"), "is missing (write `unknown` if no source says)")
        })?;
        let mut assume = Vec::new();
        for (ci, a) in m.assume.iter().enumerate() {
            let ch =
                files::Change { question: a.question.clone(), set: a.set.clone(), add: Vec::new(), remove: Vec::new() };
            let changed = change(questions, &ch).map_err(|msg| err(FILE, &entry, format!("assume[{ci}]"), msg))?;
            let field = format!("assume[{ci}].when");
            let when = compile_opt(&a.when, ctx, &Place { file: FILE, entry: &entry, field: &field })?;
            assume.push((when, changed));
        }
        let messenger_sources = sources.check(FILE, &entry, &m.sources, false)?;
        let mut fit = Vec::new();
        for (fi, f) in m.fit.into_iter().enumerate() {
            check_text(FILE, &entry, &format!("fit[{fi}].reason"), &f.reason)?;
            keys.check(FILE, &entry, &format!("fit[{fi}].reason"), &f.reason)?;
            let field = format!("fit[{fi}].when");
            let when = compile(&f.when, ctx, &Place { file: FILE, entry: &entry, field: &field })?;
            fit.push(FitRule { when, points: f.points, reason: f.reason });
        }
        let offer_when = compile_opt(&m.offer_when, ctx, &Place { file: FILE, entry: &entry, field: "offer_when" })?;
        let reach = reach(m.reach, FILE, &entry, keys, ctx)?;
        out.push(Messenger {
            id: m.id.into(),
            name: Str::from(m.name),
            recommend: m.recommend,
            summary: m.summary,
            operator: m.operator,
            cost: m.cost,
            properties,
            base_fit: m.base_fit,
            fit: fit.into(),
            assume: assume.into(),
            sources: messenger_sources,
            offer_when,
            reach,
        });
    }
    // Every option of `messenger` a what-if may suggest is described.
    if let Some(q) = questions.iter().find(|q| q.id == "messenger") {
        for o in q.options.iter().filter(|o| o.suggest) {
            if !out.iter().any(|m| m.id == o.id) {
                return Err(err(
                    FILE,
                    format!("messenger `{}`", o.id),
                    "id",
                    "the messenger question offers it, but the catalog does not describe it",
                ));
            }
        }
    }
    Ok(out)
}
