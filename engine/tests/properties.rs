//! Property tests over random answers (any subset of questions, any options).
mod common;
use common::*;
use engine::{apply_change, assess, fragment, Answer, Answers, Change, Lang};
use proptest::prelude::*;

/// Random answers: each question answered or not, with random valid options.
fn any_answers() -> impl Strategy<Value = Answers> {
    let qs: Vec<(String, bool, u8, Vec<String>)> = cat()
        .questions()
        .iter()
        .map(|q| (q.id.to_string(), q.multi, q.min_choices, q.options.iter().map(|o| o.id.to_string()).collect()))
        .collect();
    let per_q: Vec<BoxedStrategy<Option<Answer>>> = qs
        .into_iter()
        .map(|(_, multi, min, opts)| {
            let n = opts.len();
            if multi {
                proptest::option::of(proptest::sample::subsequence(opts, usize::from(min)..=n).prop_map(Answer::Many))
                    .boxed()
            } else {
                proptest::option::of(proptest::sample::select(opts).prop_map(Answer::One)).boxed()
            }
        })
        .collect();
    per_q.prop_map(|v| cat().questions().iter().zip(v).filter_map(|(q, a)| a.map(|a| (q.id.to_string(), a))).collect())
}

/// The first option of a question that decides something (not `messenger: undecided`).
fn first_decided(q: &engine::catalog::Question) -> Answer {
    let first = q.options.iter().find(|o| !o.open).expect("a question has a deciding option").id.to_string();
    if q.multi {
        Answer::Many(vec![first])
    } else {
        Answer::One(first)
    }
}

/// Whether an answer picks an option that decides nothing yet.
fn is_open(q: &engine::catalog::Question, a: &Answer) -> bool {
    a.ids().iter().any(|id| q.options.iter().any(|o| o.open && o.id == *id))
}

/// Fills every applicable open question with its first valid answer, until none is open. An
/// answer that decides nothing yet (`undecided`) is open too.
fn complete(mut a: Answers) -> Answers {
    for q in cat().questions() {
        if a.get(q.id.as_ref()).is_some_and(|x| is_open(q, x)) {
            a.insert(q.id.to_string(), first_decided(q));
        }
    }
    loop {
        let open: Vec<String> =
            engine::applicable(&a, cat()).unwrap().into_iter().filter(|q| !a.contains_key(q)).collect();
        if open.is_empty() {
            return a;
        }
        for qid in open {
            let q = cat().question(&qid).unwrap();
            a.insert(qid, first_decided(q));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn score_band_and_range_are_consistent(a in any_answers()) {
        let r = assess(&a, cat(), Lang::De).unwrap();
        prop_assert!(r.score <= 100);
        prop_assert!(r.range.min <= r.score && r.score <= r.range.max, "{:?} vs {}", r.range, r.score);
        prop_assert_eq!(r.band, cat().band_of(r.score));
        // The factors add up to the score: there is no cap.
        let sum: u32 = r.factors.iter().map(|f| f.points).sum();
        prop_assert_eq!(sum, r.points);
        prop_assert_eq!(u32::from(r.score), sum);
        // Provisional exactly while the range spans more than one band.
        prop_assert_eq!(r.band_max, cat().band_of(r.range.max));
        prop_assert_eq!(r.provisional, r.band != r.band_max);
        prop_assert!(r.factors.windows(2).all(|w| w[0].points >= w[1].points));
        prop_assert!(r.progress.answered <= r.progress.applicable);
        prop_assert_eq!(r.applicable.len() as u32, r.progress.applicable);
    }

    #[test]
    fn range_closes_when_complete_and_completion_stays_in_range(a in any_answers()) {
        let before = assess(&a, cat(), Lang::De).unwrap();
        let full = complete(a);
        let after = assess(&full, cat(), Lang::De).unwrap();
        prop_assert_eq!(after.range.min, after.score);
        prop_assert_eq!(after.range.max, after.score);
        prop_assert_eq!(after.progress.answered, after.progress.applicable);
        prop_assert!(before.range.min <= after.score && after.score <= before.range.max,
            "completion {} outside {:?}", after.score, before.range);
    }

    /// The range's maximum is exact, not just a bound: with up to three questions open, trying
    /// every completion reaches it and never exceeds it.
    #[test]
    fn the_range_maximum_is_attained(full in any_answers(), open in proptest::sample::subsequence((0..cat().questions().len()).collect::<Vec<_>>(), 1..=3)) {
        // Every question answered, whether it applies now or not, so that only `open` is open
        // whatever the brute force below picks.
        let mut a = full;
        for q in cat().questions() {
            if a.get(q.id.as_ref()).is_none_or(|x| is_open(q, x)) {
                a.insert(q.id.to_string(), first_decided(q));
            }
        }
        let open: Vec<&engine::catalog::Question> = open.into_iter().map(|i| &cat().questions()[i]).collect();
        for q in &open {
            a.remove(q.id.as_ref());
        }
        let r = assess(&a, cat(), Lang::De).unwrap();
        let choices = |q: &engine::catalog::Question| -> Vec<Answer> {
            let ids: Vec<String> = q.options.iter().filter(|o| !o.open).map(|o| o.id.to_string()).collect();
            if q.multi {
                (0u32..1 << ids.len())
                    .filter(|m| m.count_ones() >= u32::from(q.min_choices))
                    .map(|m| Answer::Many(ids.iter().enumerate().filter(|(i, _)| m & (1 << i) != 0).map(|(_, x)| x.clone()).collect()))
                    .collect()
            } else {
                ids.into_iter().map(Answer::One).collect()
            }
        };
        let mut best = r.score;
        let mut stack = vec![a.clone()];
        for q in &open {
            stack = stack.into_iter().flat_map(|base| choices(q).into_iter().map(move |c| { let mut x = base.clone(); x.insert(q.id.to_string(), c); x })).collect();
        }
        for x in &stack {
            best = best.max(engine::score(x, cat()).unwrap());
        }
        prop_assert_eq!(r.range.max, best, "open {:?}", open.iter().map(|q| &q.id).collect::<Vec<_>>());
    }

    /// Review B16: an answer that decides nothing yet (`messenger: undecided`) is assessed as
    /// no answer, so it never gets a final band; the assessment names it.
    #[test]
    fn an_undecided_answer_counts_as_open(a in any_answers()) {
        let mut undecided = a.clone();
        undecided.insert("messenger".into(), Answer::One("undecided".into()));
        let mut open = a.clone();
        open.remove("messenger");
        let u = assess(&undecided, cat(), Lang::De).unwrap();
        let o = assess(&open, cat(), Lang::De).unwrap();
        prop_assert_eq!((u.score, u.band, u.range, u.band_max, u.provisional), (o.score, o.band, o.range, o.band_max, o.provisional));
        prop_assert_eq!(&u.factors, &o.factors);
        prop_assert_eq!(u.undecided, vec!["messenger".to_string()]);
        prop_assert!(o.undecided.is_empty());
        prop_assert!(u.provisional, "no verdict while the messenger is open: {:?}", u.range);
    }

    #[test]
    fn every_what_if_and_measure_gives_its_stated_score(a in any_answers()) {
        let r = assess(&a, cat(), Lang::En).unwrap();
        for w in &r.what_if {
            prop_assert!(w.score < r.score);
            let ch = Change { question: w.question.clone(), set: Some(w.answer.clone()), add: vec![], remove: vec![] };
            let b = apply_change(&a, &ch, cat()).unwrap();
            prop_assert_eq!(assess(&b, cat(), Lang::En).unwrap().score, w.score, "what-if {:?}", w);
        }
        for m in &r.measures {
            prop_assert!(m.score < r.score && m.gain == r.score - m.score);
            let mut b = a.clone();
            b.extend(m.changes.clone());
            prop_assert_eq!(assess(&b, cat(), Lang::En).unwrap().score, m.score, "measure {}", m.id);
        }
        for alt in &r.alternatives {
            prop_assert!(alt.fit <= 100);
        }
    }

    #[test]
    fn same_input_same_bytes_and_languages_agree(a in any_answers()) {
        let de1 = serde_json::to_string(&assess(&a, cat(), Lang::De).unwrap()).unwrap();
        let de2 = serde_json::to_string(&assess(&a.clone(), cat(), Lang::De).unwrap()).unwrap();
        prop_assert_eq!(&de1, &de2);
        let de = assess(&a, cat(), Lang::De).unwrap();
        let en = assess(&a, cat(), Lang::En).unwrap();
        prop_assert_eq!((de.score, de.band, de.range, de.points), (en.score, en.band, en.range, en.points));
        let ids = |v: &engine::Assessment| (
            v.factors.iter().map(|f| (f.id.clone(), f.points)).collect::<Vec<_>>(),
            v.measures.iter().map(|m| (m.id.to_string(), m.score)).collect::<Vec<_>>(),
            v.what_if.iter().map(|w| (w.question.clone(), w.score)).collect::<Vec<_>>(),
            v.alternatives.iter().map(|x| (x.id.to_string(), x.fit, x.score_if_used)).collect::<Vec<_>>(),
        );
        prop_assert_eq!(ids(&de), ids(&en));
    }

    /// Cloud backup, media auto-save, broadcast lists, confidential content and no usage
    /// policy never lower the score, whatever else is answered.
    #[test]
    fn risky_settings_never_lower_the_score(a in any_answers()) {
        let s = |b: &Answers| assess(b, cat(), Lang::De).unwrap().score;
        let set = |q: &str, o: &str| { let mut b = a.clone(); b.insert(q.into(), Answer::One(o.into())); b };
        prop_assert!(s(&set("chat_backup", "cloud")) >= s(&set("chat_backup", "off")));
        prop_assert!(s(&set("media_autosave", "on")) >= s(&set("media_autosave", "off")));
        prop_assert!(s(&set("broadcast", "yes")) >= s(&set("broadcast", "no")));
        prop_assert!(s(&set("usage_policy", "none")) >= s(&set("usage_policy", "written")));
        prop_assert!(s(&set("usage_policy", "none")) >= s(&set("usage_policy", "informal")));
        let mut without: Vec<String> = match a.get("content") { Some(Answer::Many(v)) => v.clone(), _ => vec![] };
        without.retain(|c| c != "confidential");
        let mut with_c = without.clone();
        with_c.push("confidential".into());
        let mut b1 = a.clone(); b1.insert("content".into(), Answer::Many(without));
        let mut b2 = a.clone(); b2.insert("content".into(), Answer::Many(with_c));
        prop_assert!(s(&b2) >= s(&b1));
    }

    /// Answering an open question never lowers the score: the score is the low end of the range.
    #[test]
    fn answering_more_never_lowers_the_score(a in any_answers(), b in any_answers()) {
        let mut more = b.clone();
        more.extend(a.clone());
        let s = |x: &Answers| assess(x, cat(), Lang::De).unwrap().score;
        prop_assert!(s(&more) >= s(&a));
    }

    #[test]
    fn share_link_round_trips(a in any_answers()) {
        let frag = fragment::encode(&a, cat());
        let p = fragment::parse(&format!("#{frag}"), cat());
        prop_assert!(p.dropped.is_empty(), "{:?}", p.dropped);
        prop_assert_eq!(p.answers, a);
    }

    /// Any text as a fragment: valid answers plus a list of what was dropped, never a panic.
    #[test]
    fn fragment_parser_never_fails(s in ".{0,300}", t in "[a-z_=&,%0-9A-F#]{0,200}") {
        for input in [s.as_str(), t.as_str()] {
            let p = fragment::parse(input, cat());
            // Whatever was kept is valid for the engine.
            prop_assert!(assess(&p.answers, cat(), Lang::De).is_ok());
            prop_assert!(p.dropped.len() <= fragment::MAX_DROPPED && p.dropped.len() <= p.dropped_count);
            prop_assert!(p.dropped.iter().all(|d| d.item.chars().count() <= 41));
        }
    }
}
