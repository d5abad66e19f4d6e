//! `sectors.json`: one profile per option of the `sector` question, in its order, exactly one of
//! them the default; every profile has the same value keys (a text may use any of them for any
//! sector), texts in both languages and known sources.
use std::collections::HashMap;

use super::{check_text, err, Options, Sources};
use crate::catalog::{files, CatalogError, Profile, ProfileValue, Str};

const FILE: &str = "sectors.json";

/// Before the questions are compiled: every option of `sector` has a profile (conditions read
/// the profiles' flags, so a missing one would otherwise surface as an unknown flag).
pub(crate) fn check_complete(
    profiles: &[files::SectorProfile],
    questions: &files::QuestionsFile,
) -> Result<(), CatalogError> {
    let Some(q) = questions.questions.iter().find(|q| q.id == "sector") else { return Ok(()) };
    match q.options.iter().find(|o| !profiles.iter().any(|p| p.id == o.id)) {
        Some(o) => Err(err(FILE, format!("profile `{}`", o.id), "", "every sector needs a profile")),
        None => Ok(()),
    }
}

/// Each sector's flags, for `profile` conditions (read before the questions).
pub(crate) fn flags(profiles: &[files::SectorProfile]) -> HashMap<String, Vec<String>> {
    profiles.iter().map(|p| (p.id.clone(), p.flags.clone())).collect()
}

pub(crate) fn check(
    profiles: Vec<files::SectorProfile>,
    options: &Options,
    sources: &Sources,
) -> Result<Vec<Profile>, CatalogError> {
    let sectors = options.get("sector").ok_or_else(|| err(FILE, "", "", "the catalog has no `sector` question"))?;
    let mut by_id: HashMap<String, files::SectorProfile> = HashMap::new();
    for p in profiles {
        let entry = format!("profile `{}`", p.id);
        if !sectors.contains(&p.id) {
            return Err(err(FILE, entry, "id", format!("not an option of `sector` ({})", sectors.join(", "))));
        }
        if by_id.insert(p.id.clone(), p).is_some() {
            return Err(err(FILE, entry, "id", "duplicate profile"));
        }
    }
    let mut keys: Option<Vec<String>> = None;
    let mut out = Vec::new();
    for id in sectors {
        let entry = format!("profile `{id}`");
        let p = by_id.remove(id).ok_or_else(|| err(FILE, &entry, "", "every sector needs a profile"))?;
        let these: Vec<String> = p.values.keys().cloned().collect();
        match &keys {
            None => keys = Some(these),
            Some(k) if *k != these => {
                let missing = k.iter().find(|x| !these.contains(x)).or_else(|| these.iter().find(|x| !k.contains(x)));
                return Err(err(
                    FILE,
                    &entry,
                    "values",
                    format!(
                        "every profile has the same keys: `{}` is not in all of them",
                        missing.map(String::as_str).unwrap_or("")
                    ),
                ));
            }
            Some(_) => {}
        }
        let mut values = Vec::new();
        for (k, v) in p.values {
            let (text, ids) = match v {
                files::ProfileValue::Sourced { text, sources } => (text, sources),
                files::ProfileValue::Plain(text) => (text, Vec::new()),
            };
            // A value may be empty in every language: a sentence that only some sectors add.
            if crate::text::Lang::ALL.iter().any(|l| !text.get(*l).is_empty()) {
                check_text(FILE, &entry, &format!("values.{k}"), &text)?;
            }
            let srcs = sources.check(FILE, &entry, &ids, false)?;
            if let Some(bad) = ids.iter().find(|s| s.contains(':') || s.starts_with('@')) {
                return Err(err(FILE, &entry, format!("values.{k}.sources"), format!("`{bad}`: cite sources by id")));
            }
            // A profile value stands for every messenger: it cites no messenger's documents.
            if let Some(m) = ids.iter().find(|s| sources.is_about_a_messenger(s)) {
                return Err(err(
                    FILE,
                    &entry,
                    format!("values.{k}.sources"),
                    format!("source `{m}` is about a messenger; cite it in the rule's case for that messenger"),
                ));
            }
            // A profile cites only what concerns its own sector (no lawyers' code for a practice).
            if let Some(other) = ids.iter().find(|s| {
                let of = sources.sectors(s);
                !of.is_empty() && !of.iter().any(|x| x == id)
            }) {
                return Err(err(
                    FILE,
                    &entry,
                    format!("values.{k}.sources"),
                    format!("source `{other}` concerns the sectors {}, not `{id}`", sources.sectors(other).join(", ")),
                ));
            }
            values.push((Str::from(k), ProfileValue { text, sources: srcs }));
        }
        out.push(Profile {
            id: id.clone().into(),
            default: p.default,
            flags: p.flags.into_iter().map(Str::from).collect::<Vec<_>>().into(),
            values: values.into(),
        });
    }
    if let Some(stray) = by_id.keys().next() {
        return Err(err(FILE, format!("profile `{stray}`"), "id", "not an option of `sector`"));
    }
    if out.iter().filter(|p| p.default).count() != 1 {
        return Err(err(
            FILE,
            "",
            "default",
            "exactly one profile is the default (its words stand while the sector is open)",
        ));
    }
    Ok(out)
}
