//! The view of an assessment (`engine::view`): what the widget, its printed report and the
//! Markdown report lay out. Checked on the review's 46 answer sets and on random answers in
//! both languages: the numbered sources hold what the factors cite, each alternative's key
//! facts line up with the property labels, the answers in words are the visitor's, and the
//! score panel's sentences follow the assessment (provisional or not).
mod common;

use std::collections::BTreeSet;

use common::{answered, cat, per_question};
use engine::catalog::{PropValue, PROPERTIES};
use engine::view::{Summary, View};
use engine::{assess, parse_answers, Answers, Assessment, Lang};
use proptest::prelude::*;
use serde_json::Value;

fn sets() -> Vec<Answers> {
    let sets: Vec<Value> = serde_json::from_str(include_str!("data/review-2026-12.json")).unwrap();
    sets.iter().map(|s| parse_answers(&s["answers"].to_string(), cat()).expect("valid set")).collect()
}

/// Everything the view promises about `a`, the assessment of `answers`.
fn check(a: &Assessment, answers: &Answers) -> Result<(), String> {
    let v = View::of(a, answers, cat());
    let lang = a.lang;
    // The factors, in the assessment's order, each citing its own sources by number.
    if v.factors.len() != a.factors.len() {
        return Err(format!("{} factors in the view, {} in the assessment", v.factors.len(), a.factors.len()));
    }
    let ids: Vec<&str> = v.sources.iter().map(|s| s.id.as_str()).collect();
    if ids.iter().collect::<BTreeSet<_>>().len() != ids.len() {
        return Err(format!("a source is listed twice: {ids:?}"));
    }
    let mut cited = BTreeSet::new();
    for (fv, f) in v.factors.iter().zip(&a.factors) {
        if fv.factor != *f {
            return Err(format!("factor {} differs from the assessment's", f.id));
        }
        if fv.cited.len() != f.sources.len() {
            return Err(format!("factor {} cites {} of its {} sources", f.id, fv.cited.len(), f.sources.len()));
        }
        for (n, s) in fv.cited.iter().zip(&f.sources) {
            let listed = v.sources.get((*n as usize).wrapping_sub(1)).map(|s| s.id.as_str());
            if listed != Some(s.id.as_str()) {
                return Err(format!("factor {}: [{n}] is {listed:?}, not {}", f.id, s.id));
            }
            cited.insert(*n);
        }
        let want = cat().ui(if f.points == 1 { "point" } else { "points" }, lang);
        if fv.points != format!("{} {want}", f.points) {
            return Err(format!("factor {}: points `{}`", f.id, fv.points));
        }
    }
    // Numbered in the order first cited, and nothing listed that no factor cites.
    if cited != (1..=u32::try_from(v.sources.len()).unwrap()).collect() {
        return Err(format!("numbers cited {cited:?} for {} sources", v.sources.len()));
    }
    // Measures: the assessment's, with their gain in words.
    for (mv, m) in v.measures.iter().zip(&a.measures) {
        if mv.measure != *m || !mv.gain.starts_with(&format!("{} ", m.gain)) {
            return Err(format!("measure {}: `{}`", m.id, mv.gain));
        }
    }
    if v.measures.len() != a.measures.len() {
        return Err("measures missing".into());
    }
    // Alternatives: every key fact in the labels' order, in words, with each source once (its
    // own first), and a note for each property with one.
    if v.properties.len() != PROPERTIES.len() {
        return Err(format!("{} property labels", v.properties.len()));
    }
    for (av, alt) in v.alternatives.iter().zip(&a.alternatives) {
        if av.alternative != *alt || av.facts.len() != PROPERTIES.len() {
            return Err(format!("alternative {}: {} facts", alt.id, av.facts.len()));
        }
        for (key, fact) in PROPERTIES.iter().zip(&av.facts) {
            if Some(fact.value) != alt.key_facts.get(key) {
                return Err(format!("alternative {}: {key} is {:?} in the view", alt.id, fact.value));
            }
            let unknown = fact.value == PropValue::Unknown;
            if fact.text.is_empty() || unknown != (fact.text == cat().ui("unknown", lang)) {
                return Err(format!("alternative {}: {key} in words `{}`", alt.id, fact.text));
            }
        }
        let ids: Vec<&str> = av.sources.iter().map(|s| s.id.as_str()).collect();
        if ids.iter().collect::<BTreeSet<_>>().len() != ids.len() {
            return Err(format!("alternative {}: a source twice: {ids:?}", alt.id));
        }
        if !alt.sources.iter().zip(&av.sources).all(|(x, y)| x.id == y.id) {
            return Err(format!("alternative {}: its own sources do not come first", alt.id));
        }
        let details = engine::property_details(cat(), &alt.id, lang);
        let with_note = details.iter().filter(|p| p.note.is_some()).count();
        if av.notes.len() != with_note || av.notes.iter().any(|(label, note)| label.is_empty() || note.is_empty()) {
            return Err(format!("alternative {}: {} notes for {with_note}", alt.id, av.notes.len()));
        }
        for s in details.iter().flat_map(|p| &p.sources) {
            if !ids.contains(&s.id.as_str()) {
                return Err(format!("alternative {}: source {} of a key fact is missing", alt.id, s.id));
            }
        }
    }
    // The answers in words: one line per question that applies, "not answered" exactly where
    // the visitor gave none.
    if v.answers.len() != a.applicable.len() {
        return Err(format!("{} answer lines for {} questions", v.answers.len(), a.applicable.len()));
    }
    for (line, qid) in v.answers.iter().zip(&a.applicable) {
        let q = cat().question(qid).unwrap();
        if line.question != q.title.get(lang) {
            return Err(format!("{qid}: question `{}`", line.question));
        }
        let open = line.answer == cat().ui("not_answered", lang);
        if open == answers.get(qid).is_some() {
            return Err(format!("{qid}: answer `{}` for {:?}", line.answer, answers.get(qid)));
        }
        if let Some(given) = answers.get(qid) {
            for id in given.ids() {
                let label = q.options.iter().find(|o| o.id == *id).unwrap().label.get(lang);
                if !line.answer.contains(label) {
                    return Err(format!("{qid}: `{}` lacks `{label}`", line.answer));
                }
            }
        }
    }
    // The templates: those that fit, and those held back with a reason; never both.
    let fit = engine::documents::available(answers, cat()).unwrap();
    if v.documents.available != fit {
        return Err(format!("templates {:?}, not {fit:?}", v.documents.available));
    }
    for (id, why) in &v.documents.refused {
        if fit.contains(id) || why.trim().is_empty() {
            return Err(format!("template {id} both offered and held back, or held back without a reason"));
        }
    }
    // The summary is the score panel's: a provisional band names its bounds, a final one its
    // band and that band's advice.
    let s = Summary::of(a, cat());
    if s != v.summary {
        return Err("the view's summary is not the summary".into());
    }
    let label = |b| cat().band_label(b, lang).to_string();
    if a.provisional {
        if !s.band.contains(&label(a.band)) || !s.band.contains(&label(a.band_max)) || s.advice == a.band_advice {
            return Err(format!("provisional: band `{}`, advice `{}`", s.band, s.advice));
        }
    } else if s.band != a.band_label || (a.undecided.is_empty() && s.advice != a.band_advice) {
        return Err(format!("final: band `{}`, advice `{}`", s.band, s.advice));
    }
    let max = format!("{}", a.range.max);
    if (a.range.max > a.score) != s.range.contains(&max) {
        return Err(format!("range {}..{}: `{}`", a.range.min, a.range.max, s.range));
    }
    if !s.progress.contains(&a.progress.answered.to_string())
        || !s.progress.contains(&a.progress.applicable.to_string())
    {
        return Err(format!("progress `{}`", s.progress));
    }
    // Every band in the scale, in order.
    let mut at = 0;
    for b in cat().bands() {
        match v.bands[at..].find(b.label.get(lang)) {
            Some(i) => at += i,
            None => return Err(format!("scale `{}` lacks {}", v.bands, b.label.get(lang))),
        }
    }
    Ok(())
}

#[test]
fn the_view_of_every_review_set_holds_in_both_languages() {
    let sets = sets();
    assert!(sets.len() >= 46);
    let mut cited = 0;
    for (i, answers) in sets.iter().enumerate() {
        for lang in Lang::ALL {
            let a = assess(answers, cat(), lang).unwrap();
            check(&a, answers).unwrap_or_else(|e| panic!("set {i}, {lang}: {e}"));
            cited += View::of(&a, answers, cat()).sources.len();
        }
    }
    // The sets have factors with sources: the checks above did check something.
    assert!(cited > 100, "only {cited} sources cited in all sets");
}

#[test]
fn the_view_speaks_the_assessments_language() {
    let answers = &sets()[0];
    let de = View::of(&assess(answers, cat(), Lang::De).unwrap(), answers, cat());
    let en = View::of(&assess(answers, cat(), Lang::En).unwrap(), answers, cat());
    assert!(de.factors[0].points.ends_with(cat().ui("points", Lang::De)), "{}", de.factors[0].points);
    assert!(en.factors[0].points.ends_with(" points"), "{}", en.factors[0].points);
    assert_ne!(de.answers[0].question, en.answers[0].question);
    assert_ne!(de.properties, en.properties);
    assert_ne!(de.summary.progress, en.summary.progress);
}

#[test]
fn the_view_of_nothing_answered_has_no_verdict() {
    let answers = Answers::default();
    let a = assess(&answers, cat(), Lang::De).unwrap();
    let v = View::of(&a, &answers, cat());
    check(&a, &answers).unwrap();
    assert!(a.provisional);
    assert_eq!(v.summary.advice, cat().ui("nothing_answered", Lang::De));
    assert!(v.answers.iter().all(|l| l.answer == cat().ui("not_answered", Lang::De)));
    assert!(v.sources.is_empty() && v.factors.is_empty());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn the_view_of_any_answers_holds(v in per_question(0.7), en in any::<bool>()) {
        let answers = answered(v);
        let lang = if en { Lang::En } else { Lang::De };
        let a = assess(&answers, cat(), lang).unwrap();
        prop_assert_eq!(check(&a, &answers), Ok(()));
    }
}

#[test]
fn a_template_held_back_is_in_the_view_with_its_reason_until_the_backup_is_off() {
    let held = common::answers(serde_json::json!({
        "sector": "health", "audience": ["customers"], "messenger": "signal", "chat_backup": "cloud"
    }));
    for lang in Lang::ALL {
        let a = assess(&held, cat(), lang).unwrap();
        let v = View::of(&a, &held, cat());
        let ids: Vec<&str> = v.documents.refused.iter().map(|(id, _)| id.id()).collect();
        assert_eq!(ids, ["consent"], "{lang}");
        assert!(!v.documents.available.iter().any(|id| id.id() == "consent"), "{lang}");
        // The reason names the answer that lifts the hold ("Nein, ausgeschaltet").
        let off = cat().question("chat_backup").unwrap().options.iter().find(|o| o.id == "off").unwrap();
        assert!(v.documents.refused[0].1.contains(off.label.get(lang)), "{lang}: {}", v.documents.refused[0].1);
    }
    let off = common::answers(serde_json::json!({
        "sector": "health", "audience": ["customers"], "messenger": "signal", "chat_backup": "off"
    }));
    let v = View::of(&assess(&off, cat(), Lang::De).unwrap(), &off, cat());
    assert!(v.documents.refused.is_empty());
    assert_eq!(v.documents.available.len(), 4);
}
