//! Every interface text the code asks for exists in `ui.json`, in both languages. The keys are
//! read from the code itself (the widget's `src/` and the engine's `src/`), so a new
//! `env.t("…")` without its text fails here instead of showing "?" to a visitor.
//!
//! What counts as asking for a text:
//! - a call `t(…, "key", …)`, `env.t("key")`, `tf(…, "key", …)`, `ui("key")`, `catalog.ui("key", …)`
//!   (the key is the first string literal among the first two arguments, also over several lines);
//! - the pairs of keys handed to `show_all_button(…, ("show_all_x", "show_fewer_x"))`;
//! - the keys returned by the engine's key functions (`DropReason::ui_key`, `wording::value_key`);
//! - `prop.<property>` for every messenger property (built with `format!`).
use std::collections::BTreeSet;
use std::path::Path;

use engine::catalog::PROPERTIES;
use engine::{Catalog, Lang};
use regex::Regex;

mod common;
use common::rust_files;

/// The keys asked for in Rust source text.
fn keys_in(source: &str) -> BTreeSet<String> {
    let call = Regex::new(r#"(?s)\b(?:t|tf|ui)\(\s*(?:&?[\w.]+\s*,\s*)?"([^"]+)""#).unwrap();
    let pair = Regex::new(r#"\(\s*"(show_[a-z_]+)"\s*,\s*"(show_[a-z_]+)"\s*\)"#).unwrap();
    let key_fn = Regex::new(r#"(?s)fn (?:ui_key|value_key)\b.*?(?:\bfn\b|\z)"#).unwrap();
    let arm = Regex::new(r#"=>\s*"([^"]+)""#).unwrap();
    let mut keys = BTreeSet::new();
    keys.extend(call.captures_iter(source).map(|c| c[1].to_string()));
    for c in pair.captures_iter(source) {
        keys.insert(c[1].to_string());
        keys.insert(c[2].to_string());
    }
    for body in key_fn.find_iter(source) {
        keys.extend(arm.captures_iter(body.as_str()).map(|c| c[1].to_string()));
    }
    keys
}

fn used_keys() -> BTreeSet<String> {
    let engine = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&engine.join("src"), &mut files);
    rust_files(&engine.join("../src"), &mut files);
    let mut keys = BTreeSet::new();
    for f in &files {
        keys.extend(keys_in(&std::fs::read_to_string(f).unwrap()));
    }
    keys.extend(PROPERTIES.iter().map(|p| format!("prop.{p}")));
    keys
}

#[test]
fn the_scanner_finds_calls_over_several_lines_and_key_functions() {
    let code = r#"
        env.t("a.one"); t(&cat, "two", lang); tf(cat,
            "three", lang, &[]); catalog.ui("four", lang); let ui = |k| x; ui("five");
        show_all_button(&env, &s, id, n, ("show_all_x", "show_fewer_x"));
        pub fn value_key(v: V) -> &'static str {
            match v {
                V::A => "six",
            }
        }
        let not_a_key = format!("{}", "seven");
    "#;
    let keys: Vec<String> = keys_in(code).into_iter().collect();
    assert_eq!(keys, ["a.one", "five", "four", "show_all_x", "show_fewer_x", "six", "three", "two"]);
}

#[test]
fn every_interface_text_the_code_uses_exists_in_both_languages() {
    let cat = Catalog::embedded();
    let keys = used_keys();
    // The code asks for far more than a handful: if this drops, the scanner broke.
    assert!(keys.len() > 60, "only {} keys found: {keys:?}", keys.len());
    let missing: Vec<String> = keys
        .iter()
        .filter(|k| match cat.ui_text(k) {
            None => true,
            Some(t) => Lang::ALL.iter().any(|l| t.get(*l).trim().is_empty()),
        })
        .cloned()
        .collect();
    assert!(missing.is_empty(), "interface texts the code uses but ui.json lacks (or has empty): {missing:?}");
}

#[test]
fn every_interface_text_is_used() {
    // A text nobody asks for is a text nobody keeps up to date. (The embed builder and the
    // npm package read none of ui.json; the only readers are the Rust front-ends.)
    let cat = Catalog::embedded();
    let keys = used_keys();
    let unused: Vec<&str> = cat.ui_keys().filter(|k| !keys.contains(*k)).collect();
    assert!(unused.is_empty(), "texts in ui.json no code uses: {unused:?}");
}
