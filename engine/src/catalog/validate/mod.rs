//! Checking the catalog files and turning them into the catalog's items: one function per file
//! kind (`meta`, `sources`, `questions`, `rules`, `measures`, `messengers`, `ui`, `templates`), each naming
//! the file, the entry and the field of what is wrong. Then the whole: the worst setup the
//! questions allow must not exceed 100 points.
use std::collections::{BTreeMap, HashMap, HashSet};

use super::files;
use super::{AnswerChange, CatalogData, CatalogError, List, Str};
use crate::answers::Answer;
use crate::cond::compile::{compile, refs_in, Ctx, Place};
use crate::cond::{Compiled, Cond, ANSWERED};
use crate::text::Text;

mod measures;
mod messengers;
mod meta;
mod questions;
mod rules;
mod sources;
mod templates;
mod ui;

/// The parsed files, in load order.
pub(crate) struct Files {
    pub meta: files::Meta,
    pub conditions: BTreeMap<String, Cond>,
    pub sources: Vec<files::Source>,
    pub messenger_sources: Vec<files::Source>,
    pub questions: files::QuestionsFile,
    pub rules: Vec<files::Rule>,
    pub measures: Vec<files::Measure>,
    pub messengers: Vec<files::Messenger>,
    pub ui: BTreeMap<String, Text>,
    pub templates: files::templates::File,
}

/// Checks everything and builds the catalog's data.
pub(crate) fn catalog(f: Files) -> Result<CatalogData, CatalogError> {
    let (sources, source_index) = sources::check(f.sources, f.messenger_sources)?;
    let known = Sources(source_index.iter().map(|(k, _)| k.to_string()).collect());
    let meta = meta::check(f.meta, &known)?;
    check_named_conditions(&f.conditions)?;
    // Facts first: conditions on them (`fact`) need them from the first question on.
    let facts = messengers::facts(&f.messengers);
    let q = questions::check(f.questions, &f.conditions, &facts)?;
    let ctx = Ctx { index: &q.index, options: &q.options, named: &f.conditions, facts: &facts };
    for (name, c) in &f.conditions {
        let entry = format!("condition `{name}`");
        compile(c, &ctx, &Place { file: "conditions.json", entry: &entry, field: "" })?;
    }
    let questions = q.questions;
    let suggest = questions::compile_suggestions(&q.raw_suggest, &ctx)?;
    let questions: Vec<_> = questions
        .into_iter()
        .enumerate()
        .map(|(qi, mut question)| {
            let options: Vec<_> = question
                .options
                .iter()
                .cloned()
                .enumerate()
                .map(|(oi, mut o)| {
                    o.suggest_when = suggest.get(&(qi, oi)).cloned();
                    o
                })
                .collect();
            question.options = options.into();
            question
        })
        .collect();
    let rules = rules::check(f.rules, &ctx, &known)?;
    let measures = measures::check(f.measures, &ctx, &questions, &known)?;
    let messengers = messengers::check(f.messengers, &ctx, &questions, &known)?;
    let ui = ui::check(f.ui)?;
    let templates = templates::check(f.templates, &ctx, &questions, &measures, &known)?;
    let mut data = CatalogData {
        meta,
        sources,
        sections: q.sections.into(),
        questions: questions.into(),
        rules: rules.into(),
        measures: measures.into(),
        messengers: messengers.into(),
        ui,
        call_to_action: None,
        templates,
        source_index,
        max_points: u32::MAX,
        pivot: None,
    };
    // The score is the sum of the factors' points, with no cap: the worst setup the questions
    // can describe must not exceed 100 (then a worse setup always scores higher).
    let draft = super::Catalog::from_data(data.clone());
    data.pivot = crate::search::most_read_question(&draft);
    let draft = super::Catalog::from_data(CatalogData { pivot: data.pivot, ..data.clone() });
    let worst = crate::search::max_points_exact(&draft);
    if worst > 100 {
        return Err(err(
            "rules.json",
            "",
            "",
            format!(
                "the worst setup the questions allow adds up to {worst} points; the scale ends at 100: lower some points"
            ),
        ));
    }
    data.max_points = worst;
    Ok(data)
}

/// Every named condition refers only to named conditions that exist (whether they compile is
/// checked once the questions are known).
fn check_named_conditions(named: &BTreeMap<String, Cond>) -> Result<(), CatalogError> {
    for (name, c) in named {
        if name.is_empty() {
            return Err(err("conditions.json", "", "", "a condition needs a name"));
        }
        if let Some(missing) = refs_in(c).into_iter().find(|r| !named.contains_key(*r)) {
            return Err(err(
                "conditions.json",
                format!("condition `{name}`"),
                "",
                format!("unknown condition `{missing}`"),
            ));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Helpers every file kind uses.

pub(crate) fn err(
    file: &str,
    entry: impl Into<String>,
    field: impl Into<String>,
    message: impl Into<String>,
) -> CatalogError {
    CatalogError::new(file, entry, field, message)
}

/// The ids of the catalog's sources, for checking references.
pub(crate) struct Sources(HashSet<String>);

impl Sources {
    /// Checks a list of source ids: each known, and at least one if `required`.
    pub fn check(&self, file: &str, entry: &str, ids: &[String], required: bool) -> Result<List<Str>, CatalogError> {
        if required && ids.is_empty() {
            return Err(err(file, entry, "sources", "needs at least one source"));
        }
        for (i, id) in ids.iter().enumerate() {
            if !self.0.contains(id) {
                return Err(err(file, entry, format!("sources[{i}]"), format!("unknown source `{id}`")));
            }
        }
        Ok(strs(ids))
    }

    /// Whether a source with this id exists.
    pub fn knows(&self, id: &str) -> bool {
        self.0.contains(id)
    }
}

pub(crate) fn strs(ids: &[String]) -> List<Str> {
    ids.iter().map(|s| Str::from(s.clone())).collect::<Vec<_>>().into()
}

pub(crate) fn check_text(file: &str, entry: &str, field: &str, t: &Text) -> Result<(), CatalogError> {
    match t.missing() {
        Some(lang) => {
            let f = if field.is_empty() { lang.code().to_string() } else { format!("{field}.{lang}") };
            Err(err(file, entry, f, "text is empty"))
        }
        None => Ok(()),
    }
}

pub(crate) fn check_date(file: &str, entry: &str, field: &str, d: &str) -> Result<(), CatalogError> {
    let b = d.as_bytes();
    let ok = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
        && (1..=12).contains(&d[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&d[8..10].parse::<u8>().unwrap_or(0));
    if ok {
        Ok(())
    } else {
        Err(err(file, entry, field, format!("`{d}` is not a date YYYY-MM-DD")))
    }
}

/// Compiles an optional condition.
pub(crate) fn compile_opt(c: &Option<Cond>, ctx: &Ctx, at: &Place) -> Result<Option<Compiled>, CatalogError> {
    c.as_ref().map(|c| compile(c, ctx, at)).transpose()
}

/// Checks an answer change against the questions and resolves its ids to bits.
pub(crate) fn change(questions: &[super::Question], ch: &files::Change) -> Result<AnswerChange, String> {
    let (qi, q) = questions
        .iter()
        .enumerate()
        .find(|(_, q)| q.id == ch.question.as_str())
        .ok_or_else(|| format!("unknown question `{}`", ch.question))?;
    let bit = |o: &String| -> Result<u32, String> {
        q.options
            .iter()
            .position(|x| x.id == o.as_str())
            .map(|b| 1u32 << b)
            .ok_or_else(|| format!("unknown option `{o}` for question `{}`", q.id))
    };
    let bits = |ids: &[String]| ids.iter().try_fold(0u32, |m, o| Ok::<u32, String>(m | bit(o)?));
    let set = match &ch.set {
        Some(Answer::One(o)) => {
            if q.multi {
                return Err(format!("question `{}` takes a list", q.id));
            }
            Some(ANSWERED | bit(o)?)
        }
        Some(Answer::Many(os)) => {
            if !q.multi {
                return Err(format!("question `{}` takes one option", q.id));
            }
            Some(ANSWERED | bits(os)?)
        }
        None if ch.add.is_empty() && ch.remove.is_empty() => return Err("changes nothing".into()),
        None => None,
    };
    if !q.multi && (!ch.add.is_empty() || !ch.remove.is_empty()) {
        return Err(format!("add/remove only work on multi questions, not `{}`", q.id));
    }
    Ok(AnswerChange { q: qi, set, add: bits(&ch.add)?, remove: bits(&ch.remove)? })
}

/// The ids seen so far in a file, to refuse duplicates.
pub(crate) fn unique(file: &str, entry: &str, id: &str, seen: &mut HashSet<String>) -> Result<(), CatalogError> {
    if id.is_empty() || !seen.insert(id.to_string()) {
        return Err(err(file, entry, "id", "empty or duplicate id"));
    }
    Ok(())
}

/// A question index's option ids, for conditions.
pub(crate) type Options = HashMap<String, Vec<String>>;
