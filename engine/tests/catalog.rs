//! The catalog: the embedded one is complete; a broken one is an error that names the file,
//! the entry and the field; embedder overrides are checked the same way.
use engine::catalog::EMBEDDED_FILES;
use engine::{Catalog, CatalogError, Lang, Overrides};

fn load_with(file: &str, edit: impl Fn(&mut serde_json::Value)) -> Result<Catalog, CatalogError> {
    let owned: Vec<(&str, String)> = EMBEDDED_FILES
        .iter()
        .map(|(name, text)| {
            if *name == file {
                let mut v: serde_json::Value = serde_json::from_str(text).unwrap();
                edit(&mut v);
                (*name, v.to_string())
            } else {
                (*name, text.to_string())
            }
        })
        .collect();
    let files: Vec<(&str, &str)> = owned.iter().map(|(n, t)| (*n, t.as_str())).collect();
    Catalog::from_files(&files)
}

fn expect_err(file: &str, edit: impl Fn(&mut serde_json::Value)) -> CatalogError {
    load_with(file, edit).expect_err("the broken catalog must not load")
}

#[test]
fn the_embedded_catalog_is_valid_and_complete() {
    let c = Catalog::from_files(&EMBEDDED_FILES).unwrap_or_else(|e| panic!("{e}"));
    assert!(c.questions.len() >= 17);
    // The contract's ids are all there.
    let contract = [
        ("sector", vec!["trade", "health", "legal_tax", "finance_insurance", "public_sector", "other"]),
        ("audience", vec!["customers", "internal", "partners"]),
        ("broadcast", vec!["yes", "no"]),
        (
            "messenger",
            vec![
                "whatsapp",
                "whatsapp_business_app",
                "whatsapp_business_platform",
                "threema",
                "threema_work",
                "signal",
                "wire",
                "telegram",
                "element",
                "teams",
                "slack",
                "mattermost",
                "rocketchat",
                "other",
                "undecided",
            ],
        ),
        ("provider_region", vec!["eu", "non_eu", "unknown"]),
        ("dpa", vec!["yes", "no", "unknown"]),
        (
            "device",
            vec!["company_business_only", "company_private_allowed", "private_phone", "dual_sim", "work_profile"],
        ),
        ("contact_access", vec!["granted", "denied"]),
        ("address_book", vec!["empty", "consented_only", "business_only", "mixed"]),
        ("first_contact", vec!["customer", "business"]),
        ("consent", vec!["documented", "informal", "none"]),
        ("content", vec!["appointments", "business_letters", "personal_data", "special_categories", "confidential"]),
        ("chat_backup", vec!["off", "cloud", "unknown"]),
        ("media_autosave", vec!["off", "on", "unknown"]),
        ("archiving", vec!["archived", "none"]),
        ("usage_policy", vec!["written", "informal", "none"]),
        ("works_council", vec!["agreement", "no_agreement", "none"]),
    ];
    for (q, opts) in contract {
        let question = c.question(q).unwrap_or_else(|| panic!("question {q}"));
        for o in opts {
            assert!(question.options.iter().any(|x| x.id == o), "{q}.{o}");
        }
    }
    assert!(c.question("audience").unwrap().multi && c.question("content").unwrap().multi);
    assert_eq!(c.as_of().len(), 10);
    assert!(c.messengers.iter().any(|m| m.id == "skype" && !m.recommend), "Skype is described and never recommended");
}

#[test]
fn a_broken_file_names_its_field() {
    let e = expect_err("questions.json", |v| v["questions"][0]["title"] = serde_json::json!("just a string"));
    assert_eq!(e.file, "questions.json");
    assert_eq!(e.field, "questions[0].title", "{e}");

    let e = Catalog::from_files(&[("meta.json", "{ not json")]).unwrap_err();
    assert_eq!(e.file, "meta.json");
    assert!(e.to_string().contains("line 1"), "{e}");
}

#[test]
fn a_missing_translation_names_the_entry_and_language() {
    let e = expect_err("rules.json", |v| v[0]["text"]["en"] = "".into());
    assert_eq!((e.file.as_str(), e.field.as_str()), ("rules.json", "text.en"));
    assert!(e.entry.contains("contact_upload"), "{e}");
}

#[test]
fn a_condition_with_an_unknown_option_names_it() {
    let e = expect_err("rules.json", |v| v[0]["when"]["all"][0]["is"][1] = "whatsap".into());
    assert!(e.message.contains("whatsap"), "{e}");
    assert_eq!(e.field, "when");
}

#[test]
fn a_question_may_only_depend_on_earlier_questions() {
    let e = expect_err("questions.json", |v| {
        v["questions"][0]["ask_when"] = serde_json::json!({"is": ["messenger", "whatsapp"]})
    });
    assert!(e.entry.contains("sector") && e.message.contains("before it"), "{e}");
}

#[test]
fn a_rule_without_sources_or_with_an_unknown_source_is_refused() {
    let e = expect_err("rules.json", |v| v[1]["sources"] = serde_json::json!([]));
    assert_eq!(e.field, "sources", "{e}");
    let e = expect_err("rules.json", |v| v[1]["sources"][0] = "nowhere".into());
    assert!(e.message.contains("nowhere") && e.field == "sources[0]", "{e}");
}

#[test]
fn a_messenger_fact_without_source_must_say_unknown() {
    let e = expect_err("messengers.json", |v| {
        let m = v.as_array_mut().unwrap().iter_mut().find(|m| m["id"] == "threema_work").unwrap();
        m["properties"]["e2e_default"]["sources"] = serde_json::json!([]);
    });
    assert!(e.entry.contains("threema_work") && e.field.starts_with("properties.e2e_default"), "{e}");
}

#[test]
fn duplicate_ids_and_bad_dates_are_refused() {
    let e = expect_err("measures.json", |v| {
        let first = v[0].clone();
        v.as_array_mut().unwrap().push(first);
    });
    assert!(e.message.contains("duplicate"), "{e}");
    let e = expect_err("meta.json", |v| v["as_of"] = "23.11.2026".into());
    assert_eq!(e.field, "as_of");
}

#[test]
fn overrides_change_texts_and_alternatives() {
    let o = Overrides::from_json(
        r#"{"texts": {"de": {"ui.title": "Unser Check", "question.sector.title": "Ihr Gewerk?"}},
            "alternatives": {"recommend": ["threema_work", "wire", "signal"], "hide": ["signal"]},
            "call_to_action": {"label": {"de": "Beratung anfragen"}, "url": "https://example.org/kontakt"}}"#,
    )
    .unwrap();
    let c = Catalog::embedded().with_overrides(&o).unwrap();
    assert_eq!(c.ui("title", Lang::De), "Unser Check");
    assert_eq!(c.question("sector").unwrap().title.de, "Ihr Gewerk?");
    assert_ne!(c.ui("title", Lang::En), "Unser Check", "English untouched");
    let a = engine::assess(&Default::default(), &c, Lang::De).unwrap();
    let ids: Vec<&str> = a.alternatives.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids.len(), 2);
    assert!(ids.contains(&"threema_work") && ids.contains(&"wire"));
    let cta = c.call_to_action.as_ref().unwrap();
    assert_eq!((cta.label.de.as_str(), cta.label.en.as_str()), ("Beratung anfragen", "Beratung anfragen"));
    // The original is untouched.
    assert_ne!(Catalog::embedded().ui("title", Lang::De), "Unser Check");
}

#[test]
fn malformed_overrides_name_the_field() {
    let cases = [
        (r#"{"texts": {"de": {"question.nope.title": "x"}}}"#, "question.nope.title"),
        (r#"{"texts": {"fr": {"ui.title": "x"}}}"#, "fr"),
        (r#"{"alternatives": {"hide": ["threema_work", "icq"]}}"#, "hide[1]"),
        (r#"{"call_to_action": {"label": {"de": "x"}, "url": "javascript:alert(1)"}}"#, "url"),
        (r#"{"colour": "red"}"#, ""),
        (r#"{"texts": {"de": {"ui.title": 5}}}"#, "texts.de.ui.title"),
    ];
    for (json, field) in cases {
        let e = Overrides::from_json(json).and_then(|o| Catalog::embedded().with_overrides(&o)).unwrap_err();
        assert!(e.to_string().contains(field), "{json}: {e}");
        assert_eq!(e.file, "catalog override");
    }
}
