//! The `assess` command, run as a process.
mod common;
use common::assess_cli;

const WORST: &str = r#"{"sector":"trade","audience":["customers"],"messenger":"whatsapp","device":"private_phone",
  "contact_access":"granted","address_book":"mixed","consent":"none"}"#;

#[test]
fn prints_the_assessment_as_json() {
    let (code, out, err) = assess_cli(&[], WORST);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for key in ["score", "band", "range", "factors", "measures", "alternatives", "what_if", "catalog"] {
        assert!(v.get(key).is_some(), "{key}");
    }
    // Already high; the open questions (who writes first, content, backups, rules) can still make
    // it critical, so no final band yet.
    assert_eq!(
        (v["band"].as_str(), v["band_max"].as_str(), v["provisional"].as_bool()),
        (Some("high"), Some("critical"), Some(true))
    );
    assert_eq!(v["lang"], "de");
    let (_, again, _) = assess_cli(&[], WORST);
    assert_eq!(out, again, "byte-identical");
}

#[test]
fn english_and_markdown() {
    let (code, md, _) = assess_cli(&["--lang", "en", "--format", "markdown"], WORST);
    assert_eq!(code, 0);
    assert!(md.starts_with("# Messenger check: report"), "{md}");
    assert!(md.contains("The address book is uploaded") && md.contains("Art. 6(1)"));
    assert!(md.contains("not legal advice"));
    let (_, de, _) = assess_cli(&["--format=markdown"], WORST);
    assert!(de.contains("Das Adressbuch wird hochgeladen"));
}

#[test]
fn bad_input_exits_2_with_one_line_naming_it() {
    let cases = [
        (r#"{"sektor": "trade"}"#, "sektor"),
        (r#"{"sector": "bakery"}"#, "bakery"),
        (r#"{"audience": ["customers"], "messenger": ["whatsapp"]}"#, "messenger"),
        // A multi question takes a list, as the contract and the schema say.
        (r#"{"content": "appointments"}"#, "question `content` takes a list"),
        (r#"{"sector": "trade""#, "line 1"),
        ("[1, 2]", "JSON object"),
    ];
    for (input, needle) in cases {
        let (code, out, err) = assess_cli(&[], input);
        assert_eq!(code, 2, "{input}");
        assert!(out.is_empty());
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        assert!(err.contains(needle), "{input}: {err}");
    }
    let (code, _, err) = assess_cli(&["--lang", "fr"], "{}");
    assert_eq!(code, 2);
    assert!(err.contains("fr"));
}

#[test]
fn help_and_schemas() {
    let (code, out, _) = assess_cli(&["--help"], "");
    assert_eq!(code, 0);
    assert!(out.contains("--format") && out.contains("--lang"));
    let (code, out, _) = assess_cli(&["--schema", "answers"], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["properties"]["messenger"]["anyOf"][0]["enum"].as_array().unwrap().iter().any(|x| x == "wire"));
    let (code, out, _) = assess_cli(&["--schema", "assessment"], "");
    assert_eq!(code, 0);
    assert!(out.contains("score") && out.contains("what_if"));
}

/// The schema files in `schema/` and the npm package's data types (`www/npm/contract.d.ts`)
/// are the ones the CLI prints (regenerate them all with `scripts/generate.sh`).
#[test]
fn published_schemas_and_typings_are_current() {
    for (which, path) in [
        ("answers", "schema/answers.schema.json"),
        ("assessment", "schema/assessment.schema.json"),
        ("typescript", "www/npm/contract.d.ts"),
        ("text-keys", "docs/text-keys.md"),
    ] {
        let (_, out, _) = assess_cli(&["--schema", which], "");
        let path = format!("{}/../{path}", env!("CARGO_MANIFEST_DIR"));
        let published = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(published, out, "{path} is stale: run scripts/generate.sh");
    }
}

/// The typings name every question and option of the catalog and every field of the
/// assessment, so a new question or field cannot be missing from them.
#[test]
fn the_typings_follow_the_catalog_and_the_assessment() {
    let (_, ts, _) = assess_cli(&["--schema", "typescript"], "");
    let cat = engine::Catalog::embedded();
    for q in cat.questions() {
        assert!(ts.contains(&format!("  | \"{}\"", q.id)), "QuestionId lacks {}", q.id);
        for o in q.options.iter() {
            assert!(ts.contains(&format!("\"{}\"", o.id)), "the answers' type lacks {}.{}", q.id, o.id);
        }
    }
    let (_, json, _) = assess_cli(&["--lang", "en"], WORST);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let body = ts.split("export type Assessment = {").nth(1).expect("an Assessment type");
    for key in v.as_object().unwrap().keys() {
        assert!(
            body.contains(&format!("  {key}: ")) || body.contains(&format!("  {key}?: ")),
            "Assessment lacks {key}"
        );
    }
}

#[test]
fn json_export_holds_answers_and_assessment() {
    let cat = engine::Catalog::embedded();
    let answers = engine::parse_answers(WORST, cat).unwrap();
    let a = engine::assess(&answers, cat, engine::Lang::En).unwrap();
    let v: serde_json::Value = serde_json::from_str(&engine::report::json_export(&a, &answers)).unwrap();
    assert_eq!(v["answers"]["messenger"], "whatsapp");
    assert_eq!(v["assessment"]["score"], a.score);
    let (_, cli, _) = assess_cli(&["--lang", "en"], WORST);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&cli).unwrap(), v["assessment"], "same assessment as the CLI");
}
