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
use crate::catalog::{Catalog, Change, PropValue};
use crate::cond::{Known, ANSWERED};
use crate::model::*;
use crate::text::Lang;

/// At most this many questions (answers are kept in fixed arrays).
pub const MAX_QUESTIONS: usize = 32;
/// What-if suggestions in an assessment.
pub const MAX_WHAT_IF: usize = 5;
/// Nodes the range search may visit before it settles for its (still honest) bound.
const SEARCH_BUDGET: u32 = 200_000;

pub(crate) type State = [u32; MAX_QUESTIONS];

impl Catalog {
    pub(crate) fn state_of(&self, answers: &Answers) -> Result<State, AnswerError> {
        let v = self.compile_answers(answers)?;
        let mut s = [0u32; MAX_QUESTIONS];
        s[..v.len()].copy_from_slice(&v);
        Ok(s)
    }

    /// Masks the answers of questions that do not apply (kept, but not counted).
    pub(crate) fn effective(&self, state: &State) -> (State, u32) {
        let mut eff = [0u32; MAX_QUESTIONS];
        let mut applies = 0u32;
        for (qi, q) in self.questions.iter().enumerate() {
            if q.ask.as_ref().is_none_or(|c| c.eval(&eff)) {
                applies |= 1 << qi;
                eff[qi] = state[qi];
            }
        }
        (eff, applies)
    }

    /// The points of every rule over effective answers: (rule, case) of each that fires.
    fn fired(&self, eff: &State) -> impl Iterator<Item = (usize, usize, u32)> + '_ {
        let eff = *eff;
        self.rules.iter().enumerate().filter_map(move |(ri, r)| {
            let mut best: Option<(usize, u32)> = None;
            for (ci, (c, p)) in r.compiled.iter().enumerate() {
                if best.is_none_or(|(_, bp)| *p > bp) && c.eval(&eff) {
                    best = Some((ci, *p));
                }
            }
            best.filter(|(_, p)| *p > 0).map(|(ci, p)| (ri, ci, p))
        })
    }

    fn points_of(&self, eff: &State) -> u32 {
        self.fired(eff).map(|(_, _, p)| p).sum()
    }

    /// The score of compiled answers.
    pub(crate) fn score_of(&self, state: &State) -> u8 {
        to_score(self.points_of(&self.effective(state).0))
    }

    pub fn band_of(&self, score: u8) -> Band {
        self.meta.bands.iter().rev().find(|b| score >= b.min).and_then(|b| Band::from_id(&b.id)).unwrap_or(Band::Low)
    }

    /// The highest score reachable by answering the open questions that apply or may come
    /// to apply. Exact by branch and bound; if the budget runs out, the bound (which is
    /// never below the true maximum) is returned.
    pub(crate) fn max_reachable(&self, state: &State) -> u8 {
        if state.iter().all(|a| a & ANSWERED == 0) {
            // Nothing answered: anything is still possible, up to the catalog's worst setup.
            return to_score(self.max_points);
        }
        to_score(self.max_points(state, SEARCH_BUDGET))
    }

    /// The most points any answers to the open questions can give, exactly (no budget): what
    /// the loader checks against the end of the scale.
    pub(crate) fn max_points_exact(&self, state: &State) -> u32 {
        self.max_points(state, u32::MAX)
    }

    fn max_points(&self, state: &State, budget: u32) -> u32 {
        let n = self.questions.len();
        // What the bound may assume before the search decides a question: its answer if it has
        // one (should it turn out not to apply, it counts as empty, which conditions being
        // monotone can only lower), else anything.
        let mut known = [Known::Open; MAX_QUESTIONS];
        for qi in 0..n {
            if state[qi] & ANSWERED != 0 {
                known[qi] = Known::Value(state[qi]);
            }
        }
        let mut s =
            Search { cat: self, state, known, initial: known, eff: [0; MAX_QUESTIONS], best: 0, nodes: 0, n, budget };
        let root = s.bound();
        s.dfs(0);
        if s.nodes > budget {
            // The bound never falls below the true maximum, and nothing exceeds the worst setup.
            root.min(self.max_points)
        } else {
            s.best
        }
    }
}

/// Points as a score. The loader guarantees at most 100 for every setup (see the top of this
/// file); the saturation only keeps a broken invariant from wrapping around.
fn to_score(points: u32) -> u8 {
    debug_assert!(points <= 100, "the catalog's worst setup exceeds 100 points");
    points.min(100) as u8
}

struct Search<'a> {
    cat: &'a Catalog,
    state: &'a State,
    known: [Known; MAX_QUESTIONS],
    /// `known` before the search decided anything, to go back to.
    initial: [Known; MAX_QUESTIONS],
    eff: State,
    best: u32,
    nodes: u32,
    n: usize,
    budget: u32,
}

impl Search<'_> {
    /// The most points any completion of what is known can reach. Summing each rule's best
    /// case on its own is loose where many rules depend on one question (the messenger: every
    /// rule would pick its own worst one), so while that question (`Catalog::pivot`) is open
    /// the bound tries each of its answers and takes the largest sum.
    fn bound(&mut self) -> u32 {
        match self.cat.pivot.filter(|&p| self.known[p] == Known::Open) {
            Some(p) => {
                let q = &self.cat.questions[p];
                let mut values: Vec<u32> = (0..q.options.len()).map(|b| ANSWERED | 1 << b).collect();
                if q.ask.is_some() {
                    values.push(0); // it may not apply
                }
                let best = values
                    .into_iter()
                    .map(|v| {
                        self.known[p] = Known::Value(v);
                        self.rules_bound()
                    })
                    .max()
                    .unwrap_or(0);
                self.known[p] = Known::Open;
                best
            }
            None => self.rules_bound(),
        }
    }

    fn rules_bound(&self) -> u32 {
        // An open question that can no longer come to apply stays empty.
        let mut known = self.known;
        for (qi, q) in self.cat.questions.iter().enumerate().take(self.n) {
            if known[qi] == Known::Open && q.ask.as_ref().is_some_and(|c| !c.eval3(&known).0) {
                known[qi] = Known::Value(0);
            }
        }
        let known = &known[..];
        self.cat
            .rules
            .iter()
            .map(|r| r.compiled.iter().filter(|(c, _)| c.eval3(known).0).map(|(_, p)| *p).max().unwrap_or(0))
            .sum()
    }

    fn dfs(&mut self, qi: usize) {
        self.nodes += 1;
        // Nothing can beat the catalog's worst setup.
        if self.nodes > self.budget || self.best >= self.cat.max_points {
            return;
        }
        if qi == self.n {
            self.best = self.best.max(self.cat.points_of(&self.eff));
            return;
        }
        let q = &self.cat.questions[qi];
        let applies = q.ask.as_ref().is_none_or(|c| c.eval(&self.eff));
        let fixed = if !applies {
            Some(0)
        } else if self.state[qi] & ANSWERED != 0 {
            Some(self.state[qi])
        } else {
            None
        };
        if let Some(v) = fixed {
            self.set(qi, v);
            self.dfs(qi + 1);
            self.unset(qi);
            return;
        }
        // An open question: try its answers, most promising first, pruning by bound.
        let width = q.options.len() as u32;
        let min = u32::from(q.min_choices);
        let domain: Vec<u32> = if q.multi {
            (0..1u32 << width).filter(|m| m.count_ones() >= min).map(|m| m | ANSWERED).collect()
        } else {
            (0..width).map(|b| (1 << b) | ANSWERED).collect()
        };
        let mut children: Vec<(u32, u32)> = domain
            .into_iter()
            .map(|v| {
                self.known[qi] = Known::Value(v);
                (self.bound(), v)
            })
            .collect();
        children.sort_by_key(|c| std::cmp::Reverse(c.0));
        for (b, v) in children {
            if b <= self.best && self.best > 0 || self.best >= self.cat.max_points {
                break;
            }
            self.set(qi, v);
            self.dfs(qi + 1);
        }
        self.unset(qi);
    }

    fn set(&mut self, qi: usize, v: u32) {
        self.eff[qi] = v;
        self.known[qi] = Known::Value(v);
    }

    fn unset(&mut self, qi: usize) {
        self.eff[qi] = 0;
        self.known[qi] = self.initial[qi];
    }
}

/// The questions that apply to these answers, in the order they are asked.
pub fn applicable(answers: &Answers, catalog: &Catalog) -> Result<Vec<String>, AnswerError> {
    let state = catalog.state_of(answers)?;
    let (_, applies) = catalog.effective(&state);
    Ok(ids_of(catalog, applies))
}

fn ids_of(catalog: &Catalog, applies: u32) -> Vec<String> {
    catalog.questions.iter().enumerate().filter(|(qi, _)| applies & (1 << qi) != 0).map(|(_, q)| q.id.clone()).collect()
}

/// The score alone (no texts): what the widget needs on the hot path of a what-if preview.
pub fn score(answers: &Answers, catalog: &Catalog) -> Result<u8, AnswerError> {
    Ok(catalog.score_of(&catalog.state_of(answers)?))
}

/// Assesses answers against the catalog: the whole contract's assessment, in `lang`.
/// Never fails on partial answers; fails only on ids the catalog does not know.
pub fn assess(answers: &Answers, catalog: &Catalog, lang: Lang) -> Result<Assessment, AnswerError> {
    let state = catalog.state_of(answers)?;
    let (eff, applies) = catalog.effective(&state);
    let mut fired: Vec<(usize, usize, u32)> = catalog.fired(&eff).collect();
    let points: u32 = fired.iter().map(|f| f.2).sum();
    let score = to_score(points);
    let band = catalog.band_of(score);
    let max = catalog.max_reachable(&state).max(score);
    let band_max = catalog.band_of(max);
    let band_def = catalog.meta.bands.iter().find(|b| b.id == band.id()).expect("validated bands");
    let answered =
        (0..catalog.questions.len()).filter(|qi| applies & (1 << qi) != 0 && state[*qi] & ANSWERED != 0).count() as u32;

    // Largest first; ties in catalog order (the sort is stable).
    fired.sort_by_key(|f| std::cmp::Reverse(f.2));
    let factors = fired
        .iter()
        .map(|&(ri, ci, p)| {
            let r = &catalog.rules[ri];
            Factor {
                id: r.id.clone(),
                points: p,
                title: r.title.get(lang).to_string(),
                text: r.cases[ci].text.as_ref().unwrap_or(&r.text).get(lang).to_string(),
                law: r.law.get(lang).to_string(),
                sources: source_refs(catalog, &r.sources, lang),
            }
        })
        .collect();

    Ok(Assessment {
        score,
        band,
        provisional: band_max != band,
        band_max,
        band_label: band_def.label.get(lang).to_string(),
        band_advice: band_def.advice.get(lang).to_string(),
        range: Range { min: score, max },
        points,
        progress: Progress { answered, applicable: applies.count_ones() },
        applicable: ids_of(catalog, applies),
        factors,
        measures: measures(catalog, &state, &eff, score, lang),
        alternatives: alternatives(catalog, &state, &eff, lang),
        what_if: what_if(catalog, &state, &eff, applies, score, lang),
        catalog: CatalogRef { version: catalog.meta.version.clone(), as_of: catalog.meta.as_of.clone() },
        lang,
        formula: catalog.meta.formula.get(lang).to_string(),
        disclaimer: catalog.meta.disclaimer.get(lang).to_string(),
    })
}

/// The catalog's sources as an assessment cites them, titles in `lang`.
pub(crate) fn source_refs(catalog: &Catalog, ids: &[String], lang: Lang) -> Vec<SourceRef> {
    ids.iter()
        .filter_map(|id| catalog.source(id))
        .map(|s| SourceRef {
            id: s.id.clone(),
            title: s.title.get(lang).to_string(),
            url: s.url.clone(),
            date: s.date.clone(),
            checked: s.checked.clone(),
            kind: s.kind.clone(),
        })
        .collect()
}

fn what_if(catalog: &Catalog, state: &State, eff: &State, applies: u32, score: u8, lang: Lang) -> Vec<WhatIf> {
    let mut out: Vec<(u8, usize, u32)> = Vec::new();
    for (qi, q) in catalog.questions.iter().enumerate() {
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
            let fits = |o: &crate::catalog::QOption| o.suggest_compiled.as_ref().is_none_or(|c| c.eval(eff));
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
            let sc = catalog.score_of(&s);
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
            let q = &catalog.questions[qi];
            let labels: Vec<&str> = q
                .options
                .iter()
                .enumerate()
                .filter(|(b, _)| v & (1 << b) != 0)
                .map(|(_, o)| o.label.get(lang))
                .collect();
            WhatIf {
                question: q.id.clone(),
                answer: catalog.answer_of(qi, v),
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

fn apply_all(catalog: &Catalog, state: &State, changes: &[Change]) -> State {
    let mut s = *state;
    for ch in changes {
        catalog.apply_change(&mut s, ch);
    }
    s
}

/// The measures that fit this visitor and lower the score: those that cost no reach first,
/// then those that do (with what they cost); within each, the lowest score afterwards first.
fn measures(catalog: &Catalog, state: &State, eff: &State, score: u8, lang: Lang) -> Vec<MeasureResult> {
    let mut out: Vec<(bool, u8, usize, State)> = Vec::new();
    for (mi, m) in catalog.measures.iter().enumerate() {
        if !m.when_compiled.as_ref().is_none_or(|c| c.eval(eff)) {
            continue;
        }
        let s = apply_all(catalog, state, &m.changes);
        if s == *state {
            continue;
        }
        let sc = catalog.score_of(&s);
        if sc < score {
            let costs_reach = m.reach_compiled.as_ref().is_some_and(|c| c.eval(eff));
            out.push((costs_reach, sc, mi, s));
        }
    }
    out.sort_by_key(|(reach, sc, mi, _)| (*reach, *sc, *mi));
    out.into_iter()
        .map(|(costs_reach, sc, mi, s)| {
            let m = &catalog.measures[mi];
            let changes = m
                .changes
                .iter()
                .filter_map(|ch| catalog.question_idx(&ch.question))
                .filter(|qi| s[*qi] & ANSWERED != 0)
                .map(|qi| (catalog.questions[qi].id.clone(), catalog.answer_of(qi, s[qi])))
                .collect();
            MeasureResult {
                id: m.id.clone(),
                title: m.title.get(lang).to_string(),
                text: m.text.get(lang).to_string(),
                law: m.law.get(lang).to_string(),
                reach: m.reach.as_ref().filter(|_| costs_reach).map(|r| r.text.get(lang).to_string()),
                sources: source_refs(catalog, &m.sources, lang),
                changes,
                score: sc,
                gain: score - sc,
            }
        })
        .collect()
}

/// The `dpa` answer that comes with a messenger: `yes` when it offers a processing
/// agreement, `no` when it offers none, `unknown` otherwise (including "partly").
fn dpa_answer(catalog: &Catalog, dq: usize, m: &crate::catalog::Messenger) -> u32 {
    let id = match m.properties.get("dpa").map(|p| p.value) {
        Some(PropValue::Yes) => "yes",
        Some(PropValue::No) => "no",
        _ => "unknown",
    };
    let bit =
        catalog.questions[dq].options.iter().position(|o| o.id == id).expect("the dpa question has yes, no, unknown");
    ANSWERED | 1 << bit
}

fn alternatives(catalog: &Catalog, state: &State, eff: &State, lang: Lang) -> Vec<Alternative> {
    let messenger_q = catalog.question_idx("messenger");
    let dpa_q = catalog.question_idx("dpa");
    let mut out: Vec<Alternative> = Vec::new();
    let offered = |m: &&crate::catalog::Messenger| m.offer_compiled.as_ref().is_none_or(|c| c.eval(eff));
    for m in catalog.messengers.iter().filter(|m| m.recommend).filter(offered) {
        let mut fit = m.base_fit;
        let mut reasons: Vec<(i32, &crate::text::Text)> = Vec::new();
        for (rule, c) in m.fit.iter().zip(&m.fit_compiled) {
            if c.eval(eff) {
                fit += rule.points;
                reasons.push((rule.points, &rule.reason));
            }
        }
        reasons.sort_by_key(|(p, _)| -p.abs());
        let option_bit =
            messenger_q.and_then(|qi| catalog.questions[qi].options.iter().position(|o| o.id == m.id).map(|b| (qi, b)));
        let (current, score_if_used) = match option_bit {
            Some((qi, b)) => {
                let mut s = *state;
                s[qi] = ANSWERED | 1 << b;
                let mut s = apply_all(catalog, &s, &m.assume);
                // With the processing agreement this messenger offers, not the visitor's
                // answer about the one they use now.
                if let Some(dq) = dpa_q {
                    s[dq] = dpa_answer(catalog, dq, m);
                }
                (eff[qi] & (1 << b) != 0, Some(catalog.score_of(&s)))
            }
            None => (false, None),
        };
        let v = |key: &str| m.properties.get(key).map(|p| p.value).unwrap_or(PropValue::Unknown);
        let key_facts = KeyFacts {
            e2e_default: v("e2e_default"),
            servers_eu: v("servers_eu"),
            no_phone_number: v("no_phone_number"),
            contacts_optional: v("contacts_optional"),
            open_source: v("open_source"),
            self_hosting: v("self_hosting"),
            admin_console: v("admin_console"),
            dpa: v("dpa"),
        };
        out.push(Alternative {
            id: m.id.clone(),
            name: m.name.clone(),
            fit: fit.clamp(0, 100) as u8,
            current,
            summary: m.summary.get(lang).to_string(),
            reasons: reasons
                .into_iter()
                .map(|(p, t)| Reason { text: t.get(lang).to_string(), positive: p > 0 })
                .collect(),
            cost: m.cost.get(lang).to_string(),
            score_if_used,
            key_facts,
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
    crate::catalog::PROPERTIES
        .iter()
        .filter_map(|key| m.properties.get(*key).map(|p| (key, p)))
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
