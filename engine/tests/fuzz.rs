//! Fuzzing the three readers of outside input: the share link (`fragment::parse`), the answers
//! (`parse_answers`, JSON text) and the embedder's overrides (`Overrides::from_json` and
//! `Catalog::with_overrides`). Each gets inputs built from the catalog's own ids mixed with
//! junk (broken escapes, control characters, terminal escape codes, huge lists, deep nesting,
//! wrong types, tricky call-to-action addresses), and mutations of them that break the syntax.
//!
//! What must hold for every input: no panic; the call returns within a moment; what is accepted
//! is valid (the engine assesses it); an error is short and holds no control character.
//!
//! The budget is a number of inputs per reader: `MC_FUZZ_CASES` (default 3,000 in `make test`;
//! `make fuzz` runs 200,000). Each test prints what it tried, the panics (0, or the test fails
//! with the smallest input proptest finds) and its slowest call:
//!     cargo test -p messenger-check-engine --release --test fuzz -- --nocapture
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use engine::overrides::cta_url;
use engine::{assess, fragment, parse_answers, Catalog, Lang, Overrides};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{json, Map, Value};

fn cat() -> &'static Catalog {
    Catalog::embedded()
}

fn cases() -> u32 {
    std::env::var("MC_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3_000)
}

/// What a fuzz run measured.
#[derive(Default)]
struct Stats {
    inputs: u64,
    slowest: Duration,
    slowest_len: usize,
}

/// Runs `check` on `cases()` inputs from `strategy`, counting, timing each call and turning a
/// panic into a failure (which proptest then shrinks to a small input).
fn fuzz<S: Strategy>(name: &str, strategy: S, check: impl Fn(&S::Value) -> Result<(), String>)
where
    S::Value: std::fmt::Debug + InputLen,
{
    let mut runner = TestRunner::new(Config {
        cases: cases(),
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..Config::default()
    });
    let stats = RefCell::new(Stats::default());
    let result = runner.run(&strategy, |input| {
        let mut stats = stats.borrow_mut();
        stats.inputs += 1;
        let started = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| check(&input)));
        let took = started.elapsed();
        if took > stats.slowest {
            stats.slowest = took;
            stats.slowest_len = input.input_len();
        }
        match outcome {
            Err(_) => Err(TestCaseError::fail("panicked")),
            Ok(Err(e)) => Err(TestCaseError::fail(e)),
            Ok(Ok(())) if took > Duration::from_millis(500) => {
                Err(TestCaseError::fail(format!("took {took:?} for {} bytes", input.input_len())))
            }
            Ok(Ok(())) => Ok(()),
        }
    });
    let stats = stats.into_inner();
    eprintln!(
        "fuzz {name}: {} inputs tried, 0 panics, slowest call {:.2} ms (input of {} bytes)",
        stats.inputs,
        stats.slowest.as_secs_f64() * 1e3,
        stats.slowest_len
    );
    if let Err(e) = result {
        panic!("fuzz {name}: {e}");
    }
}

trait InputLen {
    fn input_len(&self) -> usize;
}

impl InputLen for String {
    fn input_len(&self) -> usize {
        self.len()
    }
}

/// An error message a visitor, an embedder or a terminal may be shown: short, one line, no
/// control characters.
fn clean_message(m: &str) -> Result<(), String> {
    if m.chars().count() > 600 {
        return Err(format!(
            "a message of {} characters: {}…",
            m.chars().count(),
            m.chars().take(200).collect::<String>()
        ));
    }
    if let Some(c) = m.chars().find(|c| c.is_control()) {
        return Err(format!("a control character {c:?} in the message: {m:?}"));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Pieces of input

fn question_ids() -> Vec<String> {
    cat().questions().iter().map(|q| q.id.to_string()).collect()
}

fn option_ids() -> Vec<String> {
    cat().questions().iter().flat_map(|q| q.options.iter().map(|o| o.id.to_string())).collect()
}

fn messenger_ids() -> Vec<String> {
    cat().messengers().iter().map(|m| m.id.to_string()).collect()
}

/// Text that is not an id: short junk, escape codes, markup, odd Unicode, very long runs.
fn junk() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z_]{0,12}",
        ".{0,24}",
        Just("\u{1b}[31m\u{1b}[2J".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("__proto__".to_string()),
        Just("constructor".to_string()),
        Just("\u{202e}\u{0}\r\n\t".to_string()),
        (1usize..6).prop_map(|n| "x".repeat(10usize.pow(n as u32))),
    ]
}

/// An id the catalog knows (a question, an option, a messenger), or junk.
fn id_or_junk() -> BoxedStrategy<String> {
    prop_oneof![
        3 => proptest::sample::select(question_ids()),
        4 => proptest::sample::select(option_ids()),
        1 => proptest::sample::select(messenger_ids()),
        2 => junk(),
    ]
    .boxed()
}

/// A piece of a share link, possibly percent-escaped (also broken escapes).
fn escaped(s: String) -> impl Strategy<Value = String> {
    (0u8..4, "%[0-9A-Fa-fGz]{0,2}").prop_map(move |(how, tail)| match how {
        0 => s.bytes().map(|b| format!("%{b:02X}")).collect(),
        1 => format!("{s}{tail}"),
        _ => s.clone(),
    })
}

// ---------------------------------------------------------------------------------------
// Share links

fn share_link() -> impl Strategy<Value = String> {
    let pair = (id_or_junk(), proptest::collection::vec(id_or_junk(), 0..4), any::<bool>())
        .prop_flat_map(|(k, vs, eq)| (escaped(k), escaped(vs.join(",")), Just(eq)))
        .prop_map(|(k, v, eq)| if eq { format!("{k}={v}") } else { k });
    let version = prop_oneof![Just("v=1&".to_string()), Just(String::new()), "v=[0-9a-z]{0,3}&"];
    let structured = (any::<bool>(), version, proptest::collection::vec(pair, 0..30), "[&=,]{0,3}")
        .prop_map(|(hash, v, pairs, tail)| format!("{}{v}{}{tail}", if hash { "#" } else { "" }, pairs.join("&")));
    prop_oneof![
        6 => structured,
        1 => ".{0,300}",
        1 => (1usize..5).prop_map(|n| format!("#v=1&messenger=whatsapp&x={}", "a".repeat(10usize.pow(n as u32)))),
        1 => (1usize..4).prop_map(|n| "&=,%".repeat(10usize.pow(n as u32))),
    ]
}

#[test]
fn fuzz_the_share_link_parser() {
    fuzz("share link", share_link(), |link| {
        let p = fragment::parse(link, cat());
        if p.dropped.len() > fragment::MAX_DROPPED || p.dropped.len() > p.dropped_count {
            return Err(format!("{} dropped listed of {}", p.dropped.len(), p.dropped_count));
        }
        for d in &p.dropped {
            if d.item.chars().count() > 41 || d.item.chars().any(char::is_control) {
                return Err(format!("a dropped item shown as {:?}", d.item));
            }
        }
        // What was kept is valid, and reads back the same from the link the page would write.
        assess(&p.answers, cat(), Lang::De).map_err(|e| format!("kept answers the engine refuses: {e}"))?;
        let again = fragment::parse(&fragment::encode(&p.answers, cat()), cat());
        if again.answers != p.answers || again.dropped_count != 0 {
            return Err(format!("does not round-trip: {:?} -> {:?}", p.answers, again.answers));
        }
        Ok(())
    });
}

// ---------------------------------------------------------------------------------------
// JSON values for the answers and the overrides

/// A JSON value: leaves from ids and junk, lists (a few very long), objects, nesting.
fn json_value(keys: BoxedStrategy<String>) -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        id_or_junk().prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            (65usize..3_000).prop_map(|n| Value::Array(vec![json!("appointments"); n])),
            proptest::collection::btree_map(keys.clone(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

/// JSON text from a value, sometimes broken: cut off, or with a character put in.
fn json_text(value: BoxedStrategy<Value>) -> impl Strategy<Value = String> {
    (
        value,
        0u8..6,
        any::<prop::sample::Index>(),
        prop_oneof![Just('"'), Just('{'), Just('\u{0}'), Just('\\'), any::<char>()],
    )
        .prop_map(|(v, how, at, c)| {
            let text = serde_json::to_string(&v).unwrap();
            let i = at.index(text.len() + 1);
            let i = (0..=i).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            match how {
                0 => text[..i].to_string(),
                1 => format!("{}{c}{}", &text[..i], &text[i..]),
                _ => text,
            }
        })
}

fn answers_value() -> BoxedStrategy<Value> {
    let keys = prop_oneof![4 => proptest::sample::select(question_ids()), 1 => junk()].boxed();
    let value = prop_oneof![
        4 => proptest::sample::select(option_ids()).prop_map(Value::String),
        3 => proptest::collection::vec(proptest::sample::select(option_ids()).prop_map(Value::String), 0..6).prop_map(Value::Array),
        2 => json_value(keys.clone()),
    ];
    prop_oneof![
        8 => proptest::collection::btree_map(keys, value, 0..20).prop_map(|m| Value::Object(m.into_iter().collect())),
        1 => json_value(id_or_junk()),
    ]
    .boxed()
}

#[test]
fn fuzz_the_answers_reader() {
    fuzz("answers", json_text(answers_value()), |text| match parse_answers(text, cat()) {
        Ok(answers) => {
            assess(&answers, cat(), Lang::En).map(|_| ()).map_err(|e| format!("accepted, then refused: {e}"))
        }
        Err(e) => clean_message(&e.to_string()),
    });
}

// ---------------------------------------------------------------------------------------
// Overrides

fn text_keys() -> Vec<String> {
    let mut keys =
        vec!["ui.title".to_string(), "ui.intro".into(), "disclaimer".into(), "formula".into(), "band.low.label".into()];
    for q in cat().questions() {
        keys.push(format!("question.{}.title", q.id));
        for o in q.options.iter() {
            keys.push(format!("option.{}.{}.label", q.id, o.id));
        }
    }
    for m in cat().messengers() {
        keys.push(format!("messenger.{}.cost", m.id));
    }
    keys
}

fn cta_address() -> impl Strategy<Value = String> {
    let prefix = prop_oneof![
        Just("https://"),
        Just("http://"),
        Just("mailto:"),
        Just("/"),
        Just("//"),
        Just("/\\"),
        Just("\\\\"),
        Just("/\t/"),
        Just(" /\n/"),
        Just("javascript:"),
        Just("HTTPS://"),
        Just(""),
    ];
    (prefix, prop_oneof!["[a-z./?#=-]{0,30}", ".{0,20}"]).prop_map(|(p, rest)| format!("{p}{rest}"))
}

fn overrides_value() -> BoxedStrategy<Value> {
    let lang = prop_oneof![Just("de".to_string()), Just("en".to_string()), junk()];
    let text = prop_oneof![4 => ".{0,40}", 1 => Just(String::new()), 1 => (1usize..5).prop_map(|n| "t".repeat(10usize.pow(n as u32)))];
    let texts = proptest::collection::btree_map(
        lang.clone(),
        proptest::collection::btree_map(
            prop_oneof![4 => proptest::sample::select(text_keys()), 1 => junk()],
            text.clone(),
            0..6,
        ),
        0..3,
    )
    .prop_map(|m| serde_json::to_value(m).unwrap());
    let ids = proptest::collection::vec(prop_oneof![4 => proptest::sample::select(messenger_ids()), 1 => junk()], 0..6)
        .prop_map(|v| json!(v));
    let alternatives = (proptest::option::of(ids.clone()), proptest::option::of(ids.clone())).prop_map(|(r, h)| {
        let mut m = Map::new();
        if let Some(r) = r {
            m.insert("recommend".into(), r);
        }
        if let Some(h) = h {
            m.insert("hide".into(), h);
        }
        Value::Object(m)
    });
    let cta = (proptest::collection::btree_map(lang, text, 0..3), cta_address())
        .prop_map(|(label, url)| json!({ "label": label, "url": url }));
    let templates = (
        proptest::collection::vec(prop_oneof![Just("consent".to_string()), Just("all".to_string()), junk()], 0..3),
        proptest::option::of(".{0,30}"),
    )
        .prop_map(|(hide, note)| match note {
            Some(n) => json!({ "hide": hide, "note": { "de": n } }),
            None => json!({ "hide": hide }),
        });
    let field = prop_oneof![
        texts.prop_map(|v| ("texts".to_string(), v)),
        alternatives.prop_map(|v| ("alternatives".to_string(), v)),
        cta.prop_map(|v| ("call_to_action".to_string(), v)),
        templates.prop_map(|v| ("templates".to_string(), v)),
        (junk(), json_value(id_or_junk())).prop_map(|(k, v)| (k, v)),
        (
            prop_oneof![Just("texts"), Just("alternatives"), Just("call_to_action"), Just("templates")],
            json_value(id_or_junk())
        )
            .prop_map(|(k, v)| (k.to_string(), v)),
    ];
    proptest::collection::vec(field, 0..4).prop_map(|fields| Value::Object(fields.into_iter().collect())).boxed()
}

#[test]
fn fuzz_the_overrides_reader() {
    let answers =
        parse_answers(r#"{"sector": "health", "audience": ["customers"], "messenger": "whatsapp"}"#, cat()).unwrap();
    fuzz("overrides", json_text(overrides_value()), |text| {
        let overrides = match Overrides::from_json(text) {
            Ok(o) => o,
            Err(e) => return clean_message(&e.to_string()),
        };
        match cat().with_overrides(&overrides) {
            Ok(custom) => {
                // An accepted call to action passes the address check; the catalog still works.
                if let Some(cta) = custom.call_to_action() {
                    cta_url(&cta.url).map_err(|e| format!("accepted a call to action that fails its check: {e}"))?;
                }
                assess(&answers, &custom, Lang::De)
                    .map(|_| ())
                    .map_err(|e| format!("a catalog that cannot assess: {e}"))
            }
            Err(e) => clean_message(&e.to_string()),
        }
    });
}
