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
mod placeholders;
mod questions;
mod rules;
mod sectors;
mod sources;
mod templates;
mod ui;

/// The parsed files, in load order.
pub(crate) struct Files {
    pub meta: files::Meta,
    pub conditions: BTreeMap<String, Cond>,
    pub sources: Vec<files::Source>,
    pub messenger_sources: Vec<files::Source>,
    pub sectors: Vec<files::SectorProfile>,
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
    let known = Sources(
        sources
            .iter()
            .map(|s| {
                let list = |l: &[Str]| l.iter().map(|x| x.to_string()).collect::<Vec<_>>();
                (s.id.to_string(), (list(&s.about), list(&s.sectors)))
            })
            .collect(),
    );
    let meta = meta::check(f.meta, &known)?;
    check_named_conditions(&f.conditions)?;
    // Facts first: conditions on them (`fact`) need them from the first question on.
    let facts = messengers::facts(&f.messengers);
    sectors::check_complete(&f.sectors, &f.questions)?;
    let flags = sectors::flags(&f.sectors);
    let q = questions::check(f.questions, &f.conditions, &facts, &flags)?;
    let ctx = Ctx { index: &q.index, options: &q.options, named: &f.conditions, facts: &facts, profiles: &flags };
    for (name, c) in &f.conditions {
        let entry = format!("condition `{name}`");
        compile(c, &ctx, &Place { file: "conditions.json", entry: &entry, field: "" })?;
    }
    let questions = q.questions;
    let suggest = questions::compile_suggestions(&q.raw_suggest, &ctx)?;
    let unless = questions::compile_suggestions(&q.raw_unless, &ctx)?;
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
                    o.suggest_unless = unless.get(&(qi, oi)).cloned();
                    o
                })
                .collect();
            question.options = options.into();
            question
        })
        .collect();
    let profiles = sectors::check(f.sectors, &q.options, &known)?;
    let keys = placeholders::Keys::of(&profiles);
    let rules = rules::check(f.rules, &ctx, &known, &keys)?;
    let measures = measures::check(f.measures, &ctx, &questions, &known, &keys)?;
    let messengers = messengers::check(f.messengers, &ctx, &questions, &known, &keys)?;
    let ui = ui::check(f.ui)?;
    let templates = templates::check(f.templates, &ctx, &questions, &measures, &known, &keys)?;
    keys.check_meta(&meta)?;
    Ok(CatalogData {
        meta,
        sources,
        sections: q.sections.into(),
        questions: questions.into(),
        rules: rules.into(),
        measures: measures.into(),
        messengers: messengers.into(),
        profiles: profiles.into(),
        ui,
        call_to_action: None,
        templates,
        source_index,
        // Calibrated once the catalog is complete (`crate::load`, with the range search).
        max_points: u32::MAX,
        pivot: None,
    })
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

pub(crate) use crate::catalog::PROFILE_SOURCES;

/// The ids of the catalog's sources, for checking references, with the messengers and sectors
/// each is about (empty: none in particular).
pub(crate) struct Sources(HashMap<String, (Vec<String>, Vec<String>)>);

impl Sources {
    /// Checks a list of source ids: each known, and at least one if `required`.
    pub fn check(&self, file: &str, entry: &str, ids: &[String], required: bool) -> Result<List<Str>, CatalogError> {
        if required && ids.is_empty() {
            return Err(err(file, entry, "sources", "needs at least one source"));
        }
        for (i, id) in ids.iter().enumerate() {
            let property = id.strip_prefix('@').is_some_and(|p| crate::catalog::PROPERTIES.contains(&p));
            if !self.0.contains_key(id) && !id.starts_with(PROFILE_SOURCES) && !property {
                return Err(err(file, entry, format!("sources[{i}]"), format!("unknown source `{id}`")));
            }
        }
        Ok(strs(ids))
    }

    /// Whether a source with this id exists.
    pub fn knows(&self, id: &str) -> bool {
        self.0.contains_key(id)
    }

    /// Whether a source is about some messengers only.
    pub fn is_about_a_messenger(&self, id: &str) -> bool {
        self.0.get(id).is_some_and(|(m, _)| !m.is_empty())
    }

    /// The sectors a source concerns (empty: all).
    pub fn sectors(&self, id: &str) -> &[String] {
        self.0.get(id).map_or(&[], |(_, s)| &s[..])
    }

    /// Checks that a piece citing `ids` under condition `when` can only be shown to visitors of
    /// the messengers and sectors those sources are about: a WhatsApp finding never cites
    /// Telegram's documents, a municipality never reads the lawyers' professional code.
    pub fn check_fit(
        &self,
        file: &str,
        entry: &str,
        field: &str,
        ids: &[String],
        when: Option<&Compiled>,
        ctx: &Ctx,
    ) -> Result<(), CatalogError> {
        let (questions, options) = (ctx.index, ctx.options);
        for id in ids {
            let Some((about, sectors)) = self.0.get(id) else { continue };
            for (q, wanted, what) in [("messenger", about, "messengers"), ("sector", sectors, "sectors")] {
                if wanted.is_empty() {
                    continue;
                }
                let (Some(&qi), Some(opts)) = (questions.get(q), options.get(q)) else { continue };
                let reachable = reachable_options(when, qi, opts.len());
                let stray: Vec<&str> =
                    reachable.iter().map(|&b| opts[b].as_str()).filter(|o| !wanted.iter().any(|w| w == o)).collect();
                if !stray.is_empty() {
                    return Err(err(
                        file,
                        entry,
                        field,
                        format!(
                            "source `{id}` is about the {what} {}, but this can also be shown for {}: cite it in a case for those only",
                            wanted.join(", "),
                            stray.join(", ")
                        ),
                    ));
                }
            }
        }
        Ok(())
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

/// Checks a measure's or messenger's `reach` (its text and its condition) and compiles it.
pub(crate) fn reach(
    r: Option<files::Reach>,
    file: &str,
    entry: &str,
    keys: &placeholders::Keys,
    ctx: &Ctx,
) -> Result<Option<super::Reach>, CatalogError> {
    let Some(r) = r else { return Ok(None) };
    check_text(file, entry, "reach.text", &r.text)?;
    keys.check(file, entry, "reach.text", &r.text)?;
    let when = compile(&r.when, ctx, &Place { file, entry, field: "reach.when" })?;
    Ok(Some(super::Reach { when, text: r.text }))
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

/// The options of question `qi` under which `when` can hold (every other question open).
pub(crate) fn reachable_options(when: Option<&Compiled>, qi: usize, n: usize) -> Vec<usize> {
    use crate::cond::Known;
    (0..n)
        .filter(|&bit| {
            let mut known = [Known::Open; crate::limits::MAX_QUESTIONS];
            known[qi] = Known::Value(ANSWERED | 1 << bit);
            when.is_none_or(|c| c.eval3(&known).0)
        })
        .collect()
}
