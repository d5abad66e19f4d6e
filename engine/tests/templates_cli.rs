//! `assess --document …`: the templates on the command line, the same bytes as the library.
mod common;
use common::assess_cli;

use engine::documents::{self, render, Blanks, DocId};
use engine::{parse_answers, Catalog, Lang};

const PLUMBER: &str = r#"{"sector": "trade", "audience": ["customers", "internal"], "messenger": "whatsapp_business_app",
  "device": "company_private_allowed", "contact_access": "granted", "address_book": "business_only",
  "content": ["appointments", "business_letters"]}"#;

#[test]
fn each_document_in_each_format_is_the_librarys() {
    let cat = Catalog::embedded();
    let answers = parse_answers(PLUMBER, cat).unwrap();
    let mut blanks = Blanks::company("Sanitär Beispiel GmbH");
    blanks.0.insert("address".into(), "Hauptstraße 1, 12345 Musterstadt".into());
    for id in DocId::ALL {
        for lang in Lang::ALL {
            let doc = documents::document(id, &answers, cat, lang, &blanks).unwrap();
            for (format, expected) in [
                ("markdown", render::markdown(&doc)),
                ("html", render::html(&doc)),
                ("json", render::Format::Json.write(&doc)),
            ] {
                let args = [
                    "--document",
                    id.id(),
                    "--lang",
                    lang.code(),
                    "--format",
                    format,
                    "--blank",
                    "company=Sanitär Beispiel GmbH",
                    "--blank=address=Hauptstraße 1, 12345 Musterstadt",
                ];
                let (code, out, err) = assess_cli(&args, PLUMBER);
                assert_eq!(code, 0, "{id} {lang} {format}: {err}");
                assert_eq!(out, expected, "{id} {lang} {format}: byte for byte");
            }
        }
    }
    // Markdown unless asked otherwise.
    let (_, out, _) = assess_cli(&["--document", "checklist"], PLUMBER);
    assert!(out.starts_with("# Checkliste: WhatsApp Business datenschutzgerecht einrichten\n"), "{out}");
}

#[test]
fn bad_values_exit_2_with_one_line_naming_them() {
    let cases: &[(&[&str], &str, &str)] = &[
        (&["--document", "letter"], PLUMBER, "unknown document `letter`"),
        (&["--document"], PLUMBER, "missing argument for option '--document'"),
        (&["--document", "policy", "--format", "pdf"], PLUMBER, "unknown format `pdf`"),
        (&["--format", "html"], PLUMBER, "html only with --document"),
        (&["--document", "policy", "--blank", "firma=X"], PLUMBER, "unknown blank `firma`"),
        (&["--document", "policy", "--blank", "company"], PLUMBER, "--blank needs ID=TEXT"),
        (&["--blank", "company=X"], PLUMBER, "--blank only works with --document"),
        (&["--document", "consent"], r#"{"audience": ["internal"], "messenger": "wire"}"#, "`consent` template"),
        (&["--document", "policy"], r#"{"messenger": "undecided"}"#, "answer `messenger`"),
        (&["--document", "policy"], r#"{"messenger": "icq"}"#, "unknown option `icq`"),
    ];
    for (args, stdin, needle) in cases {
        let (code, out, err) = assess_cli(args, stdin);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}

#[test]
fn the_help_lists_the_blanks() {
    let (code, out, _) = assess_cli(&["--help"], "");
    assert_eq!(code, 0);
    assert!(out.contains("--document policy|consent|record|checklist"));
    for id in ["company", "address", "contact", "responsible", "dpo"] {
        assert!(out.contains(&format!(" {id},")), "{id}: {out}");
    }
    assert!(!out.contains("BLANKS"));
}

/// `schema/document.schema.json` is what `assess --schema document` prints (regenerate with
/// `cargo run --bin assess -- --schema document > schema/document.schema.json`), and it
/// describes the description and the facts items name.
#[test]
fn the_published_document_schema_is_current() {
    let (code, out, _) = assess_cli(&["--schema", "document"], "");
    assert_eq!(code, 0);
    let path = format!("{}/../schema/document.schema.json", env!("CARGO_MANIFEST_DIR"));
    assert_eq!(std::fs::read_to_string(&path).unwrap_or_default(), out, "{path} is stale: regenerate it");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v["properties"]["setup"].is_object(), "the setup description");
    assert!(v["$defs"]["Item"]["properties"]["refs"].is_object(), "the facts an item names");
    assert!(out.contains("\"note\""), "the status `note`");
}

/// The review of 1d33e79: a refused template says why in the language asked for, on the command
/// line as in the library (set 13 of the review: a law firm on the regular WhatsApp app).
#[test]
fn a_refusal_is_in_the_language_asked_for() {
    let set13 = r#"{"sector": "legal_tax", "audience": ["customers", "internal"], "messenger": "whatsapp",
      "device": "private_phone", "contact_access": "granted", "address_book": "mixed", "content": ["appointments"],
      "chat_backup": "cloud"}"#;
    let (code, _, err) = assess_cli(&["--document", "consent", "--lang", "de"], set13);
    assert_eq!(code, 2);
    assert!(err.contains("Die Nutzungsbedingungen der normalen WhatsApp-App erlauben nur private Nutzung"), "{err}");
    assert!(!err.contains("not offered") && !err.contains("terms allow"), "{err}");
    let (_, _, err) = assess_cli(&["--document", "consent", "--lang", "en"], set13);
    assert!(
        err.contains("not offered for this setup: the regular WhatsApp app's terms allow personal use only"),
        "{err}"
    );
    let cat = Catalog::embedded();
    let answers = parse_answers(set13, cat).unwrap();
    for lang in Lang::ALL {
        let e = documents::document(DocId::Consent, &answers, cat, lang, &Blanks::default()).unwrap_err();
        let why = &documents::refusals(&answers, cat, lang).unwrap()[0].1;
        assert!(e.to_string().ends_with(why.as_str()), "{lang:?}: {e}");
    }
}
