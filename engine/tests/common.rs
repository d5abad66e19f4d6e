//! Shared helpers for the engine's tests.
#![allow(dead_code)]
use engine::{assess, parse_answers, Answer, Answers, Assessment, Catalog, Lang};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Stdio};

pub fn cat() -> &'static Catalog {
    Catalog::embedded()
}

pub fn answers(v: Value) -> Answers {
    parse_answers(&v.to_string(), cat()).unwrap_or_else(|e| panic!("test answers are valid: {e}"))
}

pub fn run(v: Value) -> Assessment {
    assess(&answers(v), cat(), Lang::De).expect("assess")
}

pub fn score(v: Value) -> u8 {
    run(v).score
}

/// Merges `over` into `base` (keys of `over` win).
pub fn with(base: &Value, over: Value) -> Value {
    let mut b = base.clone();
    for (k, v) in over.as_object().unwrap() {
        b[k] = v.clone();
    }
    b
}

/// The contract's worst case: consumer WhatsApp on a private phone, mixed address book with
/// contact access, no consent, for customers; the rest answered neutrally.
pub fn worst() -> Value {
    json!({
        "sector": "trade", "audience": ["customers"], "broadcast": "no", "messenger": "whatsapp",
        "device": "private_phone", "contact_access": "granted", "address_book": "mixed",
        "first_contact": "business", "consent": "none", "content": ["appointments"],
        "chat_backup": "off", "media_autosave": "off", "usage_policy": "written", "works_council": "none",
        "hosting": "no_preference", "budget": "small_fee"
    })
}

/// The rest of a setup that the orderings leave open: (question, options) to vary.
pub const REST: &[(&str, &[&str])] = &[
    ("broadcast", &["yes", "no"]),
    ("dpa", &["yes", "no", "unknown"]),
    ("content", &["appointments", "business_letters", "personal_data", "special_categories", "confidential"]),
    ("chat_backup", &["off", "cloud", "unknown"]),
    ("media_autosave", &["off", "on", "unknown"]),
    ("archiving", &["archived", "none"]),
    ("usage_policy", &["written", "informal", "none"]),
    ("works_council", &["agreement", "no_agreement", "none"]),
];

/// Runs the `assess` command with `args` and `stdin`: (exit code, stdout, stderr).
pub fn assess_cli(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run assess");
    // The command may exit before reading (bad arguments): a broken pipe is fine.
    let _ = child.stdin.take().expect("stdin").write_all(stdin.as_bytes());
    let out = child.wait_with_output().expect("assess ends");
    let text = |b: Vec<u8>| String::from_utf8(b).expect("UTF-8");
    (out.status.code().unwrap_or(-1), text(out.stdout), text(out.stderr))
}

/// One strategy per question, in the catalog's order: answered or not, with random valid options
/// (a single-choice question is answered with probability `single`, a multi-choice one with 0.5).
pub fn per_question(single: f64) -> Vec<BoxedStrategy<Option<Answer>>> {
    cat()
        .questions()
        .iter()
        .map(|q| {
            let opts: Vec<String> = q.options.iter().map(|o| o.id.to_string()).collect();
            let n = opts.len();
            if q.multi {
                proptest::option::of(
                    proptest::sample::subsequence(opts, usize::from(q.min_choices)..=n).prop_map(Answer::Many),
                )
                .boxed()
            } else {
                proptest::option::weighted(single, proptest::sample::select(opts).prop_map(Answer::One)).boxed()
            }
        })
        .collect()
}

/// The answers of `per_question`'s values: the answered questions by id.
pub fn answered(v: Vec<Option<Answer>>) -> Answers {
    cat().questions().iter().zip(v).filter_map(|(q, a)| a.map(|a| (q.id.to_string(), a))).collect()
}

/// Every `.rs` file below `dir` (the sources the tests read: `layers.rs`, `ui_keys.rs`).
pub fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}
