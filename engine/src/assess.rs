//! Scoring, the range search, what-ifs, measures and alternatives.
//!
//! # The score
//! Each rule of `rules.json` gives points when one of its cases holds (the case with the most
//! points wins). The score is the sum of the points of all rules; each rule that gives points
//! is a factor, so the factors add up to the score. There is no cap and no rounding: the
//! catalog is calibrated so that the worst setup the questions can describe reaches at most
//! 100, which the loader checks with the exact range search below. So every extra point of
//! risk shows, up to the worst setup. Bands come from `meta.json`; while the open questions
//! could still move the score into another band, the band is `provisional`.
//!
//! Conditions are monotone (no negation), and a question that is not answered matches no
//! condition: answering more can only add points. So the current score is also the lowest
//! score still reachable, and the range search only has to find the highest one.
use crate::answers::{AnswerError, Answers};
use crate::catalog::{AnswerChange, Catalog, Messenger, Str};
use crate::cond::ANSWERED;
use crate::model::*;
use crate::properties::{PropValue, PROPERTIES};
use crate::score::{answer_of, apply, effective, fired, score_of, state_of, to_score, State};
use crate::text::Lang;
use crate::words::Words;

/// What-if suggestions in an assessment.
pub(crate) const MAX_WHAT_IF: usize = 5;

/// The questions answered with an option that decides nothing yet, in question order.
fn undecided(catalog: &Catalog, answers: &Answers) -> Vec<String> {
    catalog
        .questions()
        .iter()
        .filter(|q| {
            answers
                .get(q.id.as_ref())
                .is_some_and(|a| a.ids().iter().any(|id| q.options.iter().any(|o| o.open && o.id == *id)))
        })
        .map(|q| q.id.to_string())
        .collect()
}

/// The questions that apply to these answers, in the order they are asked (for library
/// users; the assessment carries the same list as `applicable`).
pub fn applicable(answers: &Answers, catalog: &Catalog) -> Result<Vec<String>, AnswerError> {
    let state = state_of(catalog, answers)?;
    let (_, applies) = effective(catalog, &state);
    Ok(ids_of(catalog, applies))
}

fn ids_of(catalog: &Catalog, applies: u32) -> Vec<String> {
    catalog
        .questions()
        .iter()
        .enumerate()
        .filter(|(qi, _)| applies & (1 << qi) != 0)
        .map(|(_, q)| q.id.to_string())
        .collect()
}

/// The score alone (no texts), for library users who need only the number (the benchmarks
/// and tests use it; the widget and the CLI take the whole assessment).
pub fn score(answers: &Answers, catalog: &Catalog) -> Result<u8, AnswerError> {
    Ok(score_of(catalog, &state_of(catalog, answers)?))
}

/// Assesses answers against the catalog: the whole contract's assessment, in `lang`.
/// Never fails on partial answers; fails only on ids the catalog does not know.
pub fn assess(answers: &Answers, catalog: &Catalog, lang: Lang) -> Result<Assessment, AnswerError> {
    let state = state_of(catalog, answers)?;
    let (eff, applies) = effective(catalog, &state);
    let mut fired: Vec<(usize, usize, u32)> = fired(catalog, &eff).collect();
    let points: u32 = fired.iter().map(|f| f.2).sum();
    let score = to_score(points);
    let band = catalog.band_of(score);
    let max = crate::search::max_reachable(catalog, &state).max(score);
    let band_max = catalog.band_of(max);
    let band_def = catalog.band(band);
    let words = Words::of(catalog, &eff, lang);
    let answered = (0..catalog.questions().len())
        .filter(|qi| applies & (1 << qi) != 0 && state[*qi] & ANSWERED != 0)
        .count() as u32;

    // Largest first; ties in catalog order (the sort is stable).
    fired.sort_by_key(|f| std::cmp::Reverse(f.2));
    let factors = fired
        .iter()
        .map(|&(ri, ci, p)| {
            let r = &catalog.rules()[ri];
            let case = &r.cases[ci];
            Factor {
                id: r.id.to_string(),
                points: p,
                title: words.fill(r.title.get(lang)),
                text: words.fill(case.text.as_ref().unwrap_or(&r.text).get(lang)),
                law: words.fill(case.law.as_ref().unwrap_or(&r.law).get(lang)),
                sources: source_refs(catalog, &words.sources(&[&r.sources, &case.sources]), lang),
            }
        })
        .collect();

    Ok(Assessment {
        score,
        band,
        provisional: band_max != band,
        band_max,
        band_label: band_def.label.get(lang).to_string(),
        band_advice: words.fill(band_def.advice.get(lang)),
        range: Range { min: score, max },
        points,
        progress: Progress { answered, applicable: applies.count_ones() },
        applicable: ids_of(catalog, applies),
        factors,
        measures: measures(catalog, &state, &eff, score, words, lang),
        alternatives: alternatives(catalog, &state, &eff, words, lang),
        what_if: what_if(catalog, &state, &eff, applies, score, words, lang),
        undecided: undecided(catalog, answers),
        catalog: CatalogRef { version: catalog.version().to_string(), as_of: catalog.as_of().to_string() },
        lang,
        formula: catalog.formula().get(lang).to_string(),
        disclaimer: words.fill(catalog.disclaimer().get(lang)),
    })
}

/// The catalog's sources as an assessment cites them, titles in `lang`.
pub(crate) fn source_refs(catalog: &Catalog, ids: &[Str], lang: Lang) -> Vec<SourceRef> {
    ids.iter()
        .filter_map(|id| catalog.source(id))
        .map(|s| SourceRef {
            id: s.id.to_string(),
            title: s.title.get(lang).to_string(),
            url: s.url.as_deref().map(str::to_string),
            date: s.date.as_deref().map(str::to_string),
            checked: s.checked.as_deref().map(str::to_string),
            reported: s.reported,
            kind: s.kind.to_string(),
        })
        .collect()
}

fn what_if(
    catalog: &Catalog,
    state: &State,
    eff: &State,
    applies: u32,
    score: u8,
    words: Words,
    lang: Lang,
) -> Vec<WhatIf> {
    let mut out: Vec<(u8, usize, u32)> = Vec::new();
    for (qi, q) in catalog.questions().iter().enumerate() {
        if !q.what_if || applies & (1 << qi) == 0 || eff[qi] & ANSWERED == 0 {
            continue;
        }
        let current = state[qi];
        let mut candidates: Vec<u32> = Vec::new();
        if q.multi {
            // Leaving out one selected option (adding one never lowers the score).
            for (bit, _) in q.options.iter().enumerate().filter(|(b, o)| current & (1 << b) != 0 && o.suggest) {
                let next = current & !(1 << bit);
                if (next & !ANSWERED).count_ones() >= u32::from(q.min_choices) {
                    candidates.push(next);
                }
            }
        } else {
            let fits = |o: &crate::catalog::QOption| {
                o.suggest_when.as_ref().is_none_or(|c| c.eval(eff))
                    && !o.suggest_unless.as_ref().is_some_and(|c| c.eval(eff))
            };
            for (bit, _) in
                q.options.iter().enumerate().filter(|(b, o)| current & (1 << b) == 0 && o.suggest && fits(o))
            {
                candidates.push(ANSWERED | 1 << bit);
            }
        }
        let mut best: Option<(u8, u32)> = None;
        for v in candidates {
            let mut s = *state;
            s[qi] = v;
            let sc = score_of(catalog, &s);
            if sc < score && best.is_none_or(|(b, _)| sc < b) {
                best = Some((sc, v));
            }
        }
        if let Some((sc, v)) = best {
            out.push((sc, qi, v));
        }
    }
    out.sort_by_key(|(sc, qi, _)| (*sc, *qi));
    out.truncate(MAX_WHAT_IF);
    out.into_iter()
        .map(|(sc, qi, v)| {
            let q = &catalog.questions()[qi];
            let labels: Vec<&str> = q
                .options
                .iter()
                .enumerate()
                .filter(|(b, _)| v & (1 << b) != 0)
                .map(|(_, o)| o.label.get(lang))
                .collect();
            // A switch of messenger says what it costs in reach, as the measures do.
            let target = (q.id == "messenger")
                .then(|| q.options.iter().enumerate().find(|(b, _)| v & (1 << b) != 0).map(|(_, o)| o.id.as_ref()))
                .flatten();
            let reach = target.and_then(|t| catalog.messenger(t).map(|m| (t, m))).and_then(|(t, m)| {
                m.reach.as_ref().filter(|r| r.when.eval(eff)).map(|r| words.about(t).fill(r.text.get(lang)))
            });
            WhatIf {
                question: q.id.to_string(),
                answer: answer_of(catalog, qi, v),
                reach,
                question_text: q.title.get(lang).to_string(),
                answer_text: if labels.is_empty() {
                    catalog.ui("none_selected", lang).to_string()
                } else {
                    labels.join(", ")
                },
                score: sc,
                band: catalog.band_of(sc),
                gain: score - sc,
            }
        })
        .collect()
}

fn apply_all(state: &State, changes: &[AnswerChange]) -> State {
    let mut s = *state;
    for ch in changes {
        apply(&mut s, ch);
    }
    s
}

/// The measures that fit this visitor and lower the score: those that cost no reach first,
/// then those that do (with what they cost); within each, the lowest score afterwards first.
fn measures(catalog: &Catalog, state: &State, eff: &State, score: u8, words: Words, lang: Lang) -> Vec<MeasureResult> {
    let mut out: Vec<(bool, u8, usize, State)> = Vec::new();
    for (mi, m) in catalog.measures().iter().enumerate() {
        if !m.when.as_ref().is_none_or(|c| c.eval(eff)) || m.unless.as_ref().is_some_and(|c| c.eval(eff)) {
            continue;
        }
        let s = apply_all(state, &m.changes);
        if s == *state {
            continue;
        }
        let sc = score_of(catalog, &s);
        if sc < score {
            let costs_reach = m.reach.as_ref().is_some_and(|r| r.when.eval(eff));
            out.push((costs_reach, sc, mi, s));
        }
    }
    out.sort_by_key(|(reach, sc, mi, _)| (*reach, *sc, *mi));
    out.into_iter()
        .map(|(costs_reach, sc, mi, s)| {
            let m = &catalog.measures()[mi];
            let changes = m
                .changes
                .iter()
                .map(|ch| ch.q)
                .filter(|qi| s[*qi] & ANSWERED != 0)
                .map(|qi| (catalog.questions()[qi].id.to_string(), answer_of(catalog, qi, s[qi])))
                .collect();
            let case = m.cases.iter().find(|c| c.when.eval(eff));
            let title = case.and_then(|c| c.title.as_ref()).unwrap_or(&m.title);
            let text = case.and_then(|c| c.text.as_ref()).unwrap_or(&m.text);
            let case_sources = case.map_or(&[][..], |c| &c.sources[..]);
            MeasureResult {
                id: m.id.to_string(),
                title: words.fill(title.get(lang)),
                text: words.fill(text.get(lang)),
                law: words.fill(m.law.get(lang)),
                reach: m.reach.as_ref().filter(|_| costs_reach).map(|r| words.fill(r.text.get(lang))),
                sources: source_refs(catalog, &words.sources(&[&m.sources, case_sources]), lang),
                changes,
                score: sc,
                gain: score - sc,
            }
        })
        .collect()
}

/// The `dpa` answer that comes with a messenger: `yes` when it offers a processing
/// agreement, `no` when it offers none, `unknown` otherwise (including "partly").
fn dpa_answer(catalog: &Catalog, dq: usize, m: &Messenger) -> u32 {
    let id = match m.properties.dpa.value {
        PropValue::Yes => "yes",
        PropValue::No => "no",
        _ => "unknown",
    };
    let bit =
        catalog.questions()[dq].options.iter().position(|o| o.id == id).expect("the dpa question has yes, no, unknown");
    ANSWERED | 1 << bit
}

fn alternatives(catalog: &Catalog, state: &State, eff: &State, words: Words, lang: Lang) -> Vec<Alternative> {
    let messenger_q = catalog.question_idx("messenger");
    let dpa_q = catalog.question_idx("dpa");
    let mut out: Vec<Alternative> = Vec::new();
    let offered = |m: &&Messenger| m.offer_when.as_ref().is_none_or(|c| c.eval(eff));
    for m in catalog.messengers().iter().filter(|m| m.recommend).filter(offered) {
        let mut fit = m.base_fit;
        let mut reasons: Vec<(i32, &crate::text::Text)> = Vec::new();
        for rule in m.fit.iter() {
            if rule.when.eval(eff) {
                fit += rule.points;
                reasons.push((rule.points, &rule.reason));
            }
        }
        reasons.sort_by_key(|(p, _)| -p.abs());
        let option_bit = messenger_q
            .and_then(|qi| catalog.questions()[qi].options.iter().position(|o| o.id == m.id).map(|b| (qi, b)));
        let (current, score_if_used) = match option_bit {
            Some((qi, b)) => {
                let mut s = *state;
                s[qi] = ANSWERED | 1 << b;
                for (when, ch) in m.assume.iter() {
                    if when.as_ref().is_none_or(|c| c.eval(eff)) {
                        apply(&mut s, ch);
                    }
                }
                // With the processing agreement this messenger offers, not the visitor's
                // answer about the one they use now.
                if let Some(dq) = dpa_q {
                    s[dq] = dpa_answer(catalog, dq, m);
                }
                (eff[qi] & (1 << b) != 0, Some(score_of(catalog, &s)))
            }
            None => (false, None),
        };
        let key_facts = m.properties.key_facts();
        let words = words.about(&m.id);
        out.push(Alternative {
            id: m.id.to_string(),
            name: m.name.to_string(),
            fit: fit.clamp(0, 100) as u8,
            current,
            summary: words.fill(m.summary.get(lang)),
            reasons: reasons
                .into_iter()
                .map(|(p, t)| Reason { text: words.fill(t.get(lang)), positive: p > 0 })
                .collect(),
            cost: words.fill(m.cost.get(lang)),
            score_if_used,
            key_facts,
            sources: source_refs(catalog, &m.sources, lang),
        });
    }
    // Best fit first; among equals the lower score, then catalog order (stable sort).
    out.sort_by_key(|a| (std::cmp::Reverse(a.fit), a.score_if_used.unwrap_or(u8::MAX)));
    out
}

/// A messenger's properties in words, with notes and sources, in `catalog::PROPERTIES` order
/// (empty for an unknown id). They do not depend on the answers, so they are not part of
/// every assessment.
pub fn property_details(catalog: &Catalog, messenger: &str, lang: Lang) -> Vec<PropertyResult> {
    let Some(m) = catalog.messenger(messenger) else { return Vec::new() };
    PROPERTIES
        .iter()
        .filter_map(|key| m.properties.get(key).map(|p| (key, p)))
        .map(|(key, p)| PropertyResult {
            id: key.to_string(),
            label: catalog.ui(&format!("prop.{key}"), lang).to_string(),
            value: p.value,
            value_text: catalog.ui(crate::wording::value_key(p.value), lang).to_string(),
            note: p.note.as_ref().map(|n| n.get(lang).to_string()),
            sources: source_refs(catalog, &p.sources, lang),
        })
        .collect()
}
